using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Organizations;

public sealed class TermTests
{
    private static readonly Actor Admin = Actor.System("test");

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_term_ending_before_it_starts_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (tree, office) = await SecretaryOfficeAsync(database);
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");

        var result = await AppointAsync(database, office, ana.PersonId, new DateOnly(2022, 1, 1), new DateOnly(2021, 12, 31));

        Assert.Equal("EndsOn", result.Fails<TermEndsBeforeItStarts, int>().Field);
        await using var db = database.Context();
        Assert.False(await db.Terms.AnyAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Offices_and_terms_are_in_the_audit_trail_with_their_values(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (tree, office) = await SecretaryOfficeAsync(database);
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var term = (await AppointAsync(database, office, ana.PersonId, new DateOnly(2020, 1, 1), null)).Ok();
        (await EndTerm.HandleAsync(database.Context(Admin), Admin, term, new EndTerm.Request(new DateOnly(2023, 6, 30)), TestDatabase.Ct)).Ok();

        await using var db = database.Context();
        var entries = await db.AuditEntries.Where(a => a.EntityType == "Office" || a.EntityType == "Term").OrderBy(a => a.Id).ToListAsync(TestDatabase.Ct);
        Assert.Contains(entries, a => a.EntityType == "Office" && a.Action == Cadre.Audit.AuditAction.Created && a.After!.Contains("Secretary", StringComparison.Ordinal));
        Assert.Contains(entries, a => a.EntityType == "Term" && a.Action == Cadre.Audit.AuditAction.Created && a.After!.Contains("2020-01-01", StringComparison.Ordinal));
        var ended = Assert.Single(entries, a => a.EntityType == "Term" && a.Action == Cadre.Audit.AuditAction.Updated);
        Assert.Contains("2023-06-30", ended.After, StringComparison.Ordinal);
        Assert.Contains("null", ended.Before, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_second_secretary_while_one_holds_the_office_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (tree, office) = await SecretaryOfficeAsync(database);
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var rui = await database.RegisterMemberAsync(tree.NorthBranch2, "Rui", "Costa");
        (await AppointAsync(database, office, ana.PersonId, new DateOnly(2020, 1, 1), null)).Ok();

        var result = await AppointAsync(database, office, rui.PersonId, new DateOnly(2021, 1, 1), null);

        Assert.Equal("StartsOn", result.Fails<OfficeAlreadyHeld, int>().Field);
        await using var db = database.Context();
        Assert.Equal(1, await db.Terms.CountAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_succession_is_kept_and_the_current_holder_shown(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (tree, office) = await SecretaryOfficeAsync(database);
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var rui = await database.RegisterMemberAsync(tree.NorthBranch2, "Rui", "Costa");
        var first = (await AppointAsync(database, office, ana.PersonId, new DateOnly(2020, 1, 1), null)).Ok();

        (await EndTerm.HandleAsync(database.Context(), Admin, first, new EndTerm.Request(new DateOnly(2022, 12, 31)), TestDatabase.Ct)).Ok();
        (await AppointAsync(database, office, rui.PersonId, new DateOnly(2023, 1, 1), null)).Ok();

        var details = (await OrganizationQueries.GetAsync(database.Context(), Admin, tree.NorthDistrict, TestDatabase.Ct)).Ok();
        var secretary = Assert.Single(details.Offices);
        Assert.Equal(["Rui Costa", "Ana Silva"], secretary.Terms.Select(t => t.PersonName));
        Assert.Equal("Rui Costa", Assert.Single(secretary.Current).PersonName);
        Assert.Equal(new DateOnly(2022, 12, 31), secretary.Terms[1].EndsOn);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_a_member_of_the_subtree_can_hold_an_office(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (tree, office) = await SecretaryOfficeAsync(database);
        var stranger = await database.RegisterMemberAsync(tree.SouthBranch, "Eva", "Lima");

        var result = await AppointAsync(database, office, stranger.PersonId, new DateOnly(2020, 1, 1), null);

        Assert.Equal("PersonId", result.Fails<InvalidField, int>().Field);
    }

    private static async Task<(Tree Tree, int Office)> SecretaryOfficeAsync(TestDatabase database)
    {
        var tree = await database.CreateTreeAsync();
        var office = (await CreateOffice.HandleAsync(database.Context(), Admin, tree.NorthDistrict,
            new CreateOffice.Request { Title = "Secretary", Kind = OfficeKind.Secretary }, TestDatabase.Ct)).Ok();
        return (tree, office);
    }

    private static Task<Result<int>> AppointAsync(TestDatabase database, int office, int personId, DateOnly starts, DateOnly? ends) =>
        AppointToOffice.HandleAsync(database.Context(), Admin, office,
            new AppointToOffice.Request { PersonId = personId, StartsOn = starts, EndsOn = ends }, TestDatabase.Ct);
}
