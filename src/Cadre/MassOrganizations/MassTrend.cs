using System.Globalization;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.MassOrganizations;

/// One month of a membership trend, summed over a subtree of bodies. Each body counts with its latest report up to the
/// month's end (decision 0067): Reported bodies reported within the month, Carried ones count with an earlier report.
/// Women and Youth sum the bodies whose latest report counted them (null when none did).
public sealed record TrendPoint(string Month, int Members, int? Women, int? Youth, int Reported, int Carried);

public sealed record Trend(int MassOrganizationId, int? BodyId, string Scope, int Bodies, IReadOnlyList<TrendPoint> Months);

public static class MassTrend
{
    public const int DefaultMonths = 24;
    public const int MaxMonths = 120;

    /// "2025-03" as the first day of that month; null when it is not one.
    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// The membership of the mass organization (or of one body and everything below it) month by month, from..to inclusive
    /// (first days of months); the 24 months up to this one by default.
    public static async Task<Result<Trend>> RunAsync(CadreDbContext db, Actor actor, int massOrganizationId, int? bodyId, DateOnly? from, DateOnly? to,
        CancellationToken ct)
    {
        if (!await MassOrganizationAccess.ReadsAsync(db, actor, massOrganizationId, ct)) return new MassOrganizationNotFound();
        var thisMonth = new DateOnly(db.Today.Year, db.Today.Month, 1);
        var last = to is { } t ? new DateOnly(t.Year, t.Month, 1) : thisMonth;
        var first = from is { } f ? new DateOnly(f.Year, f.Month, 1) : last.AddMonths(-(DefaultMonths - 1));
        var count = ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;
        if (count is < 1 or > MaxMonths) return new InvalidTrendRange();

        var bodies = await db.MassBodies.AsNoTracking().Where(b => b.MassOrganizationId == massOrganizationId)
            .Select(b => new { b.Id, b.ParentId, b.Name }).ToListAsync(ct);
        string scopeName;
        HashSet<int> subtree;
        if (bodyId is { } root)
        {
            var top = bodies.SingleOrDefault(b => b.Id == root);
            if (top is null) return new MassBodyNotFound();
            var children = bodies.ToLookup(b => b.ParentId);
            subtree = [];
            var queue = new Queue<int>([root]);
            while (queue.Count > 0 && subtree.Add(queue.Peek()))
                foreach (var child in children[queue.Dequeue()]) queue.Enqueue(child.Id);
            scopeName = top.Name;
        }
        else
        {
            subtree = bodies.Select(b => b.Id).ToHashSet();
            scopeName = await db.MassOrganizations.Where(m => m.Id == massOrganizationId).Select(m => m.Name).SingleAsync(ct);
        }

        var end = last.AddMonths(1);
        var ids = subtree.ToList();
        var reports = (await db.MassReports.AsNoTracking().Where(r => ids.Contains(r.BodyId) && r.On < end)
                .Select(r => new { r.BodyId, r.On, r.Members, r.Women, r.Youth }).ToListAsync(ct))
            .GroupBy(r => r.BodyId).Select(g => g.OrderBy(r => r.On).ToList()).ToList();
        var months = new List<TrendPoint>(count);
        for (var month = first; month < end; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            int members = 0, reported = 0, carried = 0;
            int? women = null, youth = null;
            foreach (var series in reports)
            {
                var latest = series.LastOrDefault(r => r.On < next);
                if (latest is null) continue;
                members += latest.Members;
                if (latest.Women is { } w) women = (women ?? 0) + w;
                if (latest.Youth is { } y) youth = (youth ?? 0) + y;
                if (latest.On >= month) reported++;
                else carried++;
            }
            months.Add(new TrendPoint(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), members, women, youth, reported, carried));
        }
        return new Trend(massOrganizationId, bodyId, scopeName, subtree.Count, months);
    }
}
