using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Organizations;

public sealed class OrganizationLifecycleTests
{
    private static readonly Actor Admin = Actor.System("test");

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Dissolving_ends_the_terms_of_its_offices_and_no_one_can_be_appointed_after(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var office = (await CreateOffice.HandleAsync(database.Context(), Admin, tree.NorthBranch,
            new CreateOffice.Request { Title = "Secretary", Kind = OfficeKind.Secretary }, TestDatabase.Ct)).Ok();
        (await AppointToOffice.HandleAsync(database.Context(), Admin, office,
            new AppointToOffice.Request { PersonId = ana.PersonId, StartsOn = new DateOnly(2021, 1, 1) }, TestDatabase.Ct)).Ok();
        var on = new DateOnly(2024, 12, 31);

        (await DissolveOrganization.HandleAsync(database.Context(), Admin, tree.NorthBranch,
            new DissolveOrganization.Request(on, tree.NorthBranch2), TestDatabase.Ct)).Ok();
        var late = await AppointToOffice.HandleAsync(database.Context(), Admin, office,
            new AppointToOffice.Request { PersonId = ana.PersonId, StartsOn = new DateOnly(2025, 1, 1) }, TestDatabase.Ct);

        late.Fails<OrganizationNotActive, int>();
        await using var db = database.Context();
        Assert.Equal(on, await db.Terms.Select(t => t.EndsOn).SingleAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Renaming_to_a_code_already_used_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        var result = await RenameOrganization.HandleAsync(database.Context(), Admin, tree.NorthDistrict,
            new RenameOrganization.Request { Name = "Riverside District", Code = "s-1" }, TestDatabase.Ct);

        Assert.Equal("Code", result.Fails<DuplicateOrganizationCode, Done>().Field);
        await using var db = database.Context();
        Assert.Equal("N-1", await db.Organizations.Where(o => o.Id == tree.NorthDistrict).Select(o => o.Code).SingleAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_move_is_audited_with_the_parent_before_and_after(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        (await MoveOrganizationTests.MoveAsync(database, tree.NorthDistrict, tree.South)).Ok();

        await using var db = database.Context();
        var key = tree.NorthDistrict.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "Organization" && a.EntityId == key && a.Action == AuditAction.Updated, TestDatabase.Ct);
        Assert.Equal(tree.North, JsonSerializer.Deserialize<Dictionary<string, int>>(entry.Before!)!["ParentId"]);
        Assert.Equal(tree.South, JsonSerializer.Deserialize<Dictionary<string, int>>(entry.After!)!["ParentId"]);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_treasurer_may_not_create_offices_or_bodies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);

        var office = await CreateOffice.HandleAsync(database.Context(treasurer), treasurer, tree.NorthDistrict,
            new CreateOffice.Request { Title = "Secretary" }, TestDatabase.Ct);
        var body = await CreateBody.HandleAsync(database.Context(treasurer), treasurer, tree.NorthDistrict,
            new CreateBody.Request { Name = "Bureau" }, TestDatabase.Ct);

        office.Fails<OrganizationNotPermitted, int>();
        body.Fails<OrganizationNotPermitted, int>();
    }
}
