using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

/// A treasurer records one month of payments for a whole primary organization at once (the monthly collection).
/// All or nothing: one bad line refuses the batch, naming the line, and nothing is stored.
public static class RecordBranchPayments
{
    public sealed record Line(int MemberId, decimal? Amount, string? Reference);

    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public DateOnly Month { get; init; }

        public DateOnly? PaidOn { get; init; }

        public PaymentMethod Method { get; init; } = PaymentMethod.Cash;

        /// One line per member; a line without an amount is a member who did not pay.
        public IReadOnlyList<Line> Lines { get; init; } = [];
    }

    public sealed record Recorded(IReadOnlyList<RecordPayment.Recorded> Payments, decimal Total);

    public static async Task<Result<Recorded>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == request.OrganizationId, ct)
            || !await actor.CanAsync(db, Permission.DuesManage, request.OrganizationId, ct))
            return new DuesOrganizationNotFound();
        if (!Months.IsMonth(request.Month)) return new NotAMonth("Month");
        var paying = request.Lines.Select((line, index) => (line, index)).Where(l => l.line.Amount is not null).ToList();
        if (paying.Count == 0) return new InvalidField("Lines", "Enter at least one amount.");
        if (paying.Select(p => p.line.MemberId).Distinct().Count() != paying.Count) return new InvalidField("Lines", "A member is listed twice.");

        var ids = paying.Select(p => p.line.MemberId).ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        // As in RecordPayment: what is owed is read after the counter row is locked.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var first = await ReceiptNumbers.ReserveAsync(db, paying.Count, ct);
        var rules = await DuesRules.LoadAsync(db, ct);
        var ledgers = await RecordPayment.LedgersForAsync(db, rules, ids, [request.Month], ct);
        var payments = new List<DuesPayment>();
        var errors = new List<InvalidField>();
        for (var i = 0; i < paying.Count; i++)
        {
            var (line, index) = paying[i];
            var prefix = $"Lines[{index}].";
            // A member of another organization is named like one who does not exist: the form can be forged.
            if (!members.TryGetValue(line.MemberId, out var member) || member.OrganizationId != request.OrganizationId)
            {
                errors.Add(new MemberNotInOrganization(prefix + "MemberId"));
                continue;
            }
            var payment = RecordPayment.Build(rules, ledgers.GetValueOrDefault(member.Id), member, ReceiptNumbers.Format(first + i),
                request.PaidOn ?? db.Today, request.Method, line.Reference, [(request.Month, line.Amount!.Value)], actor.Name, db.Today, prefix);
            if (payment.IsSuccess) payments.Add(payment.Value);
            else if (payment.Error is InvalidField field) errors.Add(field);
            else if (payment.Error is ValidationFailed failed) errors.AddRange(failed.Errors);
        }
        if (errors.Count > 0) return new ValidationFailed(errors);
        db.DuesPayments.AddRange(payments);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Recorded(payments.Select(p => new RecordPayment.Recorded(p.Id, p.ReceiptNumber, p.Amount)).ToList(), payments.Sum(p => p.Amount));
    }
}
