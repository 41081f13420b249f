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
        // The row is created race-free (two first registrations at once would otherwise both insert it);
        // ON CONFLICT DO NOTHING reads the same on SQLite and PostgreSQL.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Counters" ("Name", "Value") VALUES ({CounterName}, 0) ON CONFLICT ("Name") DO NOTHING""", ct);
        await db.Counters.Where(c => c.Name == CounterName)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + count), ct);
        var last = await db.Counters.AsNoTracking().Where(c => c.Name == CounterName).Select(c => c.Value).SingleAsync(ct);
        return last - count + 1;
    }

    /// Makes sure the counter is at least sequence, so numbers taken from an imported file are never handed out again.
    public static async Task RaiseToAsync(CadreDbContext db, long sequence, CancellationToken ct)
    {
        if (sequence <= 0) return;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Counters" ("Name", "Value") VALUES ({CounterName}, 0) ON CONFLICT ("Name") DO NOTHING""", ct);
        await db.Counters.Where(c => c.Name == CounterName && c.Value < sequence).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, sequence), ct);
    }
}
