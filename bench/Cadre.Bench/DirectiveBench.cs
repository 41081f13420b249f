using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Directives;
using Microsoft.EntityFrameworkCore;

/// Directives at scale (issue 5, point 4): in a database of its own, a tree generated for the scenario (a central committee,
/// 30 regions, 300 districts and primary organizations, --organizations receiving organizations in all, 50,000 by default).
/// The centre issues three directives to its whole subtree through IssueDirective (each timed; the baseline is a directive to
/// one organization), a realistic share of each one's assignments is then acknowledged, started, reported and accepted (one
/// UPDATE per directive, as the synthetic party does; the unreported are overdue), and the roll-up of the last is measured:
/// DirectiveRollup.RunAsync (the issuer's query, below the centre, a region and a district) beside an indexed row, and the
/// page /directives/{id} and GET /api/v1/directives/{id}/rollup through the real app beside /health of the same server.
internal static class DirectiveBench
{
    private const int Regions = 30;
    private const int DistrictsPerRegion = 10;
    private static readonly Actor Admin = Actor.System("bench");

    public static async Task<List<Figure>> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cadre-bench-directives-" + Path.GetRandomFileName());
        Directory.CreateDirectory(folder);
        var (connectionString, serverDatabase) = await BenchDatabase.CreateEmptyAsync(options, folder, "directives", ct);
        try
        {
            var builder = new DbContextOptionsBuilder<CadreDbContext>();
            DatabaseSetup.Configure(builder, options.Provider, connectionString);
            var dbOptions = builder.Options;
            var figures = new List<Figure>();

            var primaries = Math.Max(1, options.Organizations - Regions - (Regions * DistrictsPerRegion));
            var codes = Enumerable.Range(0, primaries).Select(i =>
            {
                var district = i % (Regions * DistrictsPerRegion);
                return $"R{(district / DistrictsPerRegion) + 1}-D{district + 1}-P{i + 1}";
            }).ToList();
            Console.WriteLine($"  tree of {primaries + Regions + (Regions * DistrictsPerRegion):N0} organizations below the centre");
            var watch = Stopwatch.StartNew();
            await Generator.CreateTreeAsync(dbOptions, codes, ct);
            await using (var analyze = new CadreDbContext(dbOptions)) await analyze.Database.ExecuteSqlRawAsync("ANALYZE", ct);
            Console.WriteLine($"  created in {watch.Elapsed.TotalSeconds:N1} s");

            int centre, receiving;
            await using (var db = new CadreDbContext(dbOptions))
            {
                centre = await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).SingleAsync(ct);
                receiving = await db.Organizations.CountAsync(o => o.ParentId != null, ct);
            }

