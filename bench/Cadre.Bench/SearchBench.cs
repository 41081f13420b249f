using System.Diagnostics;
using System.Globalization;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

/// Member search on the imported register (issue 3, section 4): by name prefix, number, email and phone, as the
/// administrator and as a district secretary (scoped), each beside a trivial indexed point query through the same
/// context in the same run. Samples come from the stored members, so every search finds someone.
internal static class SearchBench
{
    private const int Samples = 200;

    public static async Task RunAsync(DbContextOptions<CadreDbContext> options, CancellationToken ct)
    {
        await using var db = new CadreDbContext(options);
        var count = await db.Members.CountAsync(ct);
        var random = new Random(7);
        var ids = Enumerable.Range(0, Samples).Select(_ => random.Next(1, count + 1)).ToList();
        var people = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Number, m.Person.FamilyName, m.Person.GivenName, m.Person.Email, m.Person.Phone }).ToListAsync(ct);
        var district = await db.Organizations.Where(o => o.Level.Rank == 2).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var admin = Actor.System("bench");
        var secretary = new Actor("bench-secretary", "secretary", [(Role.Secretary, district)]);

        var baseline = await TimeAsync(people.Select(_ => (Func<Task>)(() => db.Levels.AsNoTracking().Where(l => l.Rank == 0).Select(l => l.Name).FirstAsync(ct))));
        var rows = new List<(string Kind, List<double> Ms)>
        {
            ("name prefix (3 letters), administrator", await SearchAsync(db, admin, people.Select(p => p.FamilyName[..Math.Min(3, p.FamilyName.Length)]), ct)),
            ("full family name + given, administrator", await SearchAsync(db, admin, people.Select(p => p.GivenName + " " + p.FamilyName), ct)),
            ("member number, administrator", await SearchAsync(db, admin, people.Select(p => p.Number), ct)),
            ("email, administrator", await SearchAsync(db, admin, people.Where(p => p.Email != null).Select(p => p.Email!), ct)),
            ("phone, administrator", await SearchAsync(db, admin, people.Where(p => p.Phone != null).Select(p => p.Phone!), ct)),
            ("name prefix (3 letters), district secretary", await SearchAsync(db, secretary, people.Select(p => p.FamilyName[..Math.Min(3, p.FamilyName.Length)]), ct)),
        };

        Console.WriteLine();
        Console.WriteLine($"Member search over {count:N0} members, {Samples} searches each (first page of 50):");
        Console.WriteLine("| Search | p50 | p99 | p99 / baseline p99 |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| baseline: one indexed row through EF | {P(baseline, 50):N2} ms | {P(baseline, 99):N2} ms | 1 |"));
        foreach (var (kind, ms) in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {P(ms, 50):N2} ms | {P(ms, 99):N2} ms | {P(ms, 99) / P(baseline, 99):N1} |"));
    }

    private static Task<List<double>> SearchAsync(CadreDbContext db, Actor actor, IEnumerable<string> terms, CancellationToken ct) =>
        TimeAsync(terms.Select(term => (Func<Task>)(async () =>
        {
            var page = await MemberQueries.ListAsync(db, actor, new MemberFilter { Search = term, Take = 50 }, ct);
            if (!page.IsSuccess) throw new InvalidOperationException(page.Error.Message);
        })));

    private static async Task<List<double>> TimeAsync(IEnumerable<Func<Task>> work)
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

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
