using System.Globalization;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

/// Hands out receipt numbers from a counter row, as member numbers are (decision 0007): the UPDATE locks the row
/// until the transaction ends, so two treasurers recording at once never print the same receipt number.
public static class ReceiptNumbers
{
    private const string CounterName = "dues-receipt";

    /// Reserves count numbers and returns the first; call inside a transaction.
    public static async Task<long> ReserveAsync(CadreDbContext db, int count, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Counters" ("Name", "Value") VALUES ({CounterName}, 0) ON CONFLICT ("Name") DO NOTHING""", ct);
        await db.Counters.Where(c => c.Name == CounterName)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + count), ct);
        var last = await db.Counters.AsNoTracking().Where(c => c.Name == CounterName).Select(c => c.Value).SingleAsync(ct);
        return last - count + 1;
    }

    public static string Format(long sequence) => "R" + sequence.ToString("D8", CultureInfo.InvariantCulture);
}
