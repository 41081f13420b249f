using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// Member numbers come from their own database sequence; the number itself adds a check digit (Member.FormatNumber).
public static class MemberNumbers
{
    private const string CounterName = "member-number";

    /// Reserves count numbers and returns the first sequence value; call inside a transaction.
    public static Task<long> ReserveAsync(CadreDbContext db, int count, CancellationToken ct) =>
        Counters.ReserveAsync(db, CounterName, count, ct);

    /// Makes sure the counter is at least sequence, so numbers taken from an imported file are never handed out again.
    public static Task RaiseToAsync(CadreDbContext db, long sequence, CancellationToken ct) =>
        Counters.RaiseToAsync(db, CounterName, sequence, ct);
}
