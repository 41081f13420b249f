using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

/// Member search: by name prefix, number and email (and phone), as the administrator and as a district secretary
/// (scoped), each beside a trivial indexed point query through the same context in the same run. Samples come from the
/// stored members, so every search finds someone. Each search is MemberQueries.ListAsync, first page of 50: the code
/// behind /members and GET /api/v1/members.
internal static class SearchBench
{
    public static async Task<List<Figure>> RunAsync(DbContextOptions<CadreDbContext> options, int samples, CancellationToken ct)
    {
        await using var db = new CadreDbContext(options);
        var count = await db.Members.CountAsync(ct);
        var random = new Random(7);
        var ids = Enumerable.Range(0, samples).Select(_ => random.Next(1, count + 1)).ToList();
        var people = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Number, m.Person.FamilyName, m.Person.GivenName, m.Person.Email, m.Person.Phone }).ToListAsync(ct);
        var district = await db.Organizations.Where(o => o.Level.Rank == 2).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var admin = Actor.System("bench");
        var secretary = new Actor("bench-secretary", "secretary", [(Role.Secretary, district)]);

        var baseline = await Report.TimeAsync(people.Select(_ => (Func<Task>)(() => db.Levels.AsNoTracking().Where(l => l.Rank == 0).Select(l => l.Name).FirstAsync(ct))));
        var baselineP99 = Report.Percentile(baseline, 99);
        static string Prefix(string name) => name[..Math.Min(3, name.Length)];
        var kinds = new List<(string Kind, List<double> Ms)>
        {
            ("name prefix (3 letters), administrator", await SearchAsync(db, admin, people.Select(p => Prefix(p.FamilyName)), ct)),
            ("full name (given family), administrator", await SearchAsync(db, admin, people.Select(p => p.GivenName + " " + p.FamilyName), ct)),
            ("member number, administrator", await SearchAsync(db, admin, people.Select(p => p.Number), ct)),
            ("email, administrator", await SearchAsync(db, admin, people.Where(p => p.Email != null).Select(p => p.Email!), ct)),
            ("phone, administrator", await SearchAsync(db, admin, people.Where(p => p.Phone != null).Select(p => p.Phone!), ct)),
            ("name prefix (3 letters), district secretary", await SearchAsync(db, secretary, people.Select(p => Prefix(p.FamilyName)), ct)),
        };
        return kinds.Select(k =>
        {
            var p50 = Report.Percentile(k.Ms, 50);
            var p99 = Report.Percentile(k.Ms, 99);
            return new Figure($"Search: {k.Kind}", $"p50 {Report.Ms(p50)}, p99 {Report.Ms(p99)}", $"indexed row p99 {Report.Ms(baselineP99)}",
                p99 / baselineP99, "p99 < 50 ms", p99 < 50)
            {
                Numbers = new() { ["p50Ms"] = p50, ["p99Ms"] = p99, ["baselineP99Ms"] = baselineP99 },
            };
        }).ToList();
    }

    private static Task<List<double>> SearchAsync(CadreDbContext db, Actor actor, IEnumerable<string> terms, CancellationToken ct) =>
        Report.TimeAsync(terms.Select(term => (Func<Task>)(async () =>
        {
            var page = await MemberQueries.ListAsync(db, actor, new MemberFilter { Search = term, Take = 50 }, ct);
            if (!page.IsSuccess) throw new InvalidOperationException(page.Error.Message);
        })));
}
