using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// The one switch between SQLite and PostgreSQL, read the same way by the web app, the CLI and the tests.
public static class DatabaseSetup
{
    public const string SqliteMigrations = "Cadre.Migrations.Sqlite";
    public const string PostgresMigrations = "Cadre.Migrations.Postgres";

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name) || name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return DatabaseProvider.Sqlite;
        if (name.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.Postgres;
        throw new InvalidOperationException($"Database:Provider is '{name}'; it must be Sqlite or Postgres.");
    }

    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Cadre");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (Provider(configuration) == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Cadre is not set.");
        var directory = configuration["Data:Directory"];
        directory = string.IsNullOrWhiteSpace(directory) ? "data" : directory;
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "cadre.db")}";
    }

    public static IServiceCollection AddCadreDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = Provider(configuration);
        var connectionString = ConnectionString(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentActor>();
        services.AddDbContext<CadreDbContext>(options => Configure(options, provider, connectionString));
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres
            ? options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations))
            : options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(SqliteBusyTimeout.Instance);

    /// Applies pending migrations and, on SQLite, turns on write-ahead logging so readers never wait for a writer.
    public static async Task MigrateAsync(CadreDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await ReferenceData.EnsureAsync(db, ct);
        await Members.MemberTallySql.EnsureAsync(db, ct);
    }
}
