using Cadre.Data;

namespace Cadre.Tests.Infrastructure;

/// The engines every data test runs on (STYLE.md habit 7):
/// <c>[Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]</c>.
public static class Engines
{
    public const string PostgresVariable = "CADRE_TEST_POSTGRES";
    public const string RequirePostgresVariable = "CADRE_REQUIRE_POSTGRES";

    public const string PostgresSkipped = "PostgreSQL tests skipped: set " + PostgresVariable
        + " to a connection string (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres)"
        + " of a server where that user may create databases.";

    public static TheoryData<DatabaseProvider> All => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    /// The administrative connection string of the PostgreSQL test server; skips (or, when required, fails) without one.
    public static string PostgresAdminConnection()
    {
        var configured = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (Environment.GetEnvironmentVariable(RequirePostgresVariable) == "1") Assert.Fail(PostgresSkipped + " (" + RequirePostgresVariable + "=1 makes this a failure.)");
        Assert.Skip(PostgresSkipped);
        return "";
    }
}
