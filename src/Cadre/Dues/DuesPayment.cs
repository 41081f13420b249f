using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Dues;

public enum PaymentMethod
{
    Cash = 1,
    BankTransfer = 2,
}

/// Money a treasurer received from a member, split over the months it pays for. Never edited: a mistake is
/// corrected by a new entry, so receipts handed out stay true.
public sealed class DuesPayment : IAudited
{
    public const int ReferenceMaxLength = 100;

    private readonly List<PaymentAllocation> allocations = [];

    private DuesPayment()
    {
    }

    public int Id { get; private set; }

    public string ReceiptNumber { get; private set; } = "";

    public int MemberId { get; private set; }

    /// The member's organization when the money was received: the organization that collected it.
    public int OrganizationId { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public PaymentMethod Method { get; private set; }

    /// The bank transfer's reference, or the treasurer's own note for cash.
    public string? Reference { get; private set; }

    public decimal Amount { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public IReadOnlyList<PaymentAllocation> Allocations => allocations;

    int? IAudited.AuditOrganizationId => OrganizationId;

    /// Checks what the payment itself can check; what is still owed is checked by the use case against the ledger.
    public static Result<DuesPayment> Record(string receiptNumber, int memberId, int organizationId, DateOnly firstOwedMonth,
        DateOnly paidOn, PaymentMethod method, string? reference, IReadOnlyList<(DateOnly Month, decimal Amount)> lines,
        string recordedBy, DateOnly today, string fieldPrefix = "")
    {
        if (lines.Count == 0) return new InvalidField(fieldPrefix + "Months", "Say which month or months the payment is for.");
        if (!Enum.IsDefined(method)) return new InvalidField(fieldPrefix + "Method", "The method is cash or bank transfer.");
        if (paidOn > today) return new PaidInFuture(fieldPrefix + "PaidOn");
        if (reference?.Trim().Length > ReferenceMaxLength)
            return new InvalidField(fieldPrefix + "Reference", $"The reference is at most {ReferenceMaxLength} characters.");
        if (lines.Select(l => l.Month).Distinct().Count() != lines.Count) return new InvalidField(fieldPrefix + "Months", "A month is listed twice.");
        foreach (var (month, amount) in lines)
        {
            if (amount <= 0) return new AmountNotPositive(fieldPrefix + "Amount");
            if (decimal.Round(amount, 2) != amount) return new InvalidField(fieldPrefix + "Amount", "Amounts are in whole cents.");
            if (!Months.IsMonth(month)) return new NotAMonth(fieldPrefix + "Months");
            if (month < firstOwedMonth) return new MonthBeforeMembership(fieldPrefix + "Months", month);
            if (Months.Between(Months.Of(today), month) > 12) return new MonthTooFarAhead(fieldPrefix + "Months");
        }
        var payment = new DuesPayment
        {
            ReceiptNumber = receiptNumber,
            MemberId = memberId,
            OrganizationId = organizationId,
            PaidOn = paidOn,
            Method = method,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            Amount = lines.Sum(l => l.Amount),
            RecordedBy = recordedBy,
        };
        payment.allocations.AddRange(lines.OrderBy(l => l.Month).Select(l => new PaymentAllocation { Month = l.Month, Amount = l.Amount }));
        return payment;
    }
}

/// The part of a payment that pays for one month.
public sealed class PaymentAllocation
{
    public int Id { get; init; }

    public int PaymentId { get; init; }

    public DateOnly Month { get; init; }

    public decimal Amount { get; init; }
}
