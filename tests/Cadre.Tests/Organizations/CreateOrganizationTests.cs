using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Organizations;

public sealed class CreateOrganizationTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_created_organization_is_in_the_tree_and_its_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var centre = await database.CreateOrganizationAsync("CC", "Central Committee", 0, null);

        var id = await database.CreateOrganizationAsync("n", "  North Région ", 1, centre, new DateOnly(2001, 2, 3));

        await using var db = database.Context();
        var created = await db.Organizations.SingleAsync(o => o.Id == id, TestDatabase.Ct);
        Assert.Equal(("N", "North Région", centre, OrganizationStatus.Active, new DateOnly(2001, 2, 3)),
            (created.Code, created.Name, created.ParentId, created.Status, created.FoundedOn));
        Assert.Equal([centre, id], await database.SubtreeAsync(centre));
        var version = await db.OrganizationVersions.SingleAsync(v => v.OrganizationId == id, TestDatabase.Ct);
        Assert.Equal((new DateOnly(2001, 2, 3), (DateOnly?)null, centre), (version.ValidFrom, version.ValidTo, version.ParentId));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_duplicate_code_is_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var before = await CountsAsync(database);

        var result = await database.TryCreateOrganizationAsync("n-1", "Another District", 2, tree.North);

        var error = result.Fails<DuplicateOrganizationCode, int>();
        Assert.Equal("Code", error.Field);
        Assert.Equal(before, await CountsAsync(database));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_district_cannot_hold_a_region(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var before = await CountsAsync(database);

        var result = await database.TryCreateOrganizationAsync("R9", "Misplaced Region", 1, tree.NorthDistrict);

        Assert.Equal("ParentId", result.Fails<ParentLevelNotAbove, int>().Field);
        Assert.Equal(before, await CountsAsync(database));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_the_top_level_stands_without_a_parent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await database.TryCreateOrganizationAsync("R1", "Orphan Region", 1, null);

        result.Fails<ParentRequired, int>();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_secretary_cannot_create_outside_their_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        var inside = await database.TryCreateOrganizationAsync("N-1-9", "New Branch", 3, tree.NorthDistrict, actor: secretary);
        var outside = await database.TryCreateOrganizationAsync("S-1-9", "Foreign Branch", 3, tree.SouthDistrict, actor: secretary);

        inside.Ok();
        Assert.Equal("ParentId", outside.Fails<InvalidField, int>().Field);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_over_long_name_is_refused_by_field(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var centre = await database.CreateOrganizationAsync("CC", "Central Committee", 0, null);

        var result = await database.TryCreateOrganizationAsync("N", new string('x', 201), 1, centre);

        Assert.Contains(result.Fails<ValidationFailed, int>().Errors, e => e.Field == "Name");
    }

    internal static async Task<(int Organizations, int Paths, int Versions)> CountsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return (await db.Organizations.CountAsync(TestDatabase.Ct), await db.OrganizationPaths.CountAsync(TestDatabase.Ct),
            await db.OrganizationVersions.CountAsync(TestDatabase.Ct));
    }
}
