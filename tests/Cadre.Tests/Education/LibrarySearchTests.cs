using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Library;
using Cadre.Tests.Infrastructure;
using static Cadre.Tests.Education.EducationArrange;

namespace Cadre.Tests.Education;

public sealed class LibrarySearchTests
{
    private static async Task<(TestDatabase Database, Tree Tree)> LibraryAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.PublishAsync(tree.Centre, Draft("programme", "The Programme of the Party",
            "# Aims\n\nThe party organizes the working people.\n\n## Education\n\nEvery member studies the history of the movement.",
            kind: DocumentKind.Programme, author: "Central Committee", year: 1992));
        await database.PublishAsync(tree.Centre, Draft("on-organizing", "On Organizing",
            "Organizers run study circles in every branch. The circles meet monthly.", author: "Ana Lima", year: 2001));
        await database.PublishAsync(tree.Centre, Draft("revolution-fr", "La révolution et l'éducation",
            "Les travailleurs étudient. La révolution commence par l'éducation.", language: "fr", kind: DocumentKind.Article, author: "Élise Martin", year: 1995));
        await database.PublishAsync(tree.Centre, Draft("korean-lecture", "당의 강령에 대하여",
            "노동자 계급의 당은 대중과 함께 있다.\n\n당원은 학습을 계속한다.", language: "ko", kind: DocumentKind.Lecture, year: 2010));
        await database.PublishAsync(tree.Centre, Draft("chinese-note", "学习笔记",
            "党的建设是根本。群众路线。", language: "zh", year: 2012));
        return (database, tree);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_english_word_is_found_by_its_stem_and_ranked_with_a_highlighted_snippet(DatabaseProvider provider)
    {
        var (database, _) = await LibraryAsync(provider);
        await using var _d = database;

        var found = await database.SearchAsync("organizing");

        Assert.Equal(["on-organizing", "programme"], found.Select(r => r.Key).ToList()); // the title match ranks first
        Assert.Equal(["on-organizing", "programme"], await database.FoundKeysAsync("organizes"));
        Assert.Contains("<mark>", found[1].SnippetHtml);
        Assert.Contains("organizes", found[1].SnippetHtml!.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
        Assert.Equal(["on-organizing"], await database.FoundKeysAsync("circle monthly"));
        Assert.Empty(await database.FoundKeysAsync("circle programme-less-word"));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Accents_do_not_matter_and_a_quoted_phrase_must_appear_as_written(DatabaseProvider provider)
    {
        var (database, _) = await LibraryAsync(provider);
        await using var _d = database;

        Assert.Equal(["revolution-fr"], await database.FoundKeysAsync("revolution"));
        Assert.Equal(["revolution-fr"], await database.FoundKeysAsync("ETUDIENT"));
        Assert.Equal(["programme", "revolution-fr"], (await database.FoundKeysAsync("éducation")).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["on-organizing"], await database.FoundKeysAsync("\"study circles\""));
        Assert.Empty(await database.FoundKeysAsync("\"circles study\""));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Korean_and_chinese_text_is_found_by_substring_including_a_korean_phrase_with_its_space(DatabaseProvider provider)
    {
        var (database, _) = await LibraryAsync(provider);
        await using var _d = database;

        Assert.Equal(["korean-lecture"], await database.FoundKeysAsync("노동자 계급"));
        Assert.Equal(["korean-lecture"], await database.FoundKeysAsync("강령")); // two syllables, inside a word of the title
        Assert.Equal(["korean-lecture"], await database.FoundKeysAsync("학습을"));
        Assert.Equal(["chinese-note"], await database.FoundKeysAsync("群众路线"));
        Assert.Equal(["chinese-note"], await database.FoundKeysAsync("建设"));
        Assert.Empty(await database.FoundKeysAsync("계급 노동자"));
        var hit = (await database.SearchAsync("노동자 계급")).Single();
        Assert.Contains("<mark>노동자 계급</mark>", hit.SnippetHtml);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Japanese_text_is_found_by_substring_and_a_phrase_only_in_its_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.PublishAsync(tree.Centre, Draft("japanese-lecture", "党建設について",
            "労働者階級の党は大衆と共に闘う。\n\n学習会は毎月開かれる。マルクス主義の理論を学ぶ。", language: "ja", kind: DocumentKind.Lecture));
        await database.PublishAsync(tree.Centre, Draft("chinese-note", "学习笔记", "党的建设是根本。群众路线。", language: "zh"));
        await database.PublishAsync(tree.Centre, Draft("english", "Study", "Members study theory.", language: "en"));

        Assert.Equal(["japanese-lecture"], await database.FoundKeysAsync("学習会")); // kanji
        Assert.Equal(["japanese-lecture"], await database.FoundKeysAsync("マルクス主義")); // katakana and kanji in one run
        Assert.Equal(["japanese-lecture"], await database.FoundKeysAsync("\"労働者階級の党\"")); // a quoted phrase with hiragana inside
        Assert.Equal(["japanese-lecture"], await database.FoundKeysAsync("党建設")); // in the title
        Assert.Equal(["japanese-lecture"], await database.FoundKeysAsync("理論")); // two characters, below a trigram
        Assert.Empty(await database.FoundKeysAsync("党の労働者階級")); // the same characters in another order
        Assert.Empty(await database.FoundKeysAsync("建設は根本")); // neither the Japanese text nor the Chinese one says this
        Assert.Equal(["chinese-note"], await database.FoundKeysAsync("党的建设")); // simplified Chinese, not the Japanese 建設
        var hit = (await database.SearchAsync("学習会")).Single();
        Assert.Contains("<mark>学習会</mark>", hit.SnippetHtml);
        Assert.Equal(["japanese-lecture"], (await database.SearchAsync("マルクス", new LibraryFilter { Language = "ja" })).Select(r => r.Key).ToList());
    }

    private static readonly string[] GermanOnly = ["german"];
    private static readonly string[] SpanishOnly = ["spanish"];
    private static readonly string[] None = [];

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task German_and_spanish_words_are_stemmed_on_postgresql_and_matched_word_for_word_on_sqlite(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.PublishAsync(tree.Centre, Draft("german", "Die Gewerkschaften", "Die Arbeiter organisieren sich in Gewerkschaften.", language: "de"));
        await database.PublishAsync(tree.Centre, Draft("spanish", "Sindicatos", "Los trabajadores organizan sindicatos en cada fábrica.", language: "es"));
        var postgres = provider == DatabaseProvider.Postgres;

        // The word as written, and accents aside, are found on both engines.
        Assert.Equal(["german"], await database.FoundKeysAsync("gewerkschaften"));
        Assert.Equal(["spanish"], await database.FoundKeysAsync("FABRICA"));
        // PostgreSQL stems each document in its own language (german, spanish snowball): another form of the word finds it.
        // SQLite has only FTS5's porter stemmer, whose English rules do not join these forms (docs/education.md).
        Assert.Equal(postgres ? GermanOnly : None, await database.FoundKeysAsync("Gewerkschaft"));
        Assert.Equal(postgres ? GermanOnly : None, await database.FoundKeysAsync("Arbeitern"));
        Assert.Equal(postgres ? SpanishOnly : None, await database.FoundKeysAsync("organizar"));
        // Where the English rule happens to fit (a plural -s), porter joins the forms too.
        Assert.Equal(["spanish"], await database.FoundKeysAsync("sindicato"));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_word_is_stemmed_only_in_the_languages_the_library_holds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.PublishAsync(tree.Centre, Draft("work", "On Work", "Work is the source of value."));
        await database.PublishAsync(tree.Centre, Draft("workers", "The Workers", "The workers of the factory met."));

        // German, Danish and Norwegian stem "workers" to "work"; with no document in those languages, the English stem
        // alone decides, on PostgreSQL as with SQLite's porter stemmer.
        Assert.Equal(["workers"], await database.FoundKeysAsync("workers"));
        Assert.Equal(["workers"], await database.FoundKeysAsync("worker factory"));
        Assert.Equal(["work"], await database.FoundKeysAsync("work"));
    }

    private static readonly string[] SyntaxInputs =
    [
        "\"", "\"\"", "organ*", "*", "(", ")", "(organizing", "organizing)", "NEAR", "NEAR(organizing circles)", "organizing NEAR circles",
        "AND", "OR", "NOT", "organizing AND", "OR organizing", "NOT organizing", "title:organizing", "Title : organizing", "^organizing",
        "organizing -circles", "'; DROP TABLE \"Documents\"; --", "a:b:c", "{organizing}", "organizing + circles", "\\", "%", "_", "노동자*",
        "强\"", "& | ! <->", ":*", "organ:*", "''", "\u0000", "\"organizing", "organizing\"", "*organizing*", "(organizing)",
    ];

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Query_syntax_characters_are_plain_text_never_an_error(DatabaseProvider provider)
    {
        var (database, _) = await LibraryAsync(provider);
        await using var _d = database;

        foreach (var input in SyntaxInputs)
        {
            var result = await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { Query = input }, TestDatabase.Ct);

            Assert.True(result.IsSuccess, $"{input}: {result.Error?.Message}");
            // What is left of the input once the syntax is taken out is searched as words: "organizing" alone finds its two documents.
            var parsed = SearchQuery.Parse(input);
            if (parsed.Words is ["organizing"] && parsed.Phrases.Count == 0 && parsed.Cjk.Count == 0)
                Assert.True(result.Value.Items.Select(r => r.Key).SequenceEqual(["on-organizing", "programme"]), input);
        }
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Operators_typed_as_words_are_searched_as_words(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.PublishAsync(tree.Centre, Draft("near", "Near and far", "The branch is near the docks, not far."));
        await database.PublishAsync(tree.Centre, Draft("docks", "The docks", "Dockworkers organize."));

        Assert.Equal(["near"], await database.FoundKeysAsync("NEAR"));
        Assert.Equal(["near"], await database.FoundKeysAsync("near docks"));
        Assert.Equal(["near"], await database.FoundKeysAsync("NEAR(docks)"));
        Assert.Equal(["near"], await database.FoundKeysAsync("docks AND near"));
        // OR is no operator: it would have found "near" by its docks. (PostgreSQL drops it as a stop word, SQLite looks for it.)
        Assert.DoesNotContain("near", await database.FoundKeysAsync("docks OR organize"));
        // A column filter is two words, and no document says "title".
        Assert.Empty(await database.FoundKeysAsync("title:near"));
        Assert.Equal(["docks"], await database.FoundKeysAsync("DOCKWORKERS"));
        Assert.Empty(await database.FoundKeysAsync("*"));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Filters_by_kind_language_author_and_year_narrow_the_search_and_the_list(DatabaseProvider provider)
    {
        var (database, _) = await LibraryAsync(provider);
        await using var _d = database;

        Assert.Equal(["programme"], await database.FoundKeysAsync("organizing", new LibraryFilter { Kind = DocumentKind.Programme }));
        Assert.Equal(["on-organizing"], await database.FoundKeysAsync("organizing", new LibraryFilter { Author = "ana" }));
        Assert.Equal(["on-organizing"], await database.FoundKeysAsync("organizing", new LibraryFilter { YearFrom = 2000 }));
        Assert.Equal(["programme"], await database.FoundKeysAsync("organizing", new LibraryFilter { YearTo = 1999 }));
        Assert.Empty(await database.FoundKeysAsync("organizing", new LibraryFilter { Language = "fr" }));
        Assert.Equal(["revolution-fr"], await database.FoundKeysAsync("revolution", new LibraryFilter { Author = "elise", Language = "fr" }));

        var list = (await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { Language = "ko" }, TestDatabase.Ct)).Ok();
        Assert.Equal(["korean-lecture"], list.Items.Select(r => r.Key).ToList());
        var years = (await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { YearFrom = 2000, YearTo = 2010 }, TestDatabase.Ct)).Ok();
        Assert.Equal(["korean-lecture", "on-organizing"], years.Items.Select(r => r.Key).Order(StringComparer.Ordinal).ToList());
        Assert.IsType<YearRangeReversed>((await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { YearFrom = 2010, YearTo = 2000 }, TestDatabase.Ct)).Error);
        Assert.IsType<SearchTooLong>((await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { Query = new string('a', 501) }, TestDatabase.Ct)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Search_covers_the_current_version_and_earlier_versions_stay_readable_and_comparable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var id = await database.PublishAsync(tree.Centre, Draft("statutes", "Statutes", "Article 1. Membership is open to workers.\nArticle 2. Dues are monthly.",
            kind: DocumentKind.Statute));
        var admin = Actor.System("test");

        var revised = (await ReviseDocument.HandleAsync(database.Context(admin), admin, id, new ReviseDocument.Request
        {
            Document = Draft("statutes", "Statutes", "Article 1. Membership is open to workers and peasants.\nArticle 2. Dues are monthly.", kind: DocumentKind.Statute),
            Note = "Amended by the 3rd Congress",
        }, TestDatabase.Ct)).Ok();

        Assert.Equal(2, revised.CurrentVersion);
        Assert.Equal(["statutes"], await database.FoundKeysAsync("peasants"));
        Assert.Empty(await database.FoundKeysAsync("\"open to workers dues\""));
        var first = (await LibraryQueries.GetAsync(database.Context(), admin, id, 1, TestDatabase.Ct)).Ok();
        Assert.DoesNotContain("peasants", first.Body);
        var current = (await LibraryQueries.GetAsync(database.Context(), admin, id, null, TestDatabase.Ct)).Ok();
        Assert.Equal(["Amended by the 3rd Congress", null], current.Versions.Select(v => v.Note).ToList());
        var diff = (await LibraryQueries.DiffAsync(database.Context(), id, 1, 2, TestDatabase.Ct)).Ok();
        Assert.Equal([(DiffKind.Removed, "Article 1. Membership is open to workers."), (DiffKind.Added, "Article 1. Membership is open to workers and peasants."),
            (DiffKind.Same, "Article 2. Dues are monthly.")], diff.Lines!.Select(l => (l.Kind, l.Text)).ToList());

        // The same text again is no new version.
        var again = (await ReviseDocument.HandleAsync(database.Context(admin), admin, id, new ReviseDocument.Request
        {
            Document = Draft("statutes", "Statutes", "Article 1. Membership is open to workers and peasants.\nArticle 2. Dues are monthly.", kind: DocumentKind.Statute),
        }, TestDatabase.Ct)).Ok();
        Assert.False(again.Changed);
        Assert.Equal(2, again.CurrentVersion);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Snippets_escape_the_documents_own_markup(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.PublishAsync(tree.Centre, Draft("markup", "Markup", "Plain words <script>alert(1)</script> solidarity & unity", language: "en")
            with { Format = DocumentFormat.PlainText });

        var hit = (await database.SearchAsync("solidarity")).Single();

        // SQLite keeps the tag as text (escaped), PostgreSQL's parser drops it; neither lets it through.
        Assert.DoesNotContain("<script", hit.SnippetHtml);
        Assert.Contains("&amp; unity", hit.SnippetHtml);
        Assert.Contains("<mark>solidarity</mark>", hit.SnippetHtml);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Search_results_page_with_a_cursor(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        for (var i = 0; i < 5; i++) await database.PublishAsync(tree.Centre, Draft($"unity-{i}", $"Unity {i}", string.Join(" ", Enumerable.Repeat("unity", i + 1)) + " of the party"));

        var first = (await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { Query = "unity", Take = 3 }, TestDatabase.Ct)).Ok();
        var second = (await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { Query = "unity", Take = 3, Cursor = first.Next }, TestDatabase.Ct)).Ok();

        Assert.Equal(3, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.Null(second.Next);
        Assert.Equal(5, first.Items.Concat(second.Items).Select(r => r.Key).Distinct().Count());
        Assert.IsType<Cadre.Common.InvalidCursor>((await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { Query = "unity", Cursor = "nonsense" }, TestDatabase.Ct)).Error);
    }
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_word_ranks_the_documents_that_use_it_more_first_and_a_revision_moves_its_document(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        // Same length, the word once, twice and four times; a fourth document without it keeps the word from being everywhere.
        var texts = new[] { "cooperation farm school market", "cooperation cooperation school market", "cooperation cooperation cooperation cooperation" };
        var ids = new List<int>();
        for (var i = 0; i < texts.Length; i++) ids.Add(await database.PublishAsync(tree.Centre, Draft($"co-{i + 1}", $"Note {i + 1}", texts[i])));
        await database.PublishAsync(tree.Centre, Draft("other", "Other", "farm school market wages"));

        Assert.Equal(["co-3", "co-2", "co-1"], await database.FoundKeysAsync("cooperation"));

        var admin = Actor.System("test");
        (await ReviseDocument.HandleAsync(database.Context(admin), admin, ids[0], new ReviseDocument.Request
        {
            Document = Draft("co-1", "Note 1", string.Join(" ", Enumerable.Repeat("cooperation", 8))),
        }, TestDatabase.Ct)).Ok();

        Assert.Equal(["co-1", "co-3", "co-2"], await database.FoundKeysAsync("cooperation"));
        Assert.Equal(["other"], await database.FoundKeysAsync("farm"));
        Assert.Empty(await database.FoundKeysAsync("cooperation farm"));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_phrase_is_found_among_many_documents_with_its_words_in_another_order_and_pages_right(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        for (var i = 0; i < 30; i++)
            await database.PublishAsync(tree.Centre, Draft($"reversed-{i}", $"Reversed {i}", $"The circles study {string.Join(" ", Enumerable.Repeat("theory", i))}."));
        for (var i = 0; i < 4; i++)
            await database.PublishAsync(tree.Centre, Draft($"phrase-{i}", $"Phrase {i}", $"Members study circles {string.Join(" ", Enumerable.Repeat("practice", i))}."));

        var first = (await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { Query = "\"study circles\"", Take = 3 }, TestDatabase.Ct)).Ok();
        var second = (await LibraryQueries.ListAsync(database.Context(), new LibraryFilter { Query = "\"study circles\"", Take = 3, Cursor = first.Next }, TestDatabase.Ct)).Ok();

        Assert.Equal(3, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Null(second.Next);
        Assert.Equal(["phrase-0", "phrase-1", "phrase-2", "phrase-3"], first.Items.Concat(second.Items).Select(r => r.Key).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(34, (await database.FoundKeysAsync("study circles", new LibraryFilter { Take = 100 })).Count);
    }
}
