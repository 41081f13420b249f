using System.Diagnostics;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Microsoft.EntityFrameworkCore;

/// Organizational health (issue 9): the compute job over the whole synthetic party (every indicator, twelve months of
/// flows, the warning rules), then the dashboard and the comparison of sub-organizations at each level of the tree,
/// beside a trivial indexed query through the same context in the same run.
internal static class HealthBench
{
    private static readonly Actor Admin = Actor.System("bench");

    public static async Task<List<Figure>> RunAsync(DbContextOptions<CadreDbContext> options, int samples, CancellationToken ct)
    {
        var figures = new List<Figure>();
        await using (var job = new CadreDbContext(options))
        {
            job.CurrentActor.Actor = Admin;
            var watch = Stopwatch.StartNew();
            var computed = await ComputeHealth.RunAsync(job, ct);
            var seconds = watch.Elapsed.TotalSeconds;
            figures.Add(new Figure($"Health compute job ({IndicatorCatalogue.All.Count} indicators, {computed.Statements} indicator-months, {computed.Rows:N0} rows, {computed.Raised:N0} warnings)",
                $"{seconds:0.0} s", "—", null, "< 5 min", seconds < 300)
            {
                Numbers = new() { ["seconds"] = seconds, ["rows"] = computed.Rows, ["statements"] = computed.Statements, ["raised"] = computed.Raised },
            });
            // The composition is part of the job (decision 0073): six days, each one pass over the members and their history.
            var composition = computed.CompositionTook.TotalSeconds;
            figures.Add(new Figure("Health composition (6 days × full members, candidates, admissions × 4 dimensions), part of the job",
                $"{composition:0.0} s", "—", null, "< 2 min", composition < 120)
            {
                Numbers = new() { ["seconds"] = composition },
            });
        }

        await using var db = new CadreDbContext(options);
        var random = new Random(13);
        var baseline = await Report.TimeAsync(Enumerable.Range(0, samples)
            .Select(_ => (Func<Task>)(() => db.Levels.AsNoTracking().Where(l => l.Rank == 0).Select(l => l.Name).FirstAsync(ct))));
        var baselineP99 = Report.Percentile(baseline, 99);
        var levels = await db.Levels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new { l.Id, l.Rank, l.Name }).ToListAsync(ct);
        foreach (var level in levels)
        {
            var ids = await db.Organizations.AsNoTracking().Where(o => o.LevelId == level.Id).Select(o => o.Id).ToListAsync(ct);
            if (ids.Count == 0) continue;
            var sample = Enumerable.Range(0, samples).Select(_ => ids[random.Next(ids.Count)]).ToList();
            var dashboard = await Report.TimeAsync(sample.Select(id => (Func<Task>)(async () =>
                _ = (await HealthQueries.DashboardAsync(db, Admin, id, 12, ct)).Value)));
            var compare = await Report.TimeAsync(sample.Select(id => (Func<Task>)(async () =>
                _ = (await HealthQueries.CompareAsync(db, Admin, id, "arrears", null, ct)).Value)));
            var composition = await Report.TimeAsync(sample.Select(id => (Func<Task>)(async () =>
                _ = (await CompositionQueries.CompositionAsync(db, Admin, id, ct)).Value)));
            foreach (var (what, times) in new[] { ("dashboard", dashboard), ("comparison of sub-organizations", compare), ("composition", composition) })
            {
                var p50 = Report.Percentile(times, 50);
                var p99 = Report.Percentile(times, 99);
                figures.Add(new Figure($"Health {what} of a {level.Name.ToLowerInvariant()}", $"p50 {Report.Ms(p50)}, p99 {Report.Ms(p99)}",
                    $"indexed row p99 {Report.Ms(baselineP99)}", p99 / baselineP99, "p99 < 300 ms", p99 < 300)
                {
                    Numbers = new() { ["p50Ms"] = p50, ["p99Ms"] = p99, ["baselineP99Ms"] = baselineP99 },
                });
            }
        }
        return figures;
    }
}