            // The baseline: the same use case to one organization (its fixed cost: checks, the directive, one INSERT … SELECT, the audit).
            var one = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                await using var db = new CadreDbContext(dbOptions);
                db.CurrentActor.Actor = Admin;
                var target = await db.Organizations.Where(o => o.ParentId != null).OrderBy(o => o.Id).Skip(i * 7).Select(o => o.Id).FirstAsync(ct);
                watch.Restart();
                var issued = await IssueDirective.HandleAsync(db, Admin, Request(centre, i, "to one organization", DirectiveTarget.Organizations, [target], db.Today), ct);
                one.Add(watch.Elapsed.TotalMilliseconds);
                if (!issued.IsSuccess) throw new InvalidOperationException($"The baseline directive was refused: {issued.Error.Message}");
            }
            var oneP50 = Report.Percentile(one, 50);

            var times = new List<double>();
            var last = 0;
            for (var i = 0; i < 3; i++)
            {
                await using var db = new CadreDbContext(dbOptions);
                db.CurrentActor.Actor = Admin;
                watch.Restart();
                var issued = await IssueDirective.HandleAsync(db, Admin, Request(centre, 10 + i, "to the whole party", DirectiveTarget.Subtree, null, db.Today), ct);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (!issued.IsSuccess || issued.Value.Assignments != receiving)
                    throw new InvalidOperationException($"The directive did not reach every organization: {(issued.IsSuccess ? issued.Value.Assignments : issued.Error.Message)}");
                last = issued.Value.DirectiveId;
                await ProgressAsync(db, last, i, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  directive {last} to {receiving:N0} organizations in {times[^1] / 1000:N2} s"));
            }
            await using (var analyze = new CadreDbContext(dbOptions)) await analyze.Database.ExecuteSqlRawAsync("ANALYZE", ct);
            var worst = times.Max();
            figures.Add(new Figure($"Issue a directive to {receiving:N0} organizations (IssueDirective, 3 runs)",
                string.Create(CultureInfo.InvariantCulture, $"p50 {Report.Ms(Report.Percentile(times, 50))}, max {Report.Ms(worst)}"),
                $"to one organization p50 {Report.Ms(oneP50)}", worst / oneP50, "< 10 s", worst < 10_000)
            {
                Numbers = new() { ["p50Ms"] = Report.Percentile(times, 50), ["maxMs"] = worst, ["baselineP50Ms"] = oneP50, ["organizations"] = receiving },
            });

            figures.AddRange(await QueryAsync(dbOptions, last, centre, receiving, options.Samples, ct));
            figures.AddRange(await WebAsync(options, dbOptions, connectionString, folder, last, receiving, ct));
            return figures;
        }
        finally
        {
            await BenchDatabase.DropAsync(options, serverDatabase);
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                Console.WriteLine($"Cleanup left something behind: {e.Message}");
            }
        }
    }

    private static IssueDirective.Request Request(int issuer, int n, string what, DirectiveTarget target, IReadOnlyList<int>? organizations, DateOnly today) => new()
    {
        IssuerOrganizationId = issuer,
        Title = $"Bench directive {n} {what}",
        Text = "Every organization discusses the **recruitment drive** at its next general meeting and reports what it did.",
        // Issued five weeks ago and due five days ago: what is not reported is overdue, as in a real roll-up.
        IssuedOn = today.AddDays(-35),
        DueOn = today.AddDays(-5),
        ReportRequired = true,
        ReportForm = "Say what was done.",
        Figures = ["members reached", "meetings held"],
        Target = target,
        OrganizationIds = organizations,
    };

    /// Of every hundred assignments about 15 accepted, 40 reported, 3 returned, 12 in progress, 15 acknowledged and 15 never
    /// answered: the states and figures an issuer sees a few days after the due date.
    private static Task<int> ProgressAsync(CadreDbContext db, int directiveId, int seed, CancellationToken ct)
    {
        var h = $"((\"Id\" * 7919 + {seed.ToString(CultureInfo.InvariantCulture)}) % 100)";
        var sql = $"""
            UPDATE "Assignments" SET
              "Status" = CASE WHEN {h} < 15 THEN {(int)AssignmentStatus.Accepted} WHEN {h} < 55 THEN {(int)AssignmentStatus.Reported}
                              WHEN {h} < 58 THEN {(int)AssignmentStatus.Returned} WHEN {h} < 70 THEN {(int)AssignmentStatus.InProgress}
                              WHEN {h} < 85 THEN {(int)AssignmentStatus.Acknowledged} ELSE {(int)AssignmentStatus.Received} END,
              "AcknowledgedOn" = CASE WHEN {h} < 85 THEN {P(1)} ELSE NULL END,
              "StartedOn" = CASE WHEN {h} < 70 THEN {P(1)} ELSE NULL END,
              "ReportedOn" = CASE WHEN {h} < 58 THEN {P(2)} ELSE NULL END,
              "Outcome" = CASE WHEN {h} < 58 THEN 1 ELSE NULL END,
              "Figure1" = CASE WHEN {h} < 58 THEN ("Id" * 37) % 150 ELSE NULL END,
              "Figure2" = CASE WHEN {h} < 58 THEN 1 + "Id" % 3 ELSE NULL END,
              "Version" = CASE WHEN {h} < 85 THEN 1 ELSE 0 END
            WHERE "RootDirectiveId" = {P(0)}
            """;
        var today = db.Today;
        return db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql, directiveId, today.AddDays(-30), today.AddDays(-6)), ct);
    }

    private static string P(int index) => "{" + index.ToString(CultureInfo.InvariantCulture) + "}";

    private static async Task<List<Figure>> QueryAsync(DbContextOptions<CadreDbContext> options, int directiveId, int centre, int receiving, int samples,
        CancellationToken ct)
    {
        await using var db = new CadreDbContext(options);
        var random = new Random(17);
        var baseline = await Report.TimeAsync(Enumerable.Range(0, samples)
            .Select(_ => (Func<Task>)(() => db.Levels.AsNoTracking().Where(l => l.Rank == 0).Select(l => l.Name).FirstAsync(ct))));
        var baselineP99 = Report.Percentile(baseline, 99);
        var regions = await db.Organizations.Where(o => o.ParentId == centre).Select(o => o.Id).ToListAsync(ct);
        var districts = await db.Organizations.Where(o => regions.Contains(o.ParentId!.Value)).Select(o => o.Id).ToListAsync(ct);
        // EF compiles each query shape once per process: not the roll-up's cost.
        await RollupAsync(db, directiveId, null, ct);
        await RollupAsync(db, directiveId, districts[0], ct);

        var total = (await DirectiveRollup.RunAsync(db, Admin, directiveId, null, ct)).Value.Total;
        Console.WriteLine($"  roll-up: {total.ReportsIn:N0} of {total.Assigned:N0} reported, {total.Overdue:N0} overdue");
        var figures = new List<Figure>();
        foreach (var (what, ids) in new[] { ("the centre (the issuer)", new List<int?> { null }), ("a region", regions.Select(r => (int?)r).ToList()),
                     ("a district", districts.Select(d => (int?)d).ToList()) })
        {
            var sample = Enumerable.Range(0, samples).Select(_ => ids[random.Next(ids.Count)]).ToList();
            var timed = await Report.TimeAsync(sample.Select(at => (Func<Task>)(() => RollupAsync(db, directiveId, at, ct))));
            var p50 = Report.Percentile(timed, 50);
            var p99 = Report.Percentile(timed, 99);
            figures.Add(new Figure($"Directive roll-up below {what} ({receiving:N0} assignments, DirectiveRollup)", $"p50 {Report.Ms(p50)}, p99 {Report.Ms(p99)}",
                $"indexed row p99 {Report.Ms(baselineP99)}", p99 / baselineP99, "p99 < 200 ms", p99 < 200)
            {
                Numbers = new() { ["p50Ms"] = p50, ["p99Ms"] = p99, ["baselineP99Ms"] = baselineP99, ["assignments"] = receiving },
            });
        }
        return figures;
    }

    private static async Task RollupAsync(CadreDbContext db, int directiveId, int? at, CancellationToken ct)
    {
        var rollup = await DirectiveRollup.RunAsync(db, Admin, directiveId, at, ct);
        if (!rollup.IsSuccess) throw new InvalidOperationException($"The roll-up failed: {rollup.Error.Message}");
    }

    /// The page and the API one request after another (the time one secretary waits), beside /health of the same server.
    private static async Task<List<Figure>> WebAsync(BenchOptions options, DbContextOptions<CadreDbContext> dbOptions, string connectionString,
        string folder, int directiveId, int receiving, CancellationToken ct)
    {
        var secret = await WebBench.IssueTokenAsync(dbOptions, ct);
        var port = WebBench.FreePort();
        using var server = WebBench.StartServer(options.Provider, connectionString, folder, port);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            await WebBench.WaitUntilUpAsync(client, server, ct);
            var samples = options.Samples;
            var health = await SequentialAsync(client, "/health", samples, ct);
            var healthP99 = Report.Percentile(health, 99);
            var figures = new List<Figure>();
            foreach (var (name, path) in new[] { ("Directive page (HTML)", $"/directives/{directiveId}"), ("Directive roll-up API", $"/api/v1/directives/{directiveId}/rollup") })
            {
                var times = await SequentialAsync(client, path, samples, ct);
                var p50 = Report.Percentile(times, 50);
                var p99 = Report.Percentile(times, 99);
                figures.Add(new Figure($"{name}, {path}, {receiving:N0} assignments, one request at a time", $"p50 {Report.Ms(p50)}, p99 {Report.Ms(p99)}",
                    $"/health p99 {Report.Ms(healthP99)}", p99 / healthP99, "p99 < 200 ms", p99 < 200)
                {
                    Numbers = new() { ["p50Ms"] = p50, ["p99Ms"] = p99, ["healthP99Ms"] = healthP99, ["assignments"] = receiving },
                });
            }
            return figures;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    /// A few requests to warm the server up, then samples timed; any status but 200 fails the run.
    private static async Task<List<double>> SequentialAsync(HttpClient client, string path, int samples, CancellationToken ct)
    {
        async Task Get()
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            }
        }
        for (var i = 0; i < 5; i++) await Get();
        return await Report.TimeAsync(Enumerable.Range(0, samples).Select(_ => (Func<Task>)Get));
    }
}
