using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Members.Import;
using Cadre.Organizations;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// The member import at scale (docs/performance.md): a deterministic CSV of N rows, imported into a fresh SQLite file,
// beside a raw insert of the same rows (one prepared INSERT, one transaction) into an equivalent table, in the same run.
// Usage: dotnet run -c Release --project bench/Cadre.Bench -- [rows=1000000] [folder=a new temp folder]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "cadre-bench-" + Path.GetRandomFileName());
Directory.CreateDirectory(folder);
var csvPath = Path.Combine(folder, "members.csv");
var ct = CancellationToken.None;

Console.WriteLine($"Generating {rows:N0} rows into {csvPath}");
var primaries = Generator.Write(csvPath, rows);
Console.WriteLine($"  {new FileInfo(csvPath).Length / (1024.0 * 1024):N1} MB, {primaries.Count} primary organizations");

// Cadre's import, into a migrated database with the organization tree.
var cadreFile = Path.Combine(folder, "cadre.db");
var options = new DbContextOptionsBuilder<CadreDbContext>();
DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={cadreFile}");
await using (var setup = new CadreDbContext(options.Options))
{
    await DatabaseSetup.MigrateAsync(setup, ct);
    await Generator.CreateTreeAsync(setup, primaries, ct);
}
var memoryBefore = Memory.PeakBytes();
var watch = Stopwatch.StartNew();
ImportMembers.Report report;
await using (var db = new CadreDbContext(options.Options))
{
    var result = await ImportMembers.HandleAsync(db, Actor.System("bench"), () => File.OpenRead(csvPath),
        new ImportMembers.Options { FileName = "members.csv" }, ct);
    report = result.Value;
}
var importSeconds = watch.Elapsed.TotalSeconds;
var importPeak = Memory.PeakBytes();
if (report.Refused || report.Created != rows) throw new InvalidOperationException($"The import did not create every row: {report.Created:N0}, {report.ProblemCount} problem(s): {string.Join("; ", report.Problems.Take(3))}");
await using (var check = new CadreDbContext(options.Options))
    if (await check.Members.CountAsync(ct) != rows) throw new InvalidOperationException("The member count does not match.");

// The baseline: the same rows read from the same file, one prepared INSERT into one flat table, one transaction.
var rawFile = Path.Combine(folder, "raw.db");
watch.Restart();
var rawRows = await Baseline.InsertAsync(csvPath, rawFile, ct);
var rawSeconds = watch.Elapsed.TotalSeconds;

var importRate = rows / importSeconds;
var rawRate = rawRows / rawSeconds;
Console.WriteLine();
Console.WriteLine($"| Rows | Cadre import | Raw SQLite insert | Import / raw | Peak memory (VmHWM) |");
Console.WriteLine($"|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {rows:N0} | {importSeconds:N1} s, {importRate:N0} rows/s | {rawSeconds:N1} s, {rawRate:N0} rows/s | {importRate / rawRate:P0} | {importPeak / (1024.0 * 1024):N0} MB (before the import: {memoryBefore / (1024.0 * 1024):N0} MB) |"));
await SearchBench.RunAsync(options.Options, ct);
Console.WriteLine($"Environment: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, SQLite {SqliteVersion()}");
try
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
    // A leftover temp folder is not worth failing the benchmark for.
}

static string SqliteVersion()
{
    using var connection = new SqliteConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "select sqlite_version()";
    return (string)command.ExecuteScalar()!;
}

internal static class Memory
{
    /// The peak resident set of the process (VmHWM on Linux; PeakWorkingSet64 elsewhere).
    public static long PeakBytes()
    {
        if (File.Exists("/proc/self/status"))
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}

internal static class Generator
{
    private static readonly string[] Given = ["Ana", "Rui", "Eva", "Zoë", "Олег", "小明", "Fatima", "José", "Ngozi", "Aiko", "Lars", "Priya"];
    private static readonly string[] Family = ["Silva", "Costa", "Müller", "Петров", "王", "O'Brien", "Nguyen", "Okafor", "Sato", "García", "Kowalski", "Singh"];
    private static readonly string[] Occupations = ["worker", "farmer", "professional", "manager", "public-servant", "student", "retired", "unemployed", "other"];
    private static readonly string[] Education = ["primary", "lower-secondary", "upper-secondary", "vocational", "college", "university", "postgraduate"];

