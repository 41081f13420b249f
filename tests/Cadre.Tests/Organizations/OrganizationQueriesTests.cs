using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;

namespace Cadre.Tests.Organizations;

public sealed class OrganizationQueriesTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_district_secretary_sees_their_organization_with_breadcrumbs_inside_their_scope_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        var branch = (await OrganizationQueries.GetAsync(database.Context(secretary), secretary, tree.NorthBranch, TestDatabase.Ct)).Ok();
        var district = (await OrganizationQueries.GetAsync(database.Context(secretary), secretary, tree.NorthDistrict, TestDatabase.Ct)).Ok();
        var asAdmin = (await OrganizationQueries.GetAsync(database.Context(), Actor.System("admin"), tree.NorthBranch, TestDatabase.Ct)).Ok();

        Assert.Equal(["N-1"], branch.Breadcrumbs.Select(c => c.Code));
        Assert.Empty(district.Breadcrumbs);
        Assert.Equal(["CC", "N", "N-1"], asAdmin.Breadcrumbs.Select(c => c.Code));
        Assert.Equal((1, 1, true), (branch.MemberCount, district.SubtreeMemberCount, district.CanManage));
        Assert.Equal(["Dockworkers Branch", "Railway Branch"], district.Children.Select(c => c.Name));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Search_and_roots_stay_inside_the_actor_s_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        var roots = await OrganizationQueries.RootsAsync(database.Context(), secretary, TestDatabase.Ct);
        var branches = await OrganizationQueries.SearchAsync(database.Context(), secretary, "branch", 50, TestDatabase.Ct);
        var byCode = await OrganizationQueries.SearchAsync(database.Context(), Actor.System("admin"), "s-1", 50, TestDatabase.Ct);
        var foreign = await OrganizationQueries.GetAsync(database.Context(), secretary, tree.SouthDistrict, TestDatabase.Ct);

        Assert.Equal([tree.NorthDistrict], roots.Select(r => r.Id));
        Assert.Equal(["Dockworkers Branch", "Railway Branch"], branches.Select(b => b.Name));
        Assert.Equal(["S-1", "S-1-1"], byCode.Select(b => b.Code).Order());
        foreign.Fails<OrganizationNotFound, OrganizationDetails>();
    }
}
