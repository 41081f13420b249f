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
}
