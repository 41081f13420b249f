using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Health;

/// The administrator adds a warning rule or changes one (its threshold, window, scope), or turns it off.
public static class ChangeWarningRule
{
    public sealed record Request
    {
        public string Name { get; init; } = "";

        public string Indicator { get; init; } = "";

        public WarningMeasure Measure { get; init; }

        public WarningComparison Comparison { get; init; }

        public decimal Threshold { get; init; }

        public int WindowMonths { get; init; } = 1;

        public bool OwnOnly { get; init; }

        public bool Enabled { get; init; } = true;
    }

    /// Changes the rule ruleId, or adds a new one when ruleId is null; returns the rule's id.
    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int? ruleId, Request request, CancellationToken ct)
    {
        if (!actor.IsAdministrator && !actor.Has(Permission.HealthRulesManage)) return new HealthNotPermitted();
        WarningRule rule;
        if (ruleId is { } id)
        {
            var found = await db.WarningRules.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (found is null) return new WarningRuleNotFound();
            var changed = found.Change(request.Name, request.Indicator, request.Measure, request.Comparison, request.Threshold, request.WindowMonths,
                request.OwnOnly, request.Enabled);
            if (!changed.IsSuccess) return changed.Error;
            rule = found;
        }
        else
        {
            var created = WarningRule.Create(request.Name, request.Indicator, request.Measure, request.Comparison, request.Threshold, request.WindowMonths,
                request.OwnOnly, request.Enabled);
            if (!created.IsSuccess) return created.Error;
            rule = created.Value;
            db.WarningRules.Add(rule);
        }
        var saved = await WarningAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? rule.Id : saved.Error;
    }
}
