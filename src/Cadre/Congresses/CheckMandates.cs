using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses;

/// The mandate commission checks every delegate: a member in good standing (a full member or candidate, not suspended)
/// whose dues are paid through last month. Each check is recorded, with the reasons for a refusal; checking again
/// after a payment confirms the mandate.
public static class CheckMandates
{
    public sealed record Checked(int Confirmed, int Refused);

    public static async Task<Result<Checked>> HandleAsync(CadreDbContext db, Actor actor, int congressId, CancellationToken ct)
    {
        var congress = await CongressAccess.ManageAsync(db, actor, congressId, ct);
        if (!congress.IsSuccess) return congress.Error;
        var delegates = await db.CongressDelegates.Where(d => d.CongressId == congressId).ToListAsync(ct);
        var memberIds = delegates.Select(d => d.MemberId).ToList();
        var rules = await DuesRules.LoadAsync(db, ct);
        var through = Months.Of(db.Today).AddMonths(-1);
        var ledgers = (await DuesLedger.LoadAsync(db, rules, db.Members.Where(m => memberIds.Contains(m.Id)), DateOnly.MinValue, through, ct))
            .ToDictionary(l => l.MemberId);
        foreach (var d in delegates)
        {
            var problems = new List<string>();
            var ledger = ledgers[d.MemberId];
            if (ledger.Status is not (MemberStatus.Member or MemberStatus.Candidate))
                problems.Add($"Not a member in good standing ({ledger.Status.ToString().ToLowerInvariant()}).");
            var unpaid = ledger.Months.Where(m => m.Outstanding > 0).ToList();
            if (unpaid.Count > 0)
                problems.Add($"Dues unpaid for {unpaid.Count} month(s) through {through:yyyy-MM} ({unpaid.Sum(m => m.Outstanding):0.00} {rules.Settings.CurrencyCode}).");
            d.RecordMandateCheck(problems);
        }
        var saved = await CongressAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? new Checked(delegates.Count(d => d.Mandate == MandateStatus.Confirmed), delegates.Count(d => d.Mandate == MandateStatus.Refused))
            : saved.Error;
    }
}
