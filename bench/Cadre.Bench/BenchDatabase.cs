using System.Diagnostics;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// The database every scenario runs on, built once per run. Today: the generated member CSV imported with ImportMembers
/// into a tree of realistic shape (the import is timed here, so its figure comes for free). When `cadre seed synthetic`
/// lands, BuildAsync becomes one call to SyntheticParty.SeedAsync and the import scenario imports into a second database.
internal sealed class BenchDatabase : IAsyncDisposable
{
    private string? postgresDatabase;
    private string? postgresServer;

    private BenchDatabase(string folder, DatabaseProvider provider, string connectionString)
    {
        Folder = folder;
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Folder { get; }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string CsvPath => Path.Combine(Folder, "members.csv");

    public int Primaries { get; private set; }

    public double ImportSeconds { get; private set; }

    public long PeakBytesBeforeImport { get; private set; }

    public long PeakBytesAfterImport { get; private set; }

    public DbContextOptions<CadreDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(builder, Provider, ConnectionString);
        return builder.Options;
    }

    public static async Task<BenchDatabase> BuildAsync(BenchOptions options, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cadre-bench-" + Path.GetRandomFileName());
        Directory.CreateDirectory(folder);
        BenchDatabase database;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var name = "cadre_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var server = new NpgsqlConnection(options.Connection))
            {
                await server.OpenAsync(ct);
                await using var create = server.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{name}\"";
                await create.ExecuteNonQueryAsync(ct);
            }
            var builder = new NpgsqlConnectionStringBuilder(options.Connection) { Database = name };
            database = new BenchDatabase(folder, DatabaseProvider.Postgres, builder.ConnectionString)
                { postgresDatabase = name, postgresServer = options.Connection };
        }
        else
        {
            database = new BenchDatabase(folder, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "cadre.db")}");
        }

        Console.WriteLine($"Generating {options.Members:N0} members into {database.CsvPath}");
        var primaries = Generator.Write(database.CsvPath, options.Members);
        database.Primaries = primaries.Count;
        Console.WriteLine($"  {new FileInfo(database.CsvPath).Length / (1024.0 * 1024):N1} MB, {primaries.Count:N0} primary organizations");

        await using (var setup = new CadreDbContext(database.Options()))
        {
            await DatabaseSetup.MigrateAsync(setup, ct);
        }
        var watch = Stopwatch.StartNew();
        await Generator.CreateTreeAsync(database.Options(), primaries, ct);
        Console.WriteLine($"  tree created in {watch.Elapsed.TotalSeconds:N1} s");

        database.PeakBytesBeforeImport = Memory.PeakBytes();
        watch.Restart();
        await using (var db = new CadreDbContext(database.Options()))
        {
            var result = await ImportMembers.HandleAsync(db, Actor.System("bench"), () => File.OpenRead(database.CsvPath),
                new ImportMembers.Options { FileName = "members.csv" }, ct);
            var report = result.Value;
            if (report.Refused || report.Created != options.Members)
                throw new InvalidOperationException($"The import did not create every row: {report.Created:N0}, {report.ProblemCount} problem(s): {string.Join("; ", report.Problems.Take(3))}");
        }
        database.ImportSeconds = watch.Elapsed.TotalSeconds;
        database.PeakBytesAfterImport = Memory.PeakBytes();
        await using (var check = new CadreDbContext(database.Options()))
        {
            if (await check.Members.CountAsync(ct) != options.Members) throw new InvalidOperationException("The member count does not match.");
            // Fresh statistics, as a maintained database has them (SQLite's planner uses them for the subtree queries).
            await check.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
        Console.WriteLine($"  imported in {database.ImportSeconds:N1} s");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (postgresDatabase is not null)
            {
                await using var server = new NpgsqlConnection(postgresServer);
                await server.OpenAsync();
                await using var drop = server.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)";
                await drop.ExecuteNonQueryAsync();
            }
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or NpgsqlException)
        {
            // A leftover temp folder or database is not worth failing the benchmark for.
            Console.WriteLine($"Cleanup left something behind: {e.Message}");
        }
    }
}
