using Cadre.Data;
using Cadre.Education.Library;
using Cadre.Tests.Infrastructure;
using static Cadre.Tests.Education.EducationArrange;

namespace Cadre.Tests.Education;

/// The pruned search of PostgreSQL (decision 0078) reads only each lexeme's first rows in impact order; whatever it answers
/// must be exactly the page that scoring every match gives. Only PostgreSQL prunes: SQLite's FTS5 ranks in its own index.
public sealed class LibraryPrunedSearchTests
{
    private static readonly string[] Vocabulary =
    [
        "party", "workers", "people", "class", "members", "organization", "struggle", "work", "state", "power", "country", "national",
        "economic", "political", "movement", "masses", "revolution", "leadership", "congress", "committee", "branch", "unity", "theory",
        "practice", "history", "labour", "production", "union", "peasants", "youth",
    ];

    // Rows read of each lexeme: far fewer than the documents that hold the common words, so a page can be answered without
    // reading a whole list and pruning is tested, not bypassed because every list was read to its end. The shallow reads
    // leave out documents of the page, and a bound too low would let the search answer without them.
    private static readonly int[] Depths = [5, 12, 25, 60];

    private static string Text(Random random, int words)
    {
        var picked = new List<string>(words);
        for (var i = 0; i < words; i++)
            picked.Add(Vocabulary[Math.Min((int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 1.6)), Vocabulary.Length - 1)]);
        return string.Join(" ", picked) + ".";
    }

    private static async Task<(LibrarySearch.Page Pruned, LibrarySearch.Page Every)> BothAsync(TestDatabase database, string text, int offset,
        int depth, LibraryFilter? filter = null)
    {
        var query = SearchQuery.Parse(text);
        filter ??= new LibraryFilter();
        var pruned = await LibrarySearch.RunAsync(database.Context(), query, filter, offset, 20, TestDatabase.Ct, depth: depth);
        var every = await LibrarySearch.RunAsync(database.Context(), query, filter, offset, 20, TestDatabase.Ct, depth: 0);
        return (pruned, every);
    }

    private static void AssertSamePage(LibrarySearch.Page pruned, LibrarySearch.Page every)
    {
        Assert.Equal(every.Hits.Select(h => h.DocumentId), pruned.Hits.Select(h => h.DocumentId));
        Assert.Equal(every.Hits.Select(h => h.Score), pruned.Hits.Select(h => h.Score), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(every.More, pruned.More);
        Assert.All(every.Hits, h => Assert.False(h.Pruned));
    }

    private static readonly (string Text, int Offset)[] Queries =
        [("masses", 0), ("party workers", 0), ("state power unity", 0), ("workers", 20), ("youth peasants", 0), ("class struggle", 40)];

    /// How many of the queries the pruned search answered itself, reading the most rows; each page at every depth is
    /// asserted to be the one every match gives.
    private static async Task<int> AnsweredAsync(TestDatabase database)
    {
        var answered = 0;
        foreach (var (text, offset) in Queries)
        {
            foreach (var depth in Depths)
            {
                var (pruned, every) = await BothAsync(database, text, offset, depth);
                Assert.Equal(20, every.Hits.Count);
                AssertSamePage(pruned, every);
                if (depth == Depths[^1] && pruned.Hits.All(h => h.Pruned)) answered++;
            }
        }
        return answered;
    }

    [Fact]
    public async Task A_page_from_the_rows_of_highest_impact_is_the_page_every_match_gives_whatever_the_average_length()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var tree = await database.CreateTreeAsync();
        var random = new Random(6);
        async Task PublishAsync(string key, int count, int words, int spread)
        {
            for (var i = 0; i < count; i++)
            {
                var kind = i % 25 == 0 ? DocumentKind.Resolution : DocumentKind.Work;
                await database.PublishAsync(tree.Centre, Draft($"{key}-{i}", $"{key} {i}", Text(random, words + random.Next(spread)), kind: kind));
            }
        }

        // The impacts are stored against ReferenceWords (1,000); the average length moves from far below it to near it to
        // far above it, and the bound on the rows not read must hold at each.
        await PublishAsync("note", 120, 10, 60);
        var whenShort = await AnsweredAsync(database);
        await PublishAsync("article", 120, 1_000, 1_800);
        var whenNear = await AnsweredAsync(database);

        // Nine documents in ten are filtered out: the pruned candidates cannot fill the page, and every match is scored.
        var (few, all) = await BothAsync(database, "party workers", 0, Depths[^1], new LibraryFilter { Kind = DocumentKind.Resolution });
        Assert.NotEmpty(all.Hits);
        AssertSamePage(few, all);

        await PublishAsync("treatise", 24, 20_000, 1);
        var whenLong = await AnsweredAsync(database);

        Assert.True(whenShort >= 2 && whenNear >= 2 && whenLong >= 2, $"answered {whenShort}, {whenNear}, {whenLong} of {Queries.Length}");
    }
}
