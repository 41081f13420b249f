using Cadre.Accounts;
using Cadre.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cadre.Tests.Infrastructure;

/// A fresh, migrated database owned by one test, on either engine, with a clock the test controls.
/// Hand out a new context per step (as the web app does per request) so no step sees another's tracked entities.
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly DatabaseProvider provider;
    private readonly string connectionString;
    private readonly Func<ValueTask> cleanup;
    private readonly List<CadreDbContext> contexts = [];

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> cleanup)
    {
        this.provider = provider;
        this.connectionString = connectionString;
        this.cleanup = cleanup;
    }

    public TestClock Clock { get; } = new();

    public DatabaseProvider Provider => provider;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        // PostgreSQL databases are copies of a template migrated once per run; SQLite migrates in memory in no time.
        if (provider == DatabaseProvider.Postgres) return await CreatePostgresAsync();
        var database = CreateSqlite();
        await DatabaseSetup.MigrateAsync(database.Context(), Ct);
        return database;
    }

    /// A new context whose changes the audit trail attributes to actor (the system by default).
    public CadreDbContext Context(Actor? actor = null)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        var db = new CadreDbContext(options.Options, Clock, new CurrentActor { Actor = actor ?? Actor.System("test") });
        lock (contexts) contexts.Add(db);
        return db;
    }

    // A named in-memory database lives while one connection to it is open; this one is kept open until disposal.
    private static TestDatabase CreateSqlite()
    {
        var connectionString = $"Data Source=cadre-test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keeper = new SqliteConnection(connectionString);
        keeper.Open();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () => keeper.DisposeAsync());
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = Engines.PostgresAdminConnection();
        var template = await PostgresTemplate.NameAsync(admin);
        var name = $"cadre_test_{Guid.NewGuid():N}";
        await PostgresTemplate.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        var own = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, own, async () =>
        {
            await using (var connection = new NpgsqlConnection(own)) NpgsqlConnection.ClearPool(connection);
            await PostgresTemplate.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in contexts) await db.DisposeAsync();
        await cleanup();
    }
}
