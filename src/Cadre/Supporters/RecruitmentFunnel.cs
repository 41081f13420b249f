using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Supporters;

/// One month of recruitment in a subtree: new supporters, supporters who applied, applications, admissions to candidacy,
/// confirmations as full members.
public sealed record FunnelMonth(int Year, int Month, int Supporters, int Converted, int Applicants, int Candidates, int Members);

public sealed record FunnelView(int OrganizationId, string OrganizationCode, string OrganizationName, DateOnly From, DateOnly To,
    IReadOnlyList<FunnelMonth> Months, FunnelMonth Total);

/// The recruitment funnel of an organization's subtree over time (supporters → applicants → candidates → members), per month,
/// counted from the supporters' dates and the membership history's steps (Apply; Admit or Ratify to candidate; Confirm).
public static class RecruitmentFunnel
{
    public const int MaxMonths = 60;

    public static async Task<Result<FunnelView>> RunAsync(CadreDbContext db, Actor actor, int organizationId, DateOnly? until, int months, CancellationToken ct)
    {
        if (months is < 1 or > MaxMonths) return new InvalidField("months", $"Between 1 and {MaxMonths} months.");
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Code, o.Name }).SingleOrDefaultAsync(ct);
        if (organization is null || !await actor.CanAsync(db, Permission.SupportersRead, organizationId, ct)) return new SupporterScopeNotFound();

        var last = until ?? db.Today;
        var to = new DateOnly(last.Year, last.Month, 1).AddMonths(1);
        var from = to.AddMonths(-months);
        var subtree = db.OrganizationPaths.Where(p => p.AncestorId == organizationId).Select(p => p.DescendantId);

        var supporters = await Count(db.Supporters.Where(s => subtree.Contains(s.OrganizationId) && s.RegisteredOn >= from && s.RegisteredOn < to)
            .Select(s => s.RegisteredOn), ct);
        var converted = await Count(db.Supporters.Where(s => subtree.Contains(s.OrganizationId) && s.ConvertedOn >= from && s.ConvertedOn < to)
            .Select(s => s.ConvertedOn!.Value), ct);
        var events = db.MembershipEvents.Where(e => subtree.Contains(e.OrganizationId) && e.On >= from && e.On < to);
        var applicants = await Count(events.Where(e => e.Kind == MembershipEventKind.Apply).Select(e => e.On), ct);
        var candidates = await Count(events.Where(e => (e.Kind == MembershipEventKind.Admit || e.Kind == MembershipEventKind.Ratify)
            && e.StatusAfter == MemberStatus.Candidate).Select(e => e.On), ct);
        var members = await Count(events.Where(e => e.Kind == MembershipEventKind.Confirm).Select(e => e.On), ct);

        var rows = new List<FunnelMonth>();
        for (var month = from; month < to; month = month.AddMonths(1))
        {
            var key = (month.Year, month.Month);
            rows.Add(new FunnelMonth(month.Year, month.Month, supporters.GetValueOrDefault(key), converted.GetValueOrDefault(key),
                applicants.GetValueOrDefault(key), candidates.GetValueOrDefault(key), members.GetValueOrDefault(key)));
        }
        var total = new FunnelMonth(0, 0, rows.Sum(r => r.Supporters), rows.Sum(r => r.Converted), rows.Sum(r => r.Applicants),
            rows.Sum(r => r.Candidates), rows.Sum(r => r.Members));
        return new FunnelView(organization.Id, organization.Code, organization.Name, from, to.AddDays(-1), rows, total);
    }

    // Counted per month in the database, so a subtree of a million members sends back at most MaxMonths rows per step.
    private static async Task<Dictionary<(int Year, int Month), int>> Count(IQueryable<DateOnly> dates, CancellationToken ct) =>
        (await dates.GroupBy(d => new { d.Year, d.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => (g.Year, g.Month), g => g.Count);
}
