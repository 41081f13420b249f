using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Tests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Accounts;

public sealed class ActorScopeTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_district_secretary_scope_is_exactly_their_district_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        await using var db = database.Context();
        foreach (var permission in new[] { Permission.OrganizationsRead, Permission.MembersRead, Permission.MembersManage, Permission.AuditRead })
        {
            var scope = await secretary.Scope(db, permission)!.OrderBy(id => id).ToListAsync(TestDatabase.Ct);
            Assert.Equal(MoveOrganizationTests.Sorted(tree.NorthDistrict, tree.NorthBranch, tree.NorthBranch2), scope);
        }
        Assert.Empty(await secretary.Scope(db, Permission.UsersManage)!.ToListAsync(TestDatabase.Ct));
        Assert.Null(Actor.System("admin").Scope(db, Permission.MembersRead));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_district_secretary_can_act_below_but_not_in_another_district_or_above(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        await using var db = database.Context();
        Assert.True(await secretary.CanAsync(db, Permission.MembersManage, tree.NorthDistrict, TestDatabase.Ct));
        Assert.True(await secretary.CanAsync(db, Permission.MembersManage, tree.NorthBranch2, TestDatabase.Ct));
        Assert.False(await secretary.CanAsync(db, Permission.MembersRead, tree.NorthDistrict2, TestDatabase.Ct));
        Assert.False(await secretary.CanAsync(db, Permission.MembersRead, tree.SouthBranch, TestDatabase.Ct));
        Assert.False(await secretary.CanAsync(db, Permission.OrganizationsRead, tree.North, TestDatabase.Ct));
        Assert.False(await secretary.CanAsync(db, Permission.AuditRead, tree.SouthBranch, TestDatabase.Ct));
        Assert.False(await secretary.CanAsync(db, Permission.UsersManage, tree.NorthBranch, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_grant_holds_with_its_own_permissions_in_its_own_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var actor = new Actor("u1", "both@example.org", [(Role.Secretary, tree.NorthDistrict), (Role.Treasurer, tree.South)]);

        await using var db = database.Context();
        Assert.Equal(MoveOrganizationTests.Sorted(tree.NorthDistrict, tree.NorthBranch, tree.NorthBranch2),
            await actor.Scope(db, Permission.MembersManage)!.OrderBy(id => id).ToListAsync(TestDatabase.Ct));
        Assert.Equal(MoveOrganizationTests.Sorted(tree.NorthDistrict, tree.NorthBranch, tree.NorthBranch2, tree.South, tree.SouthDistrict, tree.SouthBranch),
            await actor.Scope(db, Permission.MembersRead)!.OrderBy(id => id).ToListAsync(TestDatabase.Ct));
        Assert.False(await actor.CanAsync(db, Permission.MembersManage, tree.SouthBranch, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_scope_follows_an_organization_moved_into_or_out_of_the_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        (await MoveOrganizationTests.MoveAsync(database, tree.NorthBranch3, tree.NorthDistrict)).Ok();
        (await MoveOrganizationTests.MoveAsync(database, tree.NorthBranch, tree.SouthDistrict)).Ok();

        await using var db = database.Context();
        Assert.Equal(MoveOrganizationTests.Sorted(tree.NorthDistrict, tree.NorthBranch2, tree.NorthBranch3),
            await secretary.Scope(db, Permission.MembersRead)!.OrderBy(id => id).ToListAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_member_role_cannot_list_members(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var member = Arrange.Holding(Role.Member, tree.NorthBranch);

        var result = await MemberQueries.ListAsync(database.Context(), member, new MemberFilter(), TestDatabase.Ct);

        result.Fails<MemberNotPermitted, CursorPage<MemberRow>>();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Organization_access_tells_not_found_from_not_permitted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);

        await using var db = database.Context();
        var read = await OrganizationAccess.FindAsync(db, treasurer, tree.NorthBranch, Permission.OrganizationsRead, TestDatabase.Ct);
        var manage = await OrganizationAccess.FindAsync(db, treasurer, tree.NorthBranch, Permission.OrganizationsManage, TestDatabase.Ct);
        var foreign = await OrganizationAccess.FindAsync(db, treasurer, tree.SouthBranch, Permission.OrganizationsRead, TestDatabase.Ct);
        var missing = await OrganizationAccess.FindAsync(db, treasurer, 999_999, Permission.OrganizationsRead, TestDatabase.Ct);

        Assert.Equal("Dockworkers Branch", read.Ok().Name);
        manage.Fails<OrganizationNotPermitted, Organization>();
        foreign.Fails<OrganizationNotFound, Organization>();
        missing.Fails<OrganizationNotFound, Organization>();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_treasurer_may_not_rename_their_own_organization_and_learns_nothing_of_others(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);

        var own = await RenameOrganization.HandleAsync(database.Context(treasurer), treasurer, tree.NorthDistrict,
            new RenameOrganization.Request { Name = "Renamed" }, TestDatabase.Ct);
        var other = await RenameOrganization.HandleAsync(database.Context(treasurer), treasurer, tree.SouthDistrict,
            new RenameOrganization.Request { Name = "Renamed" }, TestDatabase.Ct);

        own.Fails<OrganizationNotPermitted, Done>();
        other.Fails<OrganizationNotFound, Done>();
        await using var db = database.Context();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == "Renamed", TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_actor_loaded_for_a_user_holds_the_grants_stored_for_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await using (var setup = database.Context())
        {
            setup.Users.Add(new CadreUser { Id = "u-1", UserName = "sec@example.org", Email = "sec@example.org", CreatedAt = setup.Now });
            setup.RoleGrants.Add(RoleGrant.Create("u-1", Role.Secretary, tree.SouthDistrict, setup.Now));
            await setup.SaveChangesAsync(TestDatabase.Ct);
        }

        var actor = await ActorLoader.LoadAsync(database.Context(), "u-1", TestDatabase.Ct);

        Assert.NotNull(actor);
        Assert.Equal(("u-1", "sec@example.org", false), (actor.UserId, actor.Name, actor.IsAdministrator));
        Assert.Equal([(Role.Secretary, (int?)tree.SouthDistrict)], actor.Grants);
        Assert.Null(await ActorLoader.LoadAsync(database.Context(), "nobody", TestDatabase.Ct));
    }
}
