using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

/// A treasurer records money received from one member, for one or several months, in full or in part; it gets a receipt number.
public static class RecordPayment
{
    public sealed record Line(DateOnly Month, decimal Amount);

    public sealed record Request
    {
        public int MemberId { get; init; }

        public DateOnly? PaidOn { get; init; }

        public PaymentMethod Method { get; init; } = PaymentMethod.Cash;

        public string? Reference { get; init; }

        public IReadOnlyList<Line> Months { get; init; } = [];
    }

    public sealed record Recorded(int PaymentId, string ReceiptNumber, decimal Amount);

    public static async Task<Result<Recorded>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        var member = await DuesAccess.FindMemberAsync(db, actor, request.MemberId, Permission.DuesManage, ct);
        if (member is null) return new DuesMemberNotFound();
        var lines = request.Months.Select(l => (l.Month, l.Amount)).ToList();

        // The counter update locks its row until commit, so what is still owed is read after it: two treasurers paying
        // the same month at once are checked one after the other, and the second sees the first's payment.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var receipt = ReceiptNumbers.Format(await ReceiptNumbers.ReserveAsync(db, 1, ct));
        var rules = await DuesRules.LoadAsync(db, ct);
        var ledgers = await LedgersForAsync(db, rules, [member.Id], lines.Select(l => l.Month), ct);
        var payment = Build(rules, ledgers.GetValueOrDefault(member.Id), member, receipt, request.PaidOn ?? db.Today, request.Method,
            request.Reference, lines, actor.Name, db.Today, "");
        if (!payment.IsSuccess) return payment.Error;
        db.DuesPayments.Add(payment.Value);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Recorded(payment.Value.Id, receipt, payment.Value.Amount);
    }

    internal static async Task<Dictionary<int, MemberLedger>> LedgersForAsync(CadreDbContext db, DuesRules rules, IReadOnlyList<int> memberIds,
        IEnumerable<DateOnly> months, CancellationToken ct)
    {
        var valid = months.Where(Cadre.Dues.Months.IsMonth).ToList();
        if (valid.Count == 0) return [];
        var ledgers = await DuesLedger.LoadAsync(db, rules, db.Members.Where(m => memberIds.Contains(m.Id)), valid.Min(), valid.Max(), ct);
        return ledgers.ToDictionary(l => l.MemberId);
    }

    /// Checks a payment against the member and what they still owe, then builds it. The receipt number is reserved
    /// before the checks (see above); a refused payment rolls the counter back with its transaction.
    internal static Result<DuesPayment> Build(DuesRules rules, MemberLedger? ledger, Member member, string receipt, DateOnly paidOn,
        PaymentMethod method, string? reference, IReadOnlyList<(DateOnly Month, decimal Amount)> lines, string recordedBy, DateOnly today,
        string fieldPrefix)
    {
        if (!DuesStanding.OwesDues(member.Status)) return new NoDuesOwed(fieldPrefix + "MemberId");
        var payment = DuesPayment.Record(receipt, member.Id, member.OrganizationId, rules.FirstOwedMonth(member.JoinedOn), paidOn, method,
            reference, lines, recordedBy, today, fieldPrefix);
        if (!payment.IsSuccess) return payment.Error;
        foreach (var (month, amount) in lines)
        {
            var owed = ledger?.MonthOf(month);
            if (owed is { Basis: DuesBasis.NoIncomeDeclared }) return new IncomeNotDeclared(fieldPrefix + "Amount", month);
            var outstanding = owed?.Outstanding ?? 0;
            if (amount > outstanding) return new MonthOverpaid(fieldPrefix + "Amount", month, Math.Max(outstanding, 0));
        }
        return payment;
    }
}