    /// Writes the CSV (the same bytes for the same row count) and returns the primary organizations' codes it uses.
    public static List<string> Write(string path, int rows)
    {
        var random = new Random(20261128);
        var primaries = Enumerable.Range(1, 60).Select(i => $"R{(i - 1) / 20 + 1}-D{(i - 1) / 5 + 1}-P{i}").ToList();
        using var stream = File.Create(path);
        using var csv = CsvWriter.Create(stream, MemberCsv.WriterOptions);
        csv.WriteHeader([.. MemberCsv.Columns]);
        var values = new string[MemberCsv.Columns.Count];
        for (var i = 1; i <= rows; i++)
        {
            var given = Given[random.Next(Given.Length)];
            var family = Family[random.Next(Family.Length)];
            var born = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 60));
            values[0] = Member.FormatNumber(i);
            values[1] = given;
            values[2] = family;
            values[3] = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            values[4] = random.Next(3) switch { 0 => "female", 1 => "male", _ => "" };
            values[5] = Occupations[random.Next(Occupations.Length)];
            values[6] = Education[random.Next(Education.Length)];
            values[7] = $"member{i}@example.org";
            values[8] = $"+351 2{random.Next(10_000_000, 99_999_999)}";
            values[9] = $"Rua {random.Next(1, 500)}, {random.Next(1, 9)}º\nLisboa";
            values[10] = primaries[random.Next(primaries.Count)];
            values[11] = born.AddYears(18 + random.Next(0, 40)) is var joined && joined < new DateOnly(2025, 1, 1)
                ? joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "2024-12-31";
            values[12] = random.Next(10) == 0 ? "candidate" : "member";
            csv.WriteRecord(values);
        }
        return primaries;
    }

    public static async Task CreateTreeAsync(CadreDbContext db, List<string> primaries, CancellationToken ct)
    {
        var levels = await db.Levels.OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(ct);
        var system = Actor.System("bench");
        var ids = new Dictionary<string, int>();
        async Task<int> Ensure(string code, int rank, int? parent)
        {
            if (ids.TryGetValue(code, out var id)) return id;
            var created = await CreateOrganization.HandleAsync(db, system, new CreateOrganization.Request
            {
                Code = code, Name = "Organization " + code, LevelId = levels[rank], ParentId = parent, FoundedOn = new DateOnly(1900, 1, 1),
            }, ct);
            return ids[code] = created.Value;
        }
        var centre = await Ensure("CC", 0, null);
        foreach (var code in primaries)
        {
            var parts = code.Split('-');
            var region = await Ensure(parts[0], 1, centre);
            var district = await Ensure($"{parts[0]}-{parts[1]}", 2, region);
            await Ensure(code, 3, district);
        }
    }
}

internal static class Baseline
{
    public static async Task<int> InsertAsync(string csvPath, string databasePath, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var columns = MemberCsv.Columns;
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE \"Flat\" (\"Id\" INTEGER PRIMARY KEY, {string.Join(", ", columns.Select(c => $"\"{c}\" TEXT"))})";
            await create.ExecuteNonQueryAsync(ct);
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"Flat\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
        insert.Prepare();
        var count = 0;
        await using var reader = CsvReader.Create(File.OpenRead(csvPath), new CsvReaderOptions { Separator = ',', HasHeader = true });
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = reader.GetString(i);
            await insert.ExecuteNonQueryAsync(ct);
            count++;
        }
        await transaction.CommitAsync(ct);
        return count;
    }
}
