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
        var recorder = new LastCommand();
        await using (var scope = database.Scope()) await DatabaseSetup.MigrateAsync(scope.Db(), Ct);
        var options = new DbContextOptionsBuilder<CadreDbContext>()
            .UseSqlite($"Data Source={database.File}", o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrations))
            .AddInterceptors(recorder).Options;
        await using var db = new CadreDbContext(options);

        var listed = await MemberQueries.ListAsync(db, Actor.System("t"), new MemberFilter { Search = search }, Ct);
        Assert.True(listed.IsSuccess);

        var plan = await PlanAsync(database.File, recorder.Command!);
        TestContext.Current.TestOutputHelper?.WriteLine(plan);
        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN p ", plan + " ", StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN m ", plan + " ", StringComparison.Ordinal);
    }

    private static async Task<string> PlanAsync(string file, DbCommand command)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(Ct);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (DbParameter p in command.Parameters) explain.Parameters.AddWithValue(p.ParameterName, p.Value ?? DBNull.Value);
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct)) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }

    private sealed class LastCommand : DbCommandInterceptor
    {
        public DbCommand? Command { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Command = command;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
