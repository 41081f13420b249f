using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// Hands out member numbers from a counter row. The UPDATE locks the row until the transaction ends,
/// so concurrent registrations on several web instances never get the same number.
public static class MemberNumbers
{
    private const string CounterName = "member-number";

    /// Reserves count numbers and returns the first sequence value; call inside a transaction.
    public static async Task<long> ReserveAsync(CadreDbContext db, int count, CancellationToken ct)
    {
        var updated = await db.Counters.Where(c => c.Name == CounterName)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + count), ct);
        if (updated == 0)
        {
            db.Counters.Add(new Counter { Name = CounterName, Value = count });
            await db.SaveChangesAsync(ct);
        }
        var last = await db.Counters.AsNoTracking().Where(c => c.Name == CounterName).Select(c => c.Value).SingleAsync(ct);
        return last - count + 1;
    }
}
