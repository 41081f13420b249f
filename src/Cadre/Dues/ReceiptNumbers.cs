using System.Globalization;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Dues;

/// Receipt numbers come from their own database sequence, so two treasurers recording at once never print the same one.
public static class ReceiptNumbers
{
    private const string CounterName = "dues-receipt";

    /// Reserves count numbers and returns the first; call inside a transaction.
    public static Task<long> ReserveAsync(CadreDbContext db, int count, CancellationToken ct) =>
        Counters.ReserveAsync(db, CounterName, count, ct);

    /// Makes sure the counter is at least sequence, after receipts numbered in bulk (the synthetic party).
    public static Task RaiseToAsync(CadreDbContext db, long sequence, CancellationToken ct) =>
        Counters.RaiseToAsync(db, CounterName, sequence, ct);

    public static string Format(long sequence) => "R" + sequence.ToString("D8", CultureInfo.InvariantCulture);
}
