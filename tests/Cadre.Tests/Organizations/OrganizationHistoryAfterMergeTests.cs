using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;

namespace Cadre.Tests.Organizations;

public sealed class OrganizationHistoryAfterMergeTests
{
    private static readonly Actor Admin = Actor.System("test");

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_tree_before_a_merge_shows_both_organizations_with_their_children(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var on = new DateOnly(2024, 7, 1);

        (await MergeOrganizationsTests.MergeAsync(database, tree.NorthDistrict2, tree.NorthDistrict, on)).Ok();

        var before = (await OrganizationQueries.TreeOnAsync(database.Context(), Admin, on.AddDays(-1), tree.North, TestDatabase.Ct)).Ok();
        var after = (await OrganizationQueries.TreeOnAsync(database.Context(), Admin, on, tree.North, TestDatabase.Ct)).Ok();
        var districtBefore = (await OrganizationQueries.TreeOnAsync(database.Context(), Admin, on.AddDays(-1), tree.NorthDistrict, TestDatabase.Ct)).Ok();
        var districtAfter = (await OrganizationQueries.TreeOnAsync(database.Context(), Admin, on, tree.NorthDistrict, TestDatabase.Ct)).Ok();

        Assert.All(before, r => Assert.Equal(OrganizationStatus.Active, r.Status));
        Assert.Equal(["Lakeside District", "Riverside District"], before.Select(r => r.Name));
        Assert.Equal(OrganizationStatus.Merged, after.Single(r => r.OrganizationId == tree.NorthDistrict2).Status);
        Assert.DoesNotContain(districtBefore, r => r.OrganizationId == tree.NorthBranch3);
        Assert.Contains(districtAfter, r => r.OrganizationId == tree.NorthBranch3);
        var history = (await OrganizationQueries.HistoryAsync(database.Context(), Admin, tree.NorthBranch3, TestDatabase.Ct)).Ok();
        Assert.Equal([(int?)tree.NorthDistrict2, tree.NorthDistrict], history.Select(v => v.ParentId));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task No_member_is_registered_in_a_merged_organization(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        (await MergeOrganizationsTests.MergeAsync(database, tree.NorthBranch, tree.NorthBranch2)).Ok();

        var result = await database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person("Ana", "Silva"));

        result.Fails<MemberOrganizationNotActive, RegisterMember.Registered>();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_rename_based_on_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        (await RenameOrganization.HandleAsync(database.Context(), Admin, tree.North,
            new RenameOrganization.Request { Name = "Northern Region", ExpectedVersion = 0 }, TestDatabase.Ct)).Ok();

        var stale = await RenameOrganization.HandleAsync(database.Context(), Admin, tree.North,
            new RenameOrganization.Request { Name = "Upper Region", ExpectedVersion = 0 }, TestDatabase.Ct);

        stale.Fails<ConcurrentChange, Done>();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_secretary_sees_the_past_tree_from_their_own_roots(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        var roots = (await OrganizationQueries.TreeOnAsync(database.Context(), secretary, new DateOnly(2024, 1, 1), null, TestDatabase.Ct)).Ok();
        var foreign = await OrganizationQueries.TreeOnAsync(database.Context(), secretary, new DateOnly(2024, 1, 1), tree.South, TestDatabase.Ct);

        Assert.Equal([tree.NorthDistrict], roots.Select(r => r.OrganizationId));
        Assert.True(roots[0].HasChildren);
        foreign.Fails<OrganizationNotFound, IReadOnlyList<VersionRow>>();
    }
}
