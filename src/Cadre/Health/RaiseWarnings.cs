using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Health;

/// Run by the compute job after the indicators: every enabled rule against the month's stored values. An organization
/// that crosses gets a warning unless one of the rule's is still unresolved there (then its figure is brought up to date).
/// A warning is never closed by the job: a person resolves it, with a note.
public static class RaiseWarnings
{
    public static async Task<int> HandleAsync(CadreDbContext db, DateOnly month, CancellationToken ct)
    {
        var raised = 0;
        var rules = await db.WarningRules.Where(r => r.Enabled).OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var rule in rules)
        {
            if (IndicatorCatalogue.Find(rule.Indicator) is not { } definition) continue;
            var observed = await ObserveAsync(db, rule, definition, month, ct);
            var open = await db.HealthWarnings.Where(w => w.RuleId == rule.Id && w.Status != WarningStatus.Resolved)
                .ToDictionaryAsync(w => w.OrganizationId, ct);
            foreach (var (organizationId, value) in observed.Where(o => rule.Crosses(o.Value)))
            {
                if (open.TryGetValue(organizationId, out var warning)) warning.Observe(value, month);
                else
                {
                    db.HealthWarnings.Add(HealthWarning.Raise(rule, organizationId, month, db.Today, value));
                    raised++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return raised;
    }

    /// The figure the rule compares, for every organization that has one.
    public static async Task<Dictionary<int, decimal>> ObserveAsync(CadreDbContext db, WarningRule rule, IndicatorDefinition definition, DateOnly month,
        CancellationToken ct)
    {
        var from = definition.Kind == IndicatorKind.Flow ? month.AddMonths(1 - rule.WindowMonths) : month;
        var own = rule.OwnOnly;
        var sums = await db.IndicatorValues.Where(v => v.Indicator == rule.Indicator && v.Month >= from && v.Month <= month)
            .GroupBy(v => v.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Value = g.Sum(v => own ? v.OwnValue : v.Value), Base = g.Sum(v => own ? v.OwnBase : v.Base) })
            .ToListAsync(ct);
        var result = new Dictionary<int, decimal>();
        switch (rule.Measure)
        {
            case WarningMeasure.Share:
                foreach (var s in sums.Where(s => s.Base > 0)) result[s.OrganizationId] = (decimal)s.Value / s.Base;
                break;
            case WarningMeasure.Count:
                // Below a count: an organization with no row has none, and that is what the rule looks for.
                // Only where the indicator applies (Population: a branch that must hold general meetings, not the centre).
                if (rule.Comparison == WarningComparison.Below)
                {
                    var population = definition.Population?.Invoke(db, month.AddMonths(1 - rule.WindowMonths))
                        ?? db.Organizations.Where(o => o.Status == OrganizationStatus.Active).Select(o => o.Id);
                    if (!own) population = db.OrganizationPaths.Where(p => population.Contains(p.DescendantId)).Select(p => p.AncestorId).Distinct();
                    var applies = (await population.ToListAsync(ct)).ToHashSet();
                    foreach (var id in applies) result[id] = 0;
                    foreach (var s in sums.Where(s => applies.Contains(s.OrganizationId))) result[s.OrganizationId] = s.Value;
                }
                else foreach (var s in sums) result[s.OrganizationId] = s.Value;
                break;
            default:
                var members = await db.IndicatorValues.Where(v => v.Indicator == "members" && v.Month == month)
                    .Select(v => new { v.OrganizationId, Members = own ? v.OwnValue : v.Value }).ToDictionaryAsync(v => v.OrganizationId, v => v.Members, ct);
                foreach (var (id, count) in members.Where(m => m.Value > 0))
                    result[id] = (decimal)sums.Where(s => s.OrganizationId == id).Sum(s => s.Value) / count;
                break;
        }
        return result;
    }
}
