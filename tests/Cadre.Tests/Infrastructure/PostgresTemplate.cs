using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadre.Tests.Infrastructure;

/// One migrated database per test run that every PostgreSQL test database is copied from
/// (CREATE DATABASE ... TEMPLATE takes milliseconds; migrating takes seconds). Dropped when the run ends.
internal static class PostgresTemplate
{
    private static readonly Lock Gate = new();
    private static Task<string>? template;

    public static Task<string> NameAsync(string adminConnection)
    {
        lock (Gate)
        {
            return template ??= CreateAsync(adminConnection);
        }
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static async Task<string> CreateAsync(string adminConnection)
    {
        var name = $"cadre_template_{Guid.NewGuid():N}";
        await ExecuteAsync(adminConnection, $"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            ExecuteAsync(adminConnection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        // No pooling: a template must have no open connections when it is copied.
        var connection = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, connection);
        await using var db = new CadreDbContext(options.Options);
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
        return name;
    }
}
