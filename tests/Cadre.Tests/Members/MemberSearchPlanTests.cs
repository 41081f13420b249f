using System.Data.Common;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Tests.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cadre.Tests.Members;

/// Member search must stay fast at a million members: each kind of search is a range on an index, never a scan of
/// the people. Checked with SQLite's EXPLAIN QUERY PLAN on the very statement the query sends.
public sealed class MemberSearchPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("silv", "IX_People_FamilyKey")]
    [InlineData("0000001", "IX_Members_Number")]
    [InlineData("ana@example.org", "IX_People_EmailKey")]
    [InlineData("+351 21 000", "IX_People_PhoneKey")]
    public async Task A_search_is_an_index_range(string search, string index)
    {
        await using var database = new TempDatabase();
        var recorder = new Recorder();
        await using (var scope = database.Scope()) await DatabaseSetup.MigrateAsync(scope.Db(), Ct);
        var options = new DbContextOptionsBuilder<CadreDbContext>()
            .UseSqlite($"Data Source={database.File}", o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrations))
            .AddInterceptors(recorder).Options;
        await using var db = new CadreDbContext(options);

        var listed = await MemberQueries.ListAsync(db, Actor.System("t"), new MemberFilter { Search = search }, Ct);
        Assert.True(listed.IsSuccess);

        // A name search is two reads (family names, then full names); every read must be a range.
        var plans = new List<string>();
        foreach (var command in recorder.Commands) plans.Add(await PlanAsync(database.File, command));
        var plan = string.Join("\n--\n", plans);
        TestContext.Current.TestOutputHelper?.WriteLine(plan);
        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN p\n", plan + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN p ", plan + " ", StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN m ", plan + " ", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unfiltered_list_reads_its_first_page_from_the_family_name_index_without_sorting()
    {
        await using var database = new TempDatabase();
        var recorder = new Recorder();
        await using var db = await MillionMemberStatisticsAsync(database, recorder);

        Assert.True((await MemberQueries.ListAsync(db, Actor.System("t"), new MemberFilter(), Ct)).IsSuccess);

        var plan = await PlanAsync(database.File, recorder.Commands[^1]);
        TestContext.Current.TestOutputHelper?.WriteLine(plan);
        Assert.Contains("IX_People_FamilyKey", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_search_reads_family_names_then_full_names_each_from_its_index_without_sorting()
    {
        await using var database = new TempDatabase();
        var recorder = new Recorder();
        await using var db = await MillionMemberStatisticsAsync(database, recorder);

        Assert.True((await MemberQueries.ListAsync(db, Actor.System("t"), new MemberFilter { Search = "mar" }, Ct)).IsSuccess);

        Assert.Equal(2, recorder.Commands.Count);
        var plans = new List<string>();
        foreach (var command in recorder.Commands) plans.Add(await PlanAsync(database.File, command));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n--\n", plans));
        Assert.Contains("IX_People_FamilyKey", plans[0], StringComparison.Ordinal);
        Assert.Contains("IX_People_FullKey", plans[1], StringComparison.Ordinal);
        Assert.All(plans, plan => Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal));
    }

    /// A migrated database with the planner's statistics of a register of a million members in 45,000 organizations,
    /// as ANALYZE writes them (with an empty database's, any order looks cheap), and a context that records its commands.
    private static async Task<CadreDbContext> MillionMemberStatisticsAsync(TempDatabase database, Recorder recorder)
    {
        await using (var scope = database.Scope())
        {
            await DatabaseSetup.MigrateAsync(scope.Db(), Ct);
            await scope.Db().Database.ExecuteSqlRawAsync("""
                ANALYZE;
                DELETE FROM sqlite_stat1 WHERE tbl IN ('People', 'Members', 'Organizations');
                INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
                    ('People', 'IX_People_FamilyKey', '1000000 2100'),
                    ('People', 'IX_People_FullKey', '1000000 90'), ('People', 'IX_People_EmailKey', '1000000 1'),
                    ('People', 'IX_People_PhoneKey', '1000000 1'),
                    ('Members', 'IX_Members_OrganizationId_Status', '1000000 22 11'), ('Members', 'IX_Members_PersonId', '1000000 1'),
                    ('Members', 'IX_Members_Number', '1000000 1'), ('Organizations', NULL, '46000');
                """, Ct);
        }
        SqliteConnection.ClearAllPools();
        var options = new DbContextOptionsBuilder<CadreDbContext>()
            .UseSqlite($"Data Source={database.File}", o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrations))
            .AddInterceptors(recorder).Options;
        return new CadreDbContext(options);
    }

    private static async Task<string> PlanAsync(string file, Recorded command)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(Ct);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
        foreach (var (name, value) in command.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct)) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }

    private sealed record Recorded(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

    private sealed class Recorder : DbCommandInterceptor
    {
        public List<Recorded> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new Recorded(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
