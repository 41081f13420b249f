using Cadre.Tests.Demo;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Cli;

/// `cadre import parties FILE`, in-process against a temp SQLite file.
public sealed class ImportPartiesCliTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Assert.Equal(0, (await RunAsync("migrate")).Exit);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_Party_Facts_table_imports_and_a_rerun_reports_every_party_unchanged()
    {
        var path = SharedData.File("parties/partyfacts-core-parties.csv");

        var (exit, output) = await RunAsync("import", "parties", path);
        var (againExit, again) = await RunAsync("import", "parties", path);

        Assert.True(exit == 0, output);
        Assert.Contains("Imported 5,558 parties in 215 countries: 5,558 new, 0 updated, 0 unchanged; 1,296 technical row(s) left out.", output, StringComparison.Ordinal);
        Assert.True(againExit == 0, again);
        Assert.Contains("0 new, 0 updated, 5,558 unchanged", again, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(5558, await scope.Db().Parties.CountAsync(Ct));
    }

    [Fact]
    public async Task A_bad_row_is_named_with_file_line_and_column_and_nothing_is_imported()
    {
        var file = Path.Combine(database.Directory, "parties.csv");
        await File.WriteAllTextAsync(file, "country,partyfacts_id,technical,name\nCUB,1,,Partido Comunista de Cuba\nXYZ,2,,Nowhere Party\n", Ct);

        var (exit, output) = await RunAsync("import", "parties", file);

        Assert.Equal(1, exit);
        Assert.Contains("parties.csv:3:country: \"XYZ\" is not a country code", output, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", output, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(0, await scope.Db().Parties.CountAsync(Ct));

        (exit, output) = await RunAsync("import", "parties", Path.Combine(database.Directory, "missing.csv"));
        Assert.Equal(1, exit);
        Assert.Contains("there is no such file", output, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
