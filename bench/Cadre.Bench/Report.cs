using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

/// One line of the results: a scenario's figure beside its baseline from the same run, and the issue's target.
internal sealed record Figure(string Scenario, string Value, string Baseline, double? Ratio, string Target, bool? Met)
{
    /// Raw numbers for the JSON file (milliseconds, rows or requests per second, bytes).
    public Dictionary<string, double> Numbers { get; init; } = [];
}

internal static class Report
{
    public const string Begin = "<!-- bench:begin (written by bench/Cadre.Bench; edits inside are overwritten) -->";
    public const string End = "<!-- bench:end -->";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "N2" : "N1", CultureInfo.InvariantCulture) + " ms";

    public static string Markdown(BenchOptions options, IReadOnlyList<Figure> figures, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {options.Members:N0} members with {options.Years} year(s) of history on {options.Provider}{(options.Smoke ? " (smoke run)" : "")}, `dotnet run -c Release --project bench/Cadre.Bench -- --members {options.Members} --years {options.Years} --seed {options.Seed}{(options.Runs("directives") ? $" --organizations {options.Organizations}" : "")}{(options.Only.Count > 0 ? " --only " + string.Join(",", options.Only) : "")}`.");
        text.AppendLine();
        text.AppendLine("| Scenario | Figure | Baseline (same run) | Ratio | Target | Met | Machine |");
        text.AppendLine("|---|---:|---:|---:|---|:---:|---|");
        foreach (var f in figures)
        {
            var ratio = f.Ratio is { } r ? r.ToString(r < 10 ? "N2" : "N0", CultureInfo.InvariantCulture) : "";
            var met = f.Met switch { true => "yes", false => "**no**", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Scenario} | {f.Value} | {f.Baseline} | {ratio} | {f.Target} | {met} | {machine} |");
        }
        return text.ToString();
    }

    /// Replaces the marked section of the file (appends one, under its own heading, the first time); keeps the rest.
    public static void WriteInto(string path, string section)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n";
        var block = Begin + "\n" + section + End;
        var begin = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = begin >= 0 && end > begin
            ? existing[..begin] + block + existing[(end + End.Length)..]
            : existing.TrimEnd() + "\n\n## Benchmark suite (issue 4)\n\n" + block + "\n";
        File.WriteAllText(path, updated);
    }

    public static void WriteJson(string path, BenchOptions options, IReadOnlyList<Figure> figures, string machine)
    {
        var document = new
        {
            members = options.Members,
            years = options.Years,
            seed = options.Seed,
            provider = options.Provider.ToString(),
            smoke = options.Smoke,
            measuredAt = DateTime.UtcNow,
            machine,
            figures = figures.Select(f => new { f.Scenario, f.Value, f.Baseline, f.Ratio, f.Target, f.Met, f.Numbers }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, JsonOptions));
    }

    public static double Percentile(IReadOnlyCollection<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static async Task<List<double>> TimeAsync(IEnumerable<Func<Task>> work)
    {
        var times = new List<double>();
        foreach (var run in work)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }
}

internal static class Memory
{
    /// The peak resident set of a process (VmHWM on Linux; PeakWorkingSet64 elsewhere).
    public static long PeakBytes(int? processId = null)
    {
        var status = $"/proc/{(processId?.ToString(CultureInfo.InvariantCulture) ?? "self")}/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        return processId is { } id ? Process.GetProcessById(id).PeakWorkingSet64 : Process.GetCurrentProcess().PeakWorkingSet64;
    }

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}
