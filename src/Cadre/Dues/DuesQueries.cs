using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

public sealed record PaymentRow(int Id, string ReceiptNumber, DateOnly PaidOn, PaymentMethod Method, string? Reference, decimal Amount,
    IReadOnlyList<DateOnly> Months, string RecordedBy);

public sealed record MemberDues(int MemberId, string Number, string GivenName, string FamilyName, int OrganizationId, string CurrencyCode,
    DateOnly FirstOwedMonth, decimal Balance, IReadOnlyList<LedgerMonth> Months, IReadOnlyList<PaymentRow> Payments,
    IReadOnlyList<DeclaredIncomeRow> Incomes, IReadOnlyList<ExemptionRow> Exemptions);

public sealed record DeclaredIncomeRow(DateOnly FromMonth, decimal MonthlyIncome, DateOnly DeclaredOn);

public sealed record ExemptionRow(int Id, string Reason, DateOnly FromMonth, DateOnly? ToMonth);

public sealed record SheetRow(int MemberId, string Number, string GivenName, string FamilyName, decimal Due, decimal Paid, decimal Outstanding,
    DuesBasis Basis, decimal EarlierArrears);

public sealed record BranchSheet(int OrganizationId, string OrganizationCode, string OrganizationName, DateOnly Month, string CurrencyCode,
    IReadOnlyList<SheetRow> Rows);

public sealed record ArrearsRow(int MemberId, string Number, string GivenName, string FamilyName, int OrganizationId, string OrganizationName,
    int MonthsBehind, int MonthsInARow, decimal Outstanding, bool ProposedForLapse);

public sealed record ArrearsReport(int OrganizationId, string OrganizationName, string CurrencyCode, DateOnly ThroughMonth, int MinMonths,
    int LapseAfterMonths, bool AutomaticLapse, IReadOnlyList<ArrearsRow> Rows);

public static class DuesQueries
{
    /// A member's dues as the treasurer (or the member) sees them: the months from..to, every payment and the whole balance to date.
    public static async Task<Result<MemberDues>> MemberAsync(CadreDbContext db, Actor actor, int memberId, CancellationToken ct)
    {
        var member = await DuesAccess.FindMemberAsync(db, actor, memberId, Permission.DuesRead, ct);
        if (member is null) return new DuesMemberNotFound();
        return await LoadAsync(db, memberId, ct);
    }

