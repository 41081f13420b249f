using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;

namespace Cadre.Tests.Members;

public sealed class MemberQueriesTests
{
    private static readonly Actor Admin = Actor.System("test");

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_name_search_ignores_accents_and_case(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var jose = await database.RegisterMemberAsync(tree.NorthBranch, "José", "Álvarez");
        await database.RegisterMemberAsync(tree.NorthBranch, "Josefina", "Núñez");
        await database.RegisterMemberAsync(tree.NorthBranch, "Maria", "Joseph");
        await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa");

        // Family names that start with the words come first, then given and full names that do.
        Assert.Equal(["Joseph", "Álvarez", "Núñez"], (await SearchAsync(database, "jose")).Select(r => r.FamilyName));
        Assert.Equal([jose.MemberId], (await SearchAsync(database, "ALVA")).Select(r => r.Id));
        Assert.Equal([jose.MemberId], (await SearchAsync(database, "jose alv")).Select(r => r.Id));
        Assert.Equal(["Costa"], (await SearchAsync(database, "cost")).Select(r => r.FamilyName));
        Assert.Empty(await SearchAsync(database, "osta"));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_member_is_found_by_number_and_by_email(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva", "Ana.Silva@Example.org");
        var rui = await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa", "rui@example.org");

        Assert.Equal([rui.MemberId], (await SearchAsync(database, rui.Number)).Select(r => r.Id));
        Assert.Equal([ana.MemberId], (await SearchAsync(database, "ana.silva@example.ORG")).Select(r => r.Id));
        Assert.Equal([ana.MemberId, rui.MemberId], (await SearchAsync(database, rui.Number[..6])).Select(r => r.Id).Order());
        Assert.Empty(await SearchAsync(database, "ana@example.org"));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Cursor_pagination_returns_every_member_exactly_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        string[] families = ["Silva", "Costa", "Silva", "Álvarez", "Lima", "Silva", "Costa", "Zé", "alvarez", "Lima", "Silva", "Ng", "Silva", "Ödön", "Costa", "Silva", "Lima"];
        var registered = new List<int>();
        for (var i = 0; i < families.Length; i++)
            registered.Add((await database.RegisterMemberAsync(i % 2 == 0 ? tree.NorthBranch : tree.SouthBranch, $"Given{i}", families[i])).MemberId);

        var seen = new List<MemberRow>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await MemberQueries.ListAsync(database.Context(), Admin, new MemberFilter { Cursor = cursor, Take = 4 }, TestDatabase.Ct)).Ok();
            Assert.True(page.Items.Count <= 4);
            seen.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(registered.Order(), seen.Select(r => r.Id).Order());
        Assert.Equal(seen.Count, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(5, pages);
        var keys = seen.Select(r => Text.SearchKey(r.FamilyName)).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_name_search_pages_through_family_names_then_given_names_each_match_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var expected = new List<int>();
        // Family names starting with "mar" (some also given names starting with it), then given names only.
        foreach (var (given, family) in new[] { ("Ana", "Marques"), ("Mario", "Martins"), ("Rui", "Mar"), ("Eva", "Marques"), ("Maria", "Marx") })
            expected.Add((await database.RegisterMemberAsync(tree.NorthBranch, given, family)).MemberId);
        foreach (var (given, family) in new[] { ("Marta", "Silva"), ("Mariana", "Costa"), ("Maria", "Abreu"), ("Mário", "Zé") })
            expected.Add((await database.RegisterMemberAsync(tree.SouthBranch, given, family)).MemberId);
        await database.RegisterMemberAsync(tree.SouthBranch, "Ana", "Silva");
        await database.RegisterMemberAsync(tree.SouthBranch, "Amar", "Costa");

        var seen = new List<MemberRow>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await MemberQueries.ListAsync(database.Context(), Admin, new MemberFilter { Search = "Mar", Cursor = cursor, Take = 2 }, TestDatabase.Ct)).Ok();
            seen.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(["Mar", "Marques", "Marques", "Martins", "Marx", "Abreu", "Mariana", "Mário", "Marta"],
            seen.Select(r => r.FamilyName == "Costa" || r.FamilyName == "Silva" || r.FamilyName == "Zé" ? r.GivenName : r.FamilyName));
        Assert.Equal(expected.Order(), seen.Select(r => r.Id).Order());
        Assert.Equal(5, pages);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_forged_cursor_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await MemberQueries.ListAsync(database.Context(), Admin, new MemberFilter { Cursor = "not a cursor!" }, TestDatabase.Ct);

        Assert.Equal("cursor", result.Fails<InvalidCursor, CursorPage<MemberRow>>().Field);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_organization_filter_covers_its_whole_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var rui = await database.RegisterMemberAsync(tree.NorthBranch2, "Rui", "Costa");
        await database.RegisterMemberAsync(tree.NorthBranch3, "Eva", "Lima");
        await database.RegisterMemberAsync(tree.SouthBranch, "Joao", "Reis");

        var district = (await MemberQueries.ListAsync(database.Context(), Admin, new MemberFilter { OrganizationId = tree.NorthDistrict }, TestDatabase.Ct)).Ok();
        var region = (await MemberQueries.ListAsync(database.Context(), Admin, new MemberFilter { OrganizationId = tree.North }, TestDatabase.Ct)).Ok();

        Assert.Equal([ana.MemberId, rui.MemberId], district.Items.Select(r => r.Id).Order());
        Assert.Equal(3, region.Items.Count);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_secretary_lists_only_their_subtree_and_cannot_filter_outside_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        await database.RegisterMemberAsync(tree.SouthBranch, "Joao", "Reis");
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        var own = (await MemberQueries.ListAsync(database.Context(), secretary, new MemberFilter(), TestDatabase.Ct)).Ok();
        var foreign = await MemberQueries.ListAsync(database.Context(), secretary, new MemberFilter { OrganizationId = tree.SouthDistrict }, TestDatabase.Ct);
        var searched = (await MemberQueries.ListAsync(database.Context(), secretary, new MemberFilter { Search = "reis" }, TestDatabase.Ct)).Ok();

        Assert.Equal([ana.MemberId], own.Items.Select(r => r.Id));
        foreign.Fails<Cadre.Organizations.OrganizationNotFound, CursorPage<MemberRow>>();
        Assert.Empty(searched.Items);
    }

    private static async Task<IReadOnlyList<MemberRow>> SearchAsync(TestDatabase database, string search) =>
        (await MemberQueries.ListAsync(database.Context(), Admin, new MemberFilter { Search = search }, TestDatabase.Ct)).Ok().Items;
}
