using Cadre.Accounts;
using Cadre.Organizations;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Cli;

/// `cadre import members` and `cadre export members`, in-process against a temp SQLite file.
public sealed class ImportExportCliTests : IAsyncLifetime
{
    private const string Header = "member_number,given_name,family_name,date_of_birth,sex,occupation,education,email,phone,address,organization_code,joined_on,status";

    private readonly TempDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var (exit, output) = await RunAsync("migrate");
        Assert.True(exit == 0, output);
        await using var scope = database.Scope();
        var db = scope.Db();
        var levels = await db.Levels.OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(Ct);
        var system = Actor.System("test");
        int? parent = null;
        foreach (var (code, rank) in new[] { ("CC", 0), ("R1", 1), ("R1-D1", 2), ("R1-D1-P1", 3) })
            parent = (await CreateOrganization.HandleAsync(db, system,
                new CreateOrganization.Request { Code = code, Name = "Org " + code, LevelId = levels[rank], ParentId = parent }, Ct)).Value;
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_file_with_a_bad_row_is_refused_with_file_line_and_column_and_the_database_is_unchanged()
    {
        var file = Write("members.csv", $"{Header}\n,Ana,Silva,,,,,,,,R1-D1-P1,2020-05-01,member\n,Rui,Costa,31/02/2020,,,,,,,R1-D1-P1,2020-05-01,member\n");

        var (exit, output) = await RunAsync("import", "members", file);

        Assert.NotEqual(0, exit);
        Assert.Contains($"{file}:3:date_of_birth: \"31/02/2020\" is not a date written yyyy-MM-dd", output, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", output, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(0, await scope.Db().Members.CountAsync(Ct));
        Assert.Equal(0, await scope.Db().AuditEntries.CountAsync(a => a.EntityType == "MemberImport", Ct));
    }

    [Fact]
    public async Task A_missing_column_is_named_on_line_1()
    {
        var file = Write("members.csv", "given_name,family_name\nAna,Silva\n");

        var (exit, output) = await RunAsync("import", "members", file);

        Assert.NotEqual(0, exit);
        Assert.Contains($"{file}:1:member_number: The header has no column \"member_number\".", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_file_is_imported_a_re_run_changes_nothing_and_the_export_imports_back_unchanged()
    {
        var file = Write("members.csv", $"{Header}\n,Ana,Silva,1980-03-04,f,worker,,ana@example.org,+1 555 0100,\"1 Main St, Springfield\",R1-D1-P1,2020-05-01,member\n"
            + ",Rui,Costa,,,,,,,,R1-D1-P1,2021-06-01,candidate\n");

        var (exit, output) = await RunAsync("import", "members", file);
        Assert.True(exit == 0, output);
        Assert.Contains("Imported", output, StringComparison.Ordinal);
        Assert.Contains("2 created", output, StringComparison.Ordinal);

        var exported = Path.Combine(database.Directory, "out.csv");
        var (exportExit, exportOutput) = await RunAsync("export", "members", "--org", "r1-d1", "--out", exported);
        Assert.True(exportExit == 0, exportOutput);
        Assert.Contains("Exported 2 member(s)", exportOutput, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(exported, Ct);
        Assert.Equal(Header, lines[0]);
        Assert.Contains(lines, l => l.Contains("Silva,1980-03-04,female,worker,,ana@example.org,+1 555 0100,\"1 Main St, Springfield\",R1-D1-P1,2020-05-01,member", StringComparison.Ordinal));

        var (againExit, again) = await RunAsync("import", "members", exported);
        Assert.True(againExit == 0, again);
        Assert.Contains("0 created, 0 updated, 2 unchanged", again, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(2, await scope.Db().Members.CountAsync(Ct));
        Assert.Equal(1, await scope.Db().AuditEntries.CountAsync(a => a.EntityType == "MemberExport", Ct));
    }

    [Fact]
    public async Task Skip_invalid_imports_the_good_rows_and_writes_the_rejects_beside_the_file()
    {
        var file = Write("register.csv", $"{Header}\n,Ana,Silva,,,,,,,,R1-D1-P1,2020-05-01,member\n,Rui,Costa,,,,,,,,NOWHERE,2020-05-01,member\n");

        var (exit, output) = await RunAsync("import", "members", file, "--skip-invalid");

        Assert.True(exit == 0, output);
        var rejects = Path.Combine(database.Directory, "register.rejects.csv");
        Assert.Contains(rejects, output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(rejects, Ct);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(",Rui,Costa,", lines[1], StringComparison.Ordinal);
        Assert.Contains("NOWHERE", lines[1], StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(1, await scope.Db().Members.CountAsync(Ct));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_an_unknown_org_or_file_is_named()
    {
        var file = Write("members.csv", $"{Header}\n,Ana,Silva,,,,,,,,R1-D1-P1,2020-05-01,member\n");

        var (dryExit, dry) = await RunAsync("import", "members", file, "--dry-run");
        var (orgExit, org) = await RunAsync("export", "members", "--org", "nowhere", "--out", Path.Combine(database.Directory, "x.csv"));
        var (fileExit, missing) = await RunAsync("import", "members", "no-such.csv");

        Assert.True(dryExit == 0, dry);
        Assert.Contains("Dry run", dry, StringComparison.Ordinal);
        Assert.NotEqual(0, orgExit);
        Assert.Contains("--org", org, StringComparison.Ordinal);
        Assert.Contains("NOWHERE", org, StringComparison.Ordinal);
        Assert.NotEqual(0, fileExit);
        Assert.Contains("no-such.csv: there is no such file", missing, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(0, await scope.Db().Members.CountAsync(Ct));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(database.Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
