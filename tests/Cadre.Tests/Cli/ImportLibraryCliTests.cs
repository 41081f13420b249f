using Cadre.Accounts;
using Cadre.Organizations;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Cli;

/// `cadre import library DIR`, in-process against a temp SQLite file.
public sealed class ImportLibraryCliTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        await using var scope = database.Scope();
        var db = scope.Db();
        var level = await db.Levels.Where(l => l.Rank == 0).Select(l => l.Id).SingleAsync(Ct);
        (await CreateOrganization.HandleAsync(db, Actor.System("test"), new CreateOrganization.Request { Code = "CC", Name = "Centre", LevelId = level }, Ct)).Ok();
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_folder_is_imported_and_a_rerun_reports_it_unchanged()
    {
        var folder = Folder("library", ("programme.md", "---\ntitle: Programme\nkind: programme\n---\n# Aims\n\nWe organize."),
            ("works/notes.txt", "Plain notes on organizing."));

        var (exit, output) = await RunAsync("import", "library", folder, "--org", "cc");
        var (againExit, again) = await RunAsync("import", "library", folder);

        Assert.True(exit == 0, output);
        Assert.Contains("2 new document(s), 0 revised, 0 unchanged", output, StringComparison.Ordinal);
        Assert.True(againExit == 0, again);
        Assert.Contains("0 new document(s), 0 revised, 2 unchanged", again, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(["programme", "works-notes"], await scope.Db().Documents.OrderBy(d => d.Key).Select(d => d.Key).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_broken_file_refuses_the_folder_naming_file_and_line()
    {
        var folder = Folder("broken", ("a.md", "---\ntitle: Good\n---\nText."), ("b.md", "---\ntitle: Bad\nyear: 19x2\n---\nText."));

        var (exit, output) = await RunAsync("import", "library", folder);

        Assert.Equal(1, exit);
        Assert.Contains("b.md:3: The year '19x2' is not a year such as 1992.", output, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", output, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(0, await scope.Db().Documents.CountAsync(Ct));
    }

    [Fact]
    public async Task A_missing_folder_or_organization_is_a_clear_error()
    {
        var (exit, output) = await RunAsync("import", "library", Path.Combine(database.Directory, "nowhere"));
        Assert.Equal(1, exit);
        Assert.Contains("there is no such folder", output, StringComparison.Ordinal);

        var folder = Folder("lib", ("a.md", "Text."));
        (exit, output) = await RunAsync("import", "library", folder, "--org", "NOPE");
        Assert.Equal(1, exit);
        Assert.Contains("there is no organization with the code NOPE", output, StringComparison.Ordinal);
    }

    private string Folder(string name, params (string Path, string Text)[] files)
    {
        var folder = Path.Combine(database.Directory, name);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return folder;
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
