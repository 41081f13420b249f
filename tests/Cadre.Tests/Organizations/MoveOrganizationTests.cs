using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Organizations;

public sealed class MoveOrganizationTests
{
    private static readonly Actor Admin = Actor.System("test");

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_moved_organization_takes_its_whole_subtree_and_the_closure_answers_at_every_depth(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        (await MoveAsync(database, tree.NorthDistrict, tree.South)).Ok();

        Assert.Equal(Sorted(tree.South, tree.SouthDistrict, tree.SouthBranch, tree.NorthDistrict, tree.NorthBranch, tree.NorthBranch2),
            await database.SubtreeAsync(tree.South));
        Assert.Equal(Sorted(tree.North, tree.NorthDistrict2, tree.NorthBranch3), await database.SubtreeAsync(tree.North));
        Assert.Equal(Sorted(tree.NorthDistrict, tree.NorthBranch, tree.NorthBranch2), await database.SubtreeAsync(tree.NorthDistrict));
        Assert.Equal(10, (await database.SubtreeAsync(tree.Centre)).Count);
        await AssertClosureMatchesParentsAsync(database);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Several_moves_keep_the_closure_right(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        (await MoveAsync(database, tree.NorthBranch, tree.SouthDistrict)).Ok();
        (await MoveAsync(database, tree.SouthDistrict, tree.North)).Ok();
        (await MoveAsync(database, tree.NorthDistrict2, tree.South)).Ok();

        Assert.Equal(Sorted(tree.North, tree.NorthDistrict, tree.NorthBranch2, tree.SouthDistrict, tree.SouthBranch, tree.NorthBranch),
            await database.SubtreeAsync(tree.North));
        Assert.Equal(Sorted(tree.South, tree.NorthDistrict2, tree.NorthBranch3), await database.SubtreeAsync(tree.South));
        await AssertClosureMatchesParentsAsync(database);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Moving_under_its_own_descendant_is_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var centre = await database.CreateOrganizationAsync("CC", "Central Committee", 0, null);
        var north = await database.CreateOrganizationAsync("N", "North Region", 1, centre);
        var district = await database.CreateOrganizationAsync("N-1", "Riverside District", 2, north);
        var before = await CreateOrganizationTests.CountsAsync(database);

        var result = await MoveAsync(database, north, district);

        Assert.Equal("NewParentId", result.Fails<CannotMoveUnderItself, Cadre.Common.Done>().Field);
        Assert.Equal(before, await CreateOrganizationTests.CountsAsync(database));
        await AssertClosureMatchesParentsAsync(database);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_move_is_refused_when_the_new_parent_is_not_of_a_higher_level(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        var result = await MoveAsync(database, tree.NorthDistrict, tree.SouthDistrict);

        Assert.Equal("NewParentId", result.Fails<ParentLevelNotAbove, Cadre.Common.Done>().Field);
        Assert.Equal(Sorted(tree.SouthDistrict, tree.SouthBranch), await database.SubtreeAsync(tree.SouthDistrict));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_secretary_cannot_move_an_organization_out_to_a_parent_they_do_not_manage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.North);

        var result = await MoveOrganization.HandleAsync(database.Context(secretary), secretary, tree.NorthDistrict,
            new MoveOrganization.Request(tree.South), TestDatabase.Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(Sorted(tree.North, tree.NorthDistrict, tree.NorthDistrict2, tree.NorthBranch, tree.NorthBranch2, tree.NorthBranch3),
            await database.SubtreeAsync(tree.North));
    }

    internal static Task<Cadre.Common.Result<Cadre.Common.Done>> MoveAsync(TestDatabase database, int id, int newParentId, DateOnly? on = null) =>
        MoveOrganization.HandleAsync(database.Context(), Admin, id, new MoveOrganization.Request(newParentId, on), TestDatabase.Ct);

    internal static List<int> Sorted(params int[] ids) => [.. ids.Order()];

    /// The closure table must hold exactly the (ancestor, descendant, depth) rows the parent links imply.
    internal static async Task AssertClosureMatchesParentsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var parents = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.ParentId, TestDatabase.Ct);
        var expected = new List<(int, int, int)>();
        foreach (var id in parents.Keys)
        {
            int? current = id;
            var depth = 0;
            while (current is { } c)
            {
                expected.Add((c, id, depth++));
                current = parents[c];
            }
        }
        var actual = await db.OrganizationPaths.Select(p => new { p.AncestorId, p.DescendantId, p.Depth }).ToListAsync(TestDatabase.Ct);
        Assert.Equal(expected.Order(), actual.Select(p => (p.AncestorId, p.DescendantId, p.Depth)).Order());
    }
}
