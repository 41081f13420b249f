using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

public sealed record LedgerMonth(DateOnly Month, decimal Due, decimal Paid, DuesBasis Basis, string? Note)
{
    public decimal Outstanding => Due - Paid;

    public bool IsSettled => Paid >= Due;
}

public sealed record MemberLedger(int MemberId, string Number, string GivenName, string FamilyName, int OrganizationId, DateOnly JoinedOn,
    MemberStatus Status, DateOnly FirstOwedMonth, IReadOnlyList<LedgerMonth> Months)
{
    public decimal Outstanding => Months.Sum(m => m.Outstanding);

    public LedgerMonth? MonthOf(DateOnly month) => Months.FirstOrDefault(m => m.Month == month);
}

/// Obligations are computed from the rules when asked, never stored (decision 0010): a change of rules, income or
/// exemption shows at once, and there is nothing to keep in step. Money is summed in memory, as SQLite has no decimal arithmetic.
public static class DuesLedger
{
    /// The ledgers of the members the query selects, for the months from..to (each member from their first owed month).
    public static async Task<List<MemberLedger>> LoadAsync(CadreDbContext db, DuesRules rules, IQueryable<Member> members,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await members.AsNoTracking()
            .Select(m => new
            {
                m.Id, m.Number, m.Person.GivenName, m.Person.FamilyName, m.OrganizationId, m.JoinedOn, m.Status, m.Person.OccupationId,
            })
            .ToListAsync(ct);
        var ids = members.Select(m => m.Id);
        var incomes = (await db.DeclaredIncomes.AsNoTracking().Where(i => ids.Contains(i.MemberId)).ToListAsync(ct)).ToLookup(i => i.MemberId);
        var exemptions = (await db.DuesExemptions.AsNoTracking().Where(e => ids.Contains(e.MemberId)).ToListAsync(ct)).ToLookup(e => e.MemberId);
        var paid = (await db.DuesPayments.AsNoTracking().Where(p => ids.Contains(p.MemberId))
                .SelectMany(p => p.Allocations.Where(a => a.Month >= from && a.Month <= to), (p, a) => new { p.MemberId, a.Month, a.Amount })
                .ToListAsync(ct))
            .GroupBy(a => (a.MemberId, a.Month))
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Amount));

        var firstPaid = paid.Keys.GroupBy(k => k.MemberId).ToDictionary(g => g.Key, g => g.Min(k => k.Month));

        return rows.OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id).Select(r =>
        {
            var facts = new MemberDuesFacts(r.Id, r.OrganizationId, r.JoinedOn, r.Status, r.OccupationId, incomes[r.Id].ToList(), exemptions[r.Id].ToList());
            var months = new List<LedgerMonth>();
            // Only the months the member owed dues for, and any paid for before that (rules can move the start later).
            var firstOwed = rules.FirstOwedMonth(r.JoinedOn);
            var earliestPaid = firstPaid.TryGetValue(r.Id, out var paidFrom) ? paidFrom : firstOwed;
            var start = Months.Of(from) > Min(firstOwed, earliestPaid) ? Months.Of(from) : Min(firstOwed, earliestPaid);
            foreach (var month in Months.Range(start, to))
            {
                var obligation = rules.For(facts, month);
                var paidFor = paid.GetValueOrDefault((r.Id, month));
                if (obligation is null && paidFor == 0) continue;
                months.Add(new LedgerMonth(month, obligation?.Amount ?? 0, paidFor, obligation?.Basis ?? DuesBasis.Exempt, obligation?.Note));
            }
            return new MemberLedger(r.Id, r.Number, r.GivenName, r.FamilyName, r.OrganizationId, r.JoinedOn, r.Status,
                rules.FirstOwedMonth(r.JoinedOn), months);
        }).ToList();
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// The members whose dues the actor keeps (or reads) in the organization's subtree; null when the organization is not theirs.
    public static async Task<IQueryable<Member>?> MembersUnderAsync(CadreDbContext db, Cadre.Accounts.Actor actor,
        Cadre.Accounts.Permission permission, int organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct) || !await actor.CanAsync(db, permission, organizationId, ct))
            return null;
        var subtree = db.OrganizationPaths.Where(p => p.AncestorId == organizationId).Select(p => p.DescendantId);
        return db.Members.Where(m => subtree.Contains(m.OrganizationId));
    }
}
