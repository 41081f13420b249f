using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Supporters;

/// Supporters belong to an organization and are read and kept within a subtree: outside the reading scope a supporter
/// does not exist (404); readable but not one's own to keep is forbidden (403).
internal static class SupporterAccess
{
    public static async Task<Error?> CheckOrganizationAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return new SupporterOrganizationNotFound();
        if (await actor.CanAsync(db, Permission.SupportersManage, organizationId, ct)) return null;
        return await actor.CanAsync(db, Permission.SupportersRead, organizationId, ct) ? new SupportersNotPermitted() : new SupporterOrganizationNotFound();
    }

    /// The supporter with their consents, when the actor keeps them.
    public static async Task<Result<Supporter>> LoadToKeepAsync(CadreDbContext db, Actor actor, int supporterId, CancellationToken ct)
    {
        var supporter = await db.Supporters.Include(s => s.Consents).SingleOrDefaultAsync(s => s.Id == supporterId, ct);
        if (supporter is null) return new SupporterNotFound();
        if (await actor.CanAsync(db, Permission.SupportersManage, supporter.OrganizationId, ct)) return supporter;
        return await actor.CanAsync(db, Permission.SupportersRead, supporter.OrganizationId, ct) ? new SupportersNotPermitted() : new SupporterNotFound();
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
