using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Members;

public sealed class MemberAccessTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_secretary_of_another_district_cannot_learn_a_member_exists(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var other = Arrange.Holding(Role.Secretary, tree.SouthDistrict);

        var read = await MemberQueries.GetAsync(database.Context(other), other, ana.MemberId, TestDatabase.Ct);
        var update = await UpdateMember.HandleAsync(database.Context(other), other, ana.MemberId, UpdateOf("Ana", "Souza"), TestDatabase.Ct);

        read.Fails<MemberNotFound, MemberDetails>();
        update.Fails<MemberNotFound, Done>();
        await AssertFamilyNameAsync(database, ana.MemberId, "Silva");
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_treasurer_reads_a_member_but_may_not_change_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);

        var read = (await MemberQueries.GetAsync(database.Context(treasurer), treasurer, ana.MemberId, TestDatabase.Ct)).Ok();
        var update = await UpdateMember.HandleAsync(database.Context(treasurer), treasurer, ana.MemberId, UpdateOf("Ana", "Souza"), TestDatabase.Ct);

        Assert.False(read.CanEdit);
        update.Fails<MemberNotPermitted, Done>();
        await AssertFamilyNameAsync(database, ana.MemberId, "Silva");
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_member_page_shows_only_the_part_of_the_path_the_reader_may_see(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        var asSecretary = (await MemberQueries.GetAsync(database.Context(secretary), secretary, ana.MemberId, TestDatabase.Ct)).Ok();
        var asAdmin = (await MemberQueries.GetAsync(database.Context(), Actor.System("admin"), ana.MemberId, TestDatabase.Ct)).Ok();

        Assert.Equal(["N-1", "N-1-1"], asSecretary.OrganizationPath.Select(c => c.Code));
        Assert.Equal(["CC", "N", "N-1", "N-1-1"], asAdmin.OrganizationPath.Select(c => c.Code));
        Assert.True(asSecretary.CanEdit);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_member_reads_their_own_record_and_nobody_else_s(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var rui = await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa");
        var self = new Actor("u-ana", "ana@example.org", [(Role.Member, tree.NorthBranch)], ana.PersonId);

        Assert.Equal("Silva", (await MemberQueries.GetAsync(database.Context(self), self, ana.MemberId, TestDatabase.Ct)).Ok().Person.FamilyName);
        (await MemberQueries.GetAsync(database.Context(self), self, rui.MemberId, TestDatabase.Ct)).Fails<MemberNotFound, MemberDetails>();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_update_based_on_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var admin = Actor.System("admin");
        (await UpdateMember.HandleAsync(database.Context(), admin, ana.MemberId, UpdateOf("Ana", "Souza") with { ExpectedVersion = 0 }, TestDatabase.Ct)).Ok();

        var stale = await UpdateMember.HandleAsync(database.Context(), admin, ana.MemberId, UpdateOf("Ana", "Santos") with { ExpectedVersion = 0 }, TestDatabase.Ct);

        stale.Fails<ConcurrentChange, Done>();
        await AssertFamilyNameAsync(database, ana.MemberId, "Souza");
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_member_moved_within_the_subtree_is_listed_under_the_new_organization(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        var outside = await UpdateMember.HandleAsync(database.Context(secretary), secretary, ana.MemberId,
            UpdateOf("Ana", "Silva") with { OrganizationId = tree.SouthBranch }, TestDatabase.Ct);
        (await UpdateMember.HandleAsync(database.Context(secretary), secretary, ana.MemberId,
            UpdateOf("Ana", "Silva") with { OrganizationId = tree.NorthBranch2 }, TestDatabase.Ct)).Ok();

        Assert.Equal("OrganizationId", outside.Fails<InvalidField, Done>().Field);
        var listed = (await MemberQueries.ListAsync(database.Context(), Actor.System("admin"), new MemberFilter { OrganizationId = tree.NorthBranch2 }, TestDatabase.Ct)).Ok();
        Assert.Equal([ana.MemberId], listed.Items.Select(m => m.Id));
    }

    private static UpdateMember.Request UpdateOf(string given, string family) =>
        new() { Person = Arrange.Person(given, family), JoinedOn = new DateOnly(2020, 5, 1) };

    private static async Task AssertFamilyNameAsync(TestDatabase database, int memberId, string expected)
    {
        await using var db = database.Context();
        Assert.Equal(expected, await db.Members.Where(m => m.Id == memberId).Select(m => m.Person.FamilyName).SingleAsync(TestDatabase.Ct));
    }
}
