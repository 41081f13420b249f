using Cadre.Data;
using Cadre.Tests.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Tests.Data;

/// Every connection the app's context opens on SQLite waits for a busy writer in SQLite's own busy handler
/// (decision 0075), and a write that meets another writer's open transaction goes through once that one commits.
public sealed class SqliteBusyTimeoutTests : IAsyncDisposable
{
    private TempDatabase? database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_connection_the_context_opens_has_the_busy_timeout_and_a_second_writer_waits_for_the_first()
    {
        database = await TempDatabase.MigratedAsync(Ct);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
        await db.Database.OpenConnectionAsync(Ct);
        var timeout = await db.Database.SqlQueryRaw<int>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").SingleAsync(Ct);
        Assert.Equal(SqliteBusyTimeout.Milliseconds, timeout);

        // Another connection (not the context's) holds the write lock while the context writes.
        await using var holder = new SqliteConnection($"Data Source={database.File}");
        await holder.OpenAsync(Ct);
        await using var held = await holder.BeginTransactionAsync(Ct);
        await using (var write = holder.CreateCommand())
        {
            write.CommandText = "UPDATE \"Levels\" SET \"Name\" = \"Name\" WHERE 0";
            await write.ExecuteNonQueryAsync(Ct);
        }
        var before = await db.Levels.CountAsync(Ct);
        // Microsoft.Data.Sqlite runs its async calls synchronously: the waiting write gets a thread of its own.
        var waiting = Task.Run(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Levels\" (\"Name\", \"Rank\") SELECT 'Cell', MAX(\"Rank\") + 1 FROM \"Levels\"", Ct), Ct);
        await Task.Delay(50, Ct);
        Assert.False(waiting.IsCompleted);
        await held.CommitAsync(Ct);
        Assert.Equal(1, await waiting);
        Assert.Equal(before + 1, await db.Levels.CountAsync(Ct));
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }
}
