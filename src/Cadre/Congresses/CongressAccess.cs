using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses;

/// Outside the actor's reading scope a congress does not exist (404); readable but not theirs to run, it is forbidden (403).
internal static class CongressAccess
{
    public static async Task<Result<Congress>> ReadAsync(CadreDbContext db, Actor actor, int congressId, CancellationToken ct, bool allocations = false)
    {
        IQueryable<Congress> congresses = db.Congresses;
        if (allocations) congresses = congresses.Include(c => c.Allocations);
        var congress = await congresses.SingleOrDefaultAsync(c => c.Id == congressId, ct);
        if (congress is null || !await actor.CanAsync(db, Permission.CongressesRead, congress.OrganizationId, ct)) return new CongressNotFound();
        return congress;
    }

    public static async Task<Result<Congress>> ManageAsync(CadreDbContext db, Actor actor, int congressId, CancellationToken ct, bool allocations = false)
    {
        var congress = await ReadAsync(db, actor, congressId, ct, allocations);
        if (!congress.IsSuccess) return congress;
        if (!await actor.CanAsync(db, Permission.CongressesManage, congress.Value.OrganizationId, ct)) return new CongressNotPermitted();
        return congress;
    }

    public static async Task<Result<Done>> SaveAsync(CadreDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Members.ConcurrentChange();
        }
        return Done.Value;
    }
}
