using Cadre.Data;
using Cadre.Organizations;

namespace Cadre.Tests.Organizations;

/// France's regions and departments (ISO 3166-2, shared/data/geography) as an organization tree.
public sealed class RealTreeTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Everything_below_each_region_matches_the_real_subdivisions_through_a_move_and_a_merge(DatabaseProvider provider)
    {
        var rows = await LoadAsync("FR");
        await using var database = await TestDatabase.CreateAsync(provider);
        var ids = new Dictionary<string, int> { ["FR"] = await database.CreateOrganizationAsync("FR", "France", 0, null) };
        var pending = rows.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(r => ids.ContainsKey(r.Parent)).ToList();
            Assert.NotEmpty(ready);
            foreach (var row in ready)
            {
                var rank = Depth(rows, row.Code);
                ids[row.Code] = await database.CreateOrganizationAsync(row.Code, row.Name, rank, ids[row.Parent]);
            }
            pending = pending.Except(ready).ToList();
        }

        await AssertSubtreesAsync(database, rows, ids);
        Assert.Equal(rows.Count + 1, (await database.SubtreeAsync(ids["FR"])).Count);

        // Ain leaves Auvergne-Rhône-Alpes for Bourgogne-Franche-Comté; then Normandy absorbs Hauts-de-France.
        (await MoveOrganizationTests.MoveAsync(database, ids["FR-01"], ids["FR-BFC"])).Ok();
        (await MergeOrganizationsTests.MergeAsync(database, ids["FR-HDF"], ids["FR-NOR"])).Ok();
        var changed = rows.Select(r => r.Code == "FR-01" ? r with { Parent = "FR-BFC" } : r.Parent == "FR-HDF" ? r with { Parent = "FR-NOR" } : r).ToList();
        await AssertSubtreesAsync(database, changed, ids);
        await MoveOrganizationTests.AssertClosureMatchesParentsAsync(database);

        var found = await OrganizationQueries.SearchAsync(database.Context(), Cadre.Accounts.Actor.System("test"), "ile", 10, TestDatabase.Ct);
        Assert.Contains(found, o => o.Name == "Île-de-France");
    }

    private sealed record Row(string Code, string Parent, string Name);

    private static async Task<List<Row>> LoadAsync(string country)
    {
        var lines = await File.ReadAllLinesAsync(SharedData.File("geography/iso3166-2-subdivisions.csv"), TestDatabase.Ct);
        // The country's rows hold no quoted commas (checked when this test was written); the name is the rest of the line.
        return lines.Skip(1).Where(l => l.StartsWith(country + "-", StringComparison.Ordinal))
            .Select(l => l.Split(',', 3)).Select(p => new Row(p[0], p[1], p[2])).ToList();
    }

    private static int Depth(List<Row> rows, string code)
    {
        var depth = 0;
        for (var row = rows.Single(r => r.Code == code); ; row = rows.Single(r => r.Code == row.Parent))
        {
            depth++;
            if (!row.Parent.Contains('-', StringComparison.Ordinal)) return depth;
        }
    }

    private static async Task AssertSubtreesAsync(TestDatabase database, List<Row> rows, Dictionary<string, int> ids)
    {
        foreach (var row in rows.Where(r => rows.Any(c => c.Parent == r.Code)))
        {
            var expected = new List<int> { ids[row.Code] };
            for (var frontier = new List<string> { row.Code }; frontier.Count > 0;)
            {
                frontier = rows.Where(r => frontier.Contains(r.Parent)).Select(r => r.Code).ToList();
                expected.AddRange(frontier.Select(c => ids[c]));
            }
            Assert.Equal(expected.Order(), await database.SubtreeAsync(ids[row.Code]));
        }
    }
}
