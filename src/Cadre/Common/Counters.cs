using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Common;

/// Number sequences kept in the database (member numbers, receipt numbers). The UPDATE locks the counter's row until
/// the transaction ends, so concurrent writers on several web instances never get the same number (decision 0007).
public static class Counters
{
    /// Reserves count numbers of the named sequence and returns the first; call inside a transaction.
    public static async Task<long> ReserveAsync(CadreDbContext db, string name, int count, CancellationToken ct)
    {
        await EnsureAsync(db, name, ct);
        await db.Counters.Where(c => c.Name == name).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + count), ct);
        var last = await db.Counters.AsNoTracking().Where(c => c.Name == name).Select(c => c.Value).SingleAsync(ct);
        return last - count + 1;
    }

    /// Makes sure the sequence has reached at least value, so numbers taken from elsewhere are never handed out again.
    public static async Task RaiseToAsync(CadreDbContext db, string name, long value, CancellationToken ct)
    {
        if (value <= 0) return;
        await EnsureAsync(db, name, ct);
        await db.Counters.Where(c => c.Name == name && c.Value < value).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, value), ct);
    }

    // The row is created race-free (two first writers at once would otherwise both insert it);
    // ON CONFLICT DO NOTHING reads the same on SQLite and PostgreSQL.
    private static Task<int> EnsureAsync(CadreDbContext db, string name, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Counters" ("Name", "Value") VALUES ({name}, 0) ON CONFLICT ("Name") DO NOTHING""", ct);
}
