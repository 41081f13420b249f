using Cadre.Tests.Cli;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Synthetic;

/// `cadre seed synthetic` in-process against a temp SQLite file: the summary it prints, the refusal of a non-empty database.
public sealed class SeedSyntheticCliTests : IAsyncDisposable
{
    private readonly TempDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Seed_synthetic_fills_an_empty_database_prints_the_counts_and_refuses_to_seed_again()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);

        var (exit, output) = await RunAsync("seed", "synthetic", "--members", "500", "--seed", "3", "--years", "1");

        Assert.True(exit == 0, output);
        Assert.Contains("Members", output, StringComparison.Ordinal);
        Assert.Contains("500", output, StringComparison.Ordinal);
        Assert.Contains("Dues payments", output, StringComparison.Ordinal);
        await using (var scope = database.Scope())
        {
            var db = scope.Db();
            Assert.Equal(500, await db.Members.CountAsync(Ct));
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "SyntheticParty", Ct);
            Assert.Equal("cli:" + Environment.UserName, audit.UserName);
        }

        var (again, said) = await RunAsync("seed", "synthetic", "--members", "500");
        Assert.NotEqual(0, again);
        Assert.Contains("only into an empty database", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_synthetic_without_a_member_count_fails_naming_the_option()
    {
        var (exit, output) = await RunAsync("seed", "synthetic", "--members", "lots");

        Assert.NotEqual(0, exit);
        Assert.Contains("--members", output, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
