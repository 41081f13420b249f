using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

/// MemberCounts: members by status and by occupation below an organization, at each level of the tree, beside a trivial
/// indexed query through the same context in the same run. Organizations are sampled per level (the one central
/// committee is counted repeatedly).
internal static class CountsBench
{
    private static readonly Actor Admin = Actor.System("bench");

    public static async Task<List<Figure>> RunAsync(DbContextOptions<CadreDbContext> options, int samples, CancellationToken ct)
    {
        await using var db = new CadreDbContext(options);
        var random = new Random(11);
        var baseline = await Report.TimeAsync(Enumerable.Range(0, samples)
            .Select(_ => (Func<Task>)(() => db.Levels.AsNoTracking().Where(l => l.Rank == 0).Select(l => l.Name).FirstAsync(ct))));
        var baselineP99 = Report.Percentile(baseline, 99);
        var figures = new List<Figure>();
        var levels = await db.Levels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new { l.Id, l.Rank, l.Name }).ToListAsync(ct);
        // One call of each query first, on an organization of the last level: EF compiles a query shape on its first use
        // (tens of milliseconds, once per process), and the centre, timed first with few samples, would count that as its p99.
        var lastLevel = levels[^1].Id;
        var warmUp = await db.Organizations.AsNoTracking().Where(o => o.LevelId == lastLevel).Select(o => o.Id).FirstOrDefaultAsync(ct);
        if (warmUp != 0)
        {
            await ByStatusAsync(db, warmUp, ct);
            await ByOccupationAsync(db, warmUp, ct);
        }
        foreach (var level in levels)
        {
            var ids = await db.Organizations.AsNoTracking().Where(o => o.LevelId == level.Id).Select(o => o.Id).ToListAsync(ct);
            if (ids.Count == 0) continue;
            // The upper levels cover most of the register: fewer samples keep the run short (p99 is then near the maximum).
            var count = level.Rank <= 1 ? Math.Max(5, samples / 10) : samples;
            var sample = Enumerable.Range(0, count).Select(_ => ids[random.Next(ids.Count)]).ToList();
            var total = 0L;
            var byStatus = await Report.TimeAsync(sample.Select(id => (Func<Task>)(async () =>
                total += await ByStatusAsync(db, id, ct))));
            var byOccupation = await Report.TimeAsync(sample.Select(id => (Func<Task>)(async () =>
                total += await ByOccupationAsync(db, id, ct))));
            var average = total / (2.0 * count);
            foreach (var (what, times) in new[] { ("status", byStatus), ("occupation", byOccupation) })
            {
                var p50 = Report.Percentile(times, 50);
                var p99 = Report.Percentile(times, 99);
                figures.Add(new Figure($"Counts by {what} below a {level.Name.ToLowerInvariant()} (about {average:N0} members)",
                    $"p50 {Report.Ms(p50)}, p99 {Report.Ms(p99)}", $"indexed row p99 {Report.Ms(baselineP99)}", p99 / baselineP99,
                    "p99 < 20 ms", p99 < 20)
                {
                    Numbers = new() { ["p50Ms"] = p50, ["p99Ms"] = p99, ["baselineP99Ms"] = baselineP99, ["averageMembers"] = average },
                });
            }
        }
        return figures;
    }

    private static async Task<int> ByStatusAsync(CadreDbContext db, int organizationId, CancellationToken ct) =>
        (await MemberCounts.ByStatusAsync(db, Admin, organizationId, ct)).Value.Sum(c => c.Members);

    private static async Task<int> ByOccupationAsync(CadreDbContext db, int organizationId, CancellationToken ct) =>
        (await MemberCounts.ByOccupationAsync(db, Admin, organizationId, ct)).Value.Sum(c => c.Members);
}
