using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Cadre.Data;

/// Sets SQLite's own busy timeout on every connection EF opens. SQLite lets one writer in at a time; a second writer is
/// told "busy". Without a busy timeout Microsoft.Data.Sqlite retries such a command itself, sleeping a fixed 150 ms
/// between tries, so under a burst of writes (a congress of delegates voting at once, each ballot one short
/// transaction) every write that met another paid at least 150 ms. SQLite's busy handler instead retries within a
/// millisecond or a few of the lock's release, and gives up after the same 30 s as the command timeout.
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;

    public static readonly SqliteBusyTimeout Instance = new();

    private SqliteBusyTimeout()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        // A pooled connection keeps its handle, and with it the timeout; setting it again is one assignment in SQLite.
        if (connection is SqliteConnection { Handle: { } handle }) raw.sqlite3_busy_timeout(handle, Milliseconds);
    }
}
