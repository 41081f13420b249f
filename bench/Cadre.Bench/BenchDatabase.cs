using System.Diagnostics;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members.Import;
using Cadre.Synthetic;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// The database every scenario runs on, built once per run: a synthetic party (SyntheticParty.SeedAsync, members with
/// --years of history and monthly dues) in an empty database. The import scenario imports the generated member CSV
/// with ImportMembers into a second, fresh database (a tree of the same shape, no members), so the import is timed on
/// its own and not on top of the seeded party.
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly List<string> postgresDatabases = [];
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

    public SyntheticCounts Seeded { get; private set; } = null!;

    /// Null when the database was reused from an earlier run (--reuse) instead of seeded in this one.
    public double? SeedSeconds { get; private set; }

    public long PeakBytesAfterSeed { get; private set; }

    public int Primaries { get; private set; }

    public double ImportSeconds { get; private set; }

    /// The import's phases as its progress reports them (checking, importing), the last one running to the end.
    public List<(string Phase, double Seconds)> ImportPhases { get; } = [];

    /// The raw insert of the same rows, right before and right after the import.
    public List<double> RawSeconds { get; } = [];

    /// The process's CPU seconds (user and system) spent in the import and in each raw insert: on a machine shared with
    /// other work they vary less than the wall-clock times.
    public double ImportCpuSeconds { get; private set; }

    public List<double> RawCpuSeconds { get; } = [];

    public long PeakBytesBeforeImport { get; private set; }

    public long PeakBytesAfterImport { get; private set; }

    public DbContextOptions<CadreDbContext> Options() => Options(ConnectionString);

    private DbContextOptions<CadreDbContext> Options(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(builder, Provider, connectionString);
        return builder.Options;
    }

    public static async Task<BenchDatabase> BuildAsync(BenchOptions options, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cadre-bench-" + Path.GetRandomFileName());
        Directory.CreateDirectory(folder);
        var (connectionString, serverDatabase, reused) = options.Reuse
            ? await OpenKeptAsync(options, ct)
            : await CreateAsync(options, folder, "cadre", ct) is var (c, d) ? (c, d, (SyntheticCounts?)null) : default;
        var database = new BenchDatabase(folder, options.Provider, connectionString) { postgresServer = options.Connection };
        // A kept database stays for the next run; a database of this run alone is dropped at the end.
        if (serverDatabase is not null && !options.Reuse) database.postgresDatabases.Add(serverDatabase);
        try
        {
            if (reused is not null)
            {
                database.Seeded = reused;
                Console.WriteLine($"Reusing the synthetic party of {reused.Members:N0} members seeded by an earlier run ({connectionString})");
            }
            else if (options.NeedsSyntheticParty) await database.SeedAsync(options, ct);
            if (options.Runs("import")) await database.ImportAsync(options, ct);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        return database;
    }

    /// --reuse: the kept database for these members, years and seed, with what its seed wrote when it is complete and
    /// made by this generator; otherwise an empty one in its place (seeded by this run and kept for the next).
    private static async Task<(string ConnectionString, string? ServerDatabase, SyntheticCounts? Seeded)> OpenKeptAsync(BenchOptions options, CancellationToken ct)
    {
        var name = $"cadre_bench_m{options.Members}_y{options.Years}_s{options.Seed}";
        string connectionString;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            connectionString = new NpgsqlConnectionStringBuilder(options.Connection) { Database = name }.ConnectionString;
            await using var server = new NpgsqlConnection(options.Connection);
            await server.OpenAsync(ct);
            await using var exists = server.CreateCommand();
            exists.CommandText = $"SELECT 1 FROM pg_database WHERE datname = '{name}'";
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = server.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{name}\"";
                await create.ExecuteNonQueryAsync(ct);
            }
        }
        else
        {
            var kept = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cadre-bench");
            Directory.CreateDirectory(kept);
            connectionString = $"Data Source={Path.Combine(kept, name + ".db")}";
        }
        var builder = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(builder, options.Provider, connectionString);
        await using (var db = new CadreDbContext(builder.Options))
        {
            await DatabaseSetup.MigrateAsync(db, ct);
            var seed = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "SyntheticParty").Select(e => e.After).FirstOrDefaultAsync(ct);
            if (seed is not null && JsonSerializer.Deserialize<KeptSeed>(seed) is { } kept && kept.GeneratorVersion == SyntheticParty.GeneratorVersion
                && kept.Members == options.Members && kept.Years == options.Years && kept.Seed == options.Seed && kept.Counts is not null)
                return (connectionString, name, kept.Counts);
            if (seed is not null || await db.Organizations.AnyAsync(ct))
                Console.WriteLine("The kept database was seeded by another generator or did not finish: seeding it again.");
        }
        // Start again from an empty, migrated database.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(options.Connection);
            await server.OpenAsync(ct);
            foreach (var sql in new[] { $"DROP DATABASE \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\"" })
            {
                await using var command = server.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
        await using (var db = new CadreDbContext(builder.Options)) await DatabaseSetup.MigrateAsync(db, ct);
        return (connectionString, name, null);
    }

    private sealed record KeptSeed(int Seed, int Years, int Members, int GeneratorVersion, SyntheticCounts? Counts);

    /// An empty, migrated database for a scenario of its own; DropAsync removes it (PostgreSQL) when the scenario ends.
    public static Task<(string ConnectionString, string? ServerDatabase)> CreateEmptyAsync(BenchOptions options, string folder, string name,
        CancellationToken ct) => CreateAsync(options, folder, name, ct);

    public static async Task DropAsync(BenchOptions options, string? serverDatabase)
    {
        if (serverDatabase is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(options.Connection);
        await server.OpenAsync();
        await using var drop = server.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{serverDatabase}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    /// An empty, migrated database: a file in the folder (SQLite) or a database of its own on the server (PostgreSQL).
    private static async Task<(string ConnectionString, string? ServerDatabase)> CreateAsync(BenchOptions options, string folder, string name,
        CancellationToken ct)
    {
        string connectionString;
        string? serverDatabase = null;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var database = $"cadre_bench_{name}_" + Guid.NewGuid().ToString("N")[..12];
            await using (var server = new NpgsqlConnection(options.Connection))
            {
                await server.OpenAsync(ct);
                await using var create = server.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{database}\"";
                await create.ExecuteNonQueryAsync(ct);
            }
            serverDatabase = database;
            connectionString = new NpgsqlConnectionStringBuilder(options.Connection) { Database = database }.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(folder, name + ".db")}";
        }
        var builder = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(builder, options.Provider, connectionString);
        await using var setup = new CadreDbContext(builder.Options);
        await DatabaseSetup.MigrateAsync(setup, ct);
        return (connectionString, serverDatabase);
    }

    private async Task SeedAsync(BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine($"Seeding a synthetic party of {options.Members:N0} members, {options.Years} year(s) of history (seed {options.Seed})");
        ResetPeak();
        var watch = Stopwatch.StartNew();
        await using (var db = new CadreDbContext(Options()))
        {
            db.CurrentActor.Actor = Actor.System("bench");
            var seeded = await SyntheticParty.SeedAsync(db, new SyntheticOptions(options.Members, options.Seed, options.Years),
                new ConsoleProgress(), ct);
            if (!seeded.IsSuccess) throw new InvalidOperationException($"The synthetic party was not seeded: {seeded.Error.Message}");
            Seeded = seeded.Value;
        }
        SeedSeconds = watch.Elapsed.TotalSeconds;
        PeakBytesAfterSeed = Memory.PeakBytes();
        await using (var check = new CadreDbContext(Options()))
        {
            if (await check.Members.CountAsync(ct) != Seeded.Members) throw new InvalidOperationException("The member count does not match the seed's.");
            // Fresh statistics, as a maintained database has them (SQLite's planner uses them for the subtree queries).
            await check.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
        Console.WriteLine($"  seeded in {SeedSeconds:N1} s: {Seeded.Organizations:N0} organizations, {Seeded.Members:N0} members, {Seeded.Payments:N0} payments");
    }

    /// The import scenario: the generated CSV into a second, fresh database that holds only the tree its rows name.
    private async Task ImportAsync(BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine($"Generating {options.ImportRows:N0} members into {CsvPath}");
        var primaries = Generator.Write(CsvPath, options.ImportRows);
        Primaries = primaries.Count;
        Console.WriteLine($"  {new FileInfo(CsvPath).Length / (1024.0 * 1024):N1} MB, {primaries.Count:N0} primary organizations");

        var (importConnection, serverDatabase) = await CreateAsync(options, Folder, "import", ct);
        if (serverDatabase is not null) postgresDatabases.Add(serverDatabase);
        var importOptions = Options(importConnection);
        var watch = Stopwatch.StartNew();
        await Generator.CreateTreeAsync(importOptions, primaries, ct);
        Console.WriteLine($"  tree of the import database created in {watch.Elapsed.TotalSeconds:N1} s");

        Console.WriteLine("  raw insert (baseline, before)");
        var cpu = CpuSeconds();
        RawSeconds.Add(await ImportBench.RawInsertAsync(this, options.ImportRows, "raw_before", ct));
        RawCpuSeconds.Add(CpuSeconds() - cpu);
        // The peak of the seed is not the import's: start the high-water mark again where the kernel allows it.
        ResetPeak();
        PeakBytesBeforeImport = Memory.PeakBytes();
        cpu = CpuSeconds();
        watch.Restart();
        await using (var db = new CadreDbContext(importOptions))
        {
            string? phase = null;
            var phaseStarted = TimeSpan.Zero;
            var progress = new InlineProgress<ImportMembers.ImportProgress>(p =>
            {
                if (p.Phase == phase) return;
                if (phase is not null) ImportPhases.Add((phase, (watch.Elapsed - phaseStarted).TotalSeconds));
                (phase, phaseStarted) = (p.Phase, watch.Elapsed);
            });
            var result = await ImportMembers.HandleAsync(db, Actor.System("bench"), () => File.OpenRead(CsvPath),
                new ImportMembers.Options { FileName = "members.csv", Progress = progress }, ct);
            if (phase is not null) ImportPhases.Add((phase + " and indexes", (watch.Elapsed - phaseStarted).TotalSeconds));
            var report = result.Value;
            if (report.Refused || report.Created != options.ImportRows)
                throw new InvalidOperationException($"The import did not create every row: {report.Created:N0}, {report.ProblemCount} problem(s): {string.Join("; ", report.Problems.Take(3))}");
        }
        ImportSeconds = watch.Elapsed.TotalSeconds;
        ImportCpuSeconds = CpuSeconds() - cpu;
        PeakBytesAfterImport = Memory.PeakBytes();
        await using (var check = new CadreDbContext(importOptions))
        {
            if (await check.Members.CountAsync(ct) != options.ImportRows) throw new InvalidOperationException("The imported member count does not match.");
        }
        Console.WriteLine($"  imported in {ImportSeconds:N1} s ({string.Join(", ", ImportPhases.Select(p => $"{p.Phase} {p.Seconds:N1} s"))})");
        Console.WriteLine("  raw insert (baseline, after)");
        cpu = CpuSeconds();
        RawSeconds.Add(await ImportBench.RawInsertAsync(this, options.ImportRows, "raw_after", ct));
        RawCpuSeconds.Add(CpuSeconds() - cpu);
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// Linux resets VmHWM to the current resident set when "5" is written to clear_refs; elsewhere the peak stays.
    private static void ResetPeak()
    {
        try
        {
            if (File.Exists("/proc/self/clear_refs")) File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine($"  (peak memory not reset: {e.Message})");
        }
    }

    /// Calls back on the reporting thread (Progress<T> would post to the thread pool and reorder the phases).
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class ConsoleProgress : IProgress<SyntheticProgress>
    {
        private readonly Stopwatch sinceLast = Stopwatch.StartNew();
        private string? step;

        public void Report(SyntheticProgress value)
        {
            // A line per step and at most one every 5 seconds within it: enough to see it move, little enough for CI logs.
            if (value.Step == step && sinceLast.Elapsed < TimeSpan.FromSeconds(5) && value.Done < value.Total) return;
            step = value.Step;
            sinceLast.Restart();
            Console.WriteLine($"  {value.Step}: {value.Done:N0} of {value.Total:N0}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            foreach (var name in postgresDatabases)
            {
                await using var server = new NpgsqlConnection(postgresServer);
                await server.OpenAsync();
                await using var drop = server.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
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
