using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Organizations;

public sealed class DissolveOrganizationTests
{
    private static readonly Actor Admin = Actor.System("test");

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Dissolving_an_organization_with_members_is_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa");
        var before = await CreateOrganizationTests.CountsAsync(database);

        var result = await DissolveOrganization.HandleAsync(database.Context(), Admin, tree.NorthBranch,
            new DissolveOrganization.Request(), TestDatabase.Ct);

        Assert.Equal(2, result.Fails<HasMembers, Done>().Count);
        await using var db = database.Context();
        Assert.Equal(OrganizationStatus.Active, await db.Organizations.Where(o => o.Id == tree.NorthBranch).Select(o => o.Status).SingleAsync(TestDatabase.Ct));
        Assert.Equal(before, await CreateOrganizationTests.CountsAsync(database));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Dissolving_with_a_transfer_moves_the_members_and_ends_the_organization(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var rui = await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa");
        var on = database.Clock.Today.AddDays(-1);

        (await DissolveOrganization.HandleAsync(database.Context(), Admin, tree.NorthBranch,
            new DissolveOrganization.Request(on, TransferMembersToId: tree.NorthBranch2), TestDatabase.Ct)).Ok();

        await using var db = database.Context();
        var dissolved = await db.Organizations.SingleAsync(o => o.Id == tree.NorthBranch, TestDatabase.Ct);
        Assert.Equal((OrganizationStatus.Dissolved, (DateOnly?)on), (dissolved.Status, dissolved.EndedOn));
        var placed = await db.Members.Where(m => m.Id == ana.MemberId || m.Id == rui.MemberId).Select(m => m.OrganizationId).ToListAsync(TestDatabase.Ct);
        Assert.Equal([tree.NorthBranch2, tree.NorthBranch2], placed);
        var current = await db.OrganizationVersions.SingleAsync(v => v.OrganizationId == tree.NorthBranch && v.ValidTo == null, TestDatabase.Ct);
        Assert.Equal((OrganizationStatus.Dissolved, on), (current.Status, current.ValidFrom));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Members_cannot_be_transferred_to_an_organization_of_another_level(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");

        var result = await DissolveOrganization.HandleAsync(database.Context(), Admin, tree.NorthBranch,
            new DissolveOrganization.Request(TransferMembersToId: tree.NorthDistrict), TestDatabase.Ct);

        Assert.Equal("TransferMembersToId", result.Fails<TransferTargetInvalid, Done>().Field);
        await using var db = database.Context();
        Assert.Equal(tree.NorthBranch, await db.Members.Where(m => m.Id == ana.MemberId).Select(m => m.OrganizationId).SingleAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Dissolving_an_organization_with_active_children_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        var result = await DissolveOrganization.HandleAsync(database.Context(), Admin, tree.NorthDistrict,
            new DissolveOrganization.Request(), TestDatabase.Ct);

        Assert.Equal(2, result.Fails<HasActiveChildren, Done>().Count);
    }
}