    /// The signed-in member's own dues (Permission.OwnProfile): no scope, only their own membership.
    public static async Task<Result<MemberDues>> OwnAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.PersonId is not { } personId) return new NotYourProfile();
        var memberId = await db.Members.Where(m => m.PersonId == personId).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
        if (memberId is null) return new NotYourProfile();
        return await LoadAsync(db, memberId.Value, ct);
    }

    private static async Task<MemberDues> LoadAsync(CadreDbContext db, int memberId, CancellationToken ct)
    {
        var rules = await DuesRules.LoadAsync(db, ct);
        var current = Months.Of(db.Today);
        var ledger = (await DuesLedger.LoadAsync(db, rules, db.Members.Where(m => m.Id == memberId), DateOnly.MinValue, current.AddMonths(12), ct)).Single();
        // Months ahead appear only when they are paid for already.
        var months = ledger.Months.Where(m => m.Month <= current || m.Paid > 0).OrderByDescending(m => m.Month).ToList();
        var payments = await db.DuesPayments.AsNoTracking().Where(p => p.MemberId == memberId).OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.Id)
            .Select(p => new PaymentRow(p.Id, p.ReceiptNumber, p.PaidOn, p.Method, p.Reference, p.Amount,
                p.Allocations.OrderBy(a => a.Month).Select(a => a.Month).ToList(), p.RecordedBy))
            .ToListAsync(ct);
        var incomes = await db.DeclaredIncomes.AsNoTracking().Where(i => i.MemberId == memberId).OrderByDescending(i => i.FromMonth)
            .Select(i => new DeclaredIncomeRow(i.FromMonth, i.MonthlyIncome, i.DeclaredOn)).ToListAsync(ct);
        var exemptions = await db.DuesExemptions.AsNoTracking().Where(e => e.MemberId == memberId).OrderByDescending(e => e.FromMonth)
            .Select(e => new ExemptionRow(e.Id, e.Reason, e.FromMonth, e.ToMonth)).ToListAsync(ct);
        return new MemberDues(ledger.MemberId, ledger.Number, ledger.GivenName, ledger.FamilyName, ledger.OrganizationId, rules.Settings.CurrencyCode,
            ledger.FirstOwedMonth, months.Sum(m => m.Outstanding), months, payments, incomes, exemptions);
    }

    /// One month of a primary organization: every member who owes dues, with the amount due prefilled for the collection.
    public static async Task<Result<BranchSheet>> BranchSheetAsync(CadreDbContext db, Actor actor, int organizationId, DateOnly month, CancellationToken ct)
    {
        if (!Months.IsMonth(month)) return new NotAMonth("Month");
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !await actor.CanAsync(db, Permission.DuesRead, organizationId, ct)) return new DuesOrganizationNotFound();
        var rules = await DuesRules.LoadAsync(db, ct);
        var ledgers = await DuesLedger.LoadAsync(db, rules, db.Members.Where(m => m.OrganizationId == organizationId), DateOnly.MinValue, month, ct);
        var rows = ledgers.Where(l => DuesStanding.OwesDues(l.Status) && l.FirstOwedMonth <= month).Select(l =>
        {
            var m = l.MonthOf(month);
            return new SheetRow(l.MemberId, l.Number, l.GivenName, l.FamilyName, m?.Due ?? 0, m?.Paid ?? 0, m?.Outstanding ?? 0,
                m?.Basis ?? DuesBasis.NoIncomeDeclared, l.Months.Where(x => x.Month < month).Sum(x => x.Outstanding));
        }).ToList();
        return new BranchSheet(organization.Id, organization.Code, organization.Name, month, rules.Settings.CurrencyCode, rows);
    }

    /// Members of the subtree behind by at least minMonths unpaid months (through last month), and who is proposed for lapse:
    /// those with LapseAfterMonths unpaid months in a row. The branch decides; Cadre only lists them.
    public static async Task<Result<ArrearsReport>> ArrearsAsync(CadreDbContext db, Actor actor, int organizationId, int minMonths, CancellationToken ct)
    {
        if (minMonths is < 1 or > 1200) return new InvalidField("Months", "Give a number of months from 1.");
        var members = await DuesLedger.MembersUnderAsync(db, actor, Permission.DuesRead, organizationId, ct);
        if (members is null) return new DuesOrganizationNotFound();
        var organizationName = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(ct);
        var rules = await DuesRules.LoadAsync(db, ct);
        var through = Months.Of(db.Today).AddMonths(-1);
        var ledgers = await DuesLedger.LoadAsync(db, rules, members, DateOnly.MinValue, through, ct);
        var names = await db.Organizations.AsNoTracking()
            .Where(o => db.OrganizationPaths.Any(p => p.AncestorId == organizationId && p.DescendantId == o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = new List<ArrearsRow>();
        foreach (var ledger in ledgers.Where(l => DuesStanding.OwesDues(l.Status)))
        {
            var unpaid = ledger.Months.Where(m => m.Outstanding > 0).ToList();
            if (unpaid.Count < minMonths) continue;
            var inARow = MonthsInARow(ledger.Months);
            rows.Add(new ArrearsRow(ledger.MemberId, ledger.Number, ledger.GivenName, ledger.FamilyName, ledger.OrganizationId,
                names.GetValueOrDefault(ledger.OrganizationId, ""), unpaid.Count, inARow, unpaid.Sum(m => m.Outstanding),
                inARow >= rules.Settings.LapseAfterMonths));
        }
        return new ArrearsReport(organizationId, organizationName, rules.Settings.CurrencyCode, through, minMonths, rules.Settings.LapseAfterMonths,
            rules.Settings.AutomaticLapse, rows.OrderBy(r => r.OrganizationName).ThenByDescending(r => r.MonthsBehind).ThenBy(r => r.FamilyName).ToList());
    }

    /// Unpaid months in a row up to the last one; months that owe nothing (exempt) neither count nor break the run.
    public static int MonthsInARow(IEnumerable<LedgerMonth> months)
    {
        var count = 0;
        foreach (var month in months.OrderByDescending(m => m.Month))
        {
            if (month.Due == 0 && month.Paid == 0) continue;
            if (month.Outstanding <= 0) break;
            count++;
        }
        return count;
    }
}
