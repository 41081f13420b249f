using System.Globalization;
using System.Runtime.InteropServices;
using Cadre.Data;
using Microsoft.Data.Sqlite;

// The benchmark suite (issue 4, docs/performance.md): builds the benchmark database, then measures each scenario beside
// a baseline from the same run, prints the table, and writes it into a marked section of --out and as JSON to --json.
// Usage: dotnet run -c Release --project bench/Cadre.Bench -- --members 1000000 [--years 2] [--seed 1] [--provider sqlite|postgres]
//        [--connection CS] [--out docs/performance.md] [--json FILE] [--smoke] [--reuse] [--only import,counts,search,web,ballots,library,health,voting,directives]
//        [--documents N (library search, 10000 by default)] [--organizations N (directives, 50000 by default)]
//        [--import-rows N (the import scenario's CSV, the members up to 1,000,000 by default)]
var options = BenchOptions.Parse(args);
var ct = CancellationToken.None;
var machine = string.Create(CultureInfo.InvariantCulture,
    $"{Environment.ProcessorCount} cores, load {LoadAverage()}, .NET {Environment.Version}, {(options.Provider == DatabaseProvider.Sqlite ? "SQLite " + SqliteVersion() : "PostgreSQL")}");

var figures = new List<Figure>();
await using (var database = await BenchDatabase.BuildAsync(options, ct))
{
    if (options.NeedsSyntheticParty) figures.Add(SeedBench.Figure(database, options));
    if (options.Runs("import"))
    {
        figures.Add(ImportBench.Figure(database, options.ImportRows));
    }
    if (options.Runs("counts"))
    {
        Console.WriteLine("Subtree counts");
        figures.AddRange(await CountsBench.RunAsync(database.Options(), options.Samples, ct));
    }
    if (options.Runs("search"))
    {
        Console.WriteLine("Search");
        figures.AddRange(await SearchBench.RunAsync(database.Options(), options.Samples, ct));
    }
    if (options.Runs("health"))
    {
        Console.WriteLine("Organizational health");
        figures.AddRange(await HealthBench.RunAsync(database.Options(), options.Samples, ct));
    }
    if (options.Runs("web"))
    {
        Console.WriteLine("Member list under load");
        figures.AddRange(await WebBench.RunAsync(database, options, ct));
    }
    if (options.Runs("voting"))
    {
        Console.WriteLine("A congress voting");
        figures.AddRange(await CongressVotingBench.RunAsync(database, options, ct));
    }
}
if (options.Runs("library") && options.Documents > 0)
{
    Console.WriteLine("Library search");
    figures.AddRange(await LibrarySearchBench.RunAsync(options, ct));
}
if (options.Runs("directives") && options.Organizations > 0)
{
    Console.WriteLine("Directives");
    figures.AddRange(await DirectiveBench.RunAsync(options, ct));
}
if (options.Runs("ballots"))
{
    Console.WriteLine("Ballot counts");
    figures.AddRange(BallotCountBench.Run(options));
}

var table = Report.Markdown(options, figures, machine);
Console.WriteLine();
Console.WriteLine(table);
if (options.Out is { } outPath)
{
    Report.WriteInto(outPath, table);
    Console.WriteLine($"Written into {outPath}");
}
if (options.Json is { } jsonPath)
{
    Report.WriteJson(jsonPath, options, figures, machine);
    Console.WriteLine($"JSON written to {jsonPath}");
}
var missed = figures.Count(f => f.Met == false);
Console.WriteLine($"{figures.Count} figures, {missed} target(s) missed (a missed target is reported, not an error).");

static string SqliteVersion()
{
    using var connection = new SqliteConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "select sqlite_version()";
    return (string)command.ExecuteScalar()!;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : RuntimeInformation.OSDescription;
