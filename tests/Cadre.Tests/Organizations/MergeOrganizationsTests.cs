using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Organizations.MoveOrganizationTests;

namespace Cadre.Tests.Organizations;

public sealed class MergeOrganizationsTests
{
    private static readonly Actor Admin = Actor.System("test");

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Merging_branches_moves_the_members_and_marks_the_absorbed_one_merged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var rui = await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa");
        var eva = await database.RegisterMemberAsync(tree.NorthBranch2, "Eva", "Lima");

        (await MergeAsync(database, tree.NorthBranch, tree.NorthBranch2)).Ok();

        await using var db = database.Context();
        var absorbed = await db.Organizations.SingleAsync(o => o.Id == tree.NorthBranch, TestDatabase.Ct);
        Assert.Equal((OrganizationStatus.Merged, (int?)tree.NorthBranch2, (DateOnly?)database.Clock.Today),
            (absorbed.Status, absorbed.MergedIntoId, absorbed.EndedOn));
        var members = await db.Members.Where(m => m.OrganizationId == tree.NorthBranch2).Select(m => m.Id).OrderBy(m => m).ToListAsync(TestDatabase.Ct);
        Assert.Equal(Sorted(ana.MemberId, rui.MemberId, eva.MemberId), members);
        Assert.False(await db.Members.AnyAsync(m => m.OrganizationId == tree.NorthBranch, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Merging_districts_across_regions_moves_the_children_and_keeps_the_closure_right(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        (await MergeAsync(database, tree.SouthDistrict, tree.NorthDistrict)).Ok();

        Assert.Equal(Sorted(tree.NorthDistrict, tree.NorthBranch, tree.NorthBranch2, tree.SouthBranch), await database.SubtreeAsync(tree.NorthDistrict));
        Assert.Contains(tree.SouthBranch, await database.SubtreeAsync(tree.North));
        Assert.Equal(Sorted(tree.South, tree.SouthDistrict), await database.SubtreeAsync(tree.South));
        await AssertClosureMatchesParentsAsync(database);
        await using var db = database.Context();
        Assert.Equal(tree.NorthDistrict, await db.Organizations.Where(o => o.Id == tree.SouthBranch).Select(o => o.ParentId).SingleAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Moves_and_merges_in_turn_keep_everything_below_right(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var east = await database.CreateOrganizationAsync("E", "East Region", 1, tree.Centre);

        (await MoveAsync(database, tree.NorthDistrict2, east)).Ok();
        (await MergeAsync(database, tree.NorthDistrict, tree.NorthDistrict2)).Ok();
        (await MergeAsync(database, tree.North, east)).Ok();

        Assert.Equal(Sorted(east, tree.NorthDistrict2, tree.NorthBranch, tree.NorthBranch2, tree.NorthBranch3), await database.SubtreeAsync(east));
        // Merged organizations stay where they were, as history; only active children move.
        Assert.Equal(Sorted(tree.North, tree.NorthDistrict), await database.SubtreeAsync(tree.North));
        Assert.Equal(Sorted(tree.NorthDistrict), await database.SubtreeAsync(tree.NorthDistrict));
        await AssertClosureMatchesParentsAsync(database);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_organizations_of_the_same_level_merge(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        (await MergeAsync(database, tree.NorthBranch, tree.NorthDistrict)).Fails<MergeNeedsSameLevel, Done>();
        (await MergeAsync(database, tree.NorthBranch, tree.NorthBranch)).Fails<CannotMergeWithItself, Done>();
    }

    internal static Task<Result<Done>> MergeAsync(TestDatabase database, int id, int targetId, DateOnly? on = null) =>
        MergeOrganizations.HandleAsync(database.Context(), Admin, id, new MergeOrganizations.Request(targetId, on), TestDatabase.Ct);
}
