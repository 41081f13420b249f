using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// Who may do what in the international work (decision 0061): the registry of parties is one for the whole party and is kept
/// by the international department of the top organization; relations, exchanges, contacts, declarations and seminars belong
/// to an organization and are read and kept within a subtree. Outside the reading scope a thing does not exist (404).
internal static class InternationalAccess
{
    public static async Task<bool> KeepsRegistryAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.IsAdministrator) return true;
        var roots = actor.RootsFor(Permission.InternationalManage);
        return roots.Count > 0 && await db.Organizations.AnyAsync(o => roots.Contains(o.Id) && o.ParentId == null, ct);
    }

    public static async Task<Error?> CheckOrganizationAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return new InternationalOrganizationNotFound();
        if (await actor.CanAsync(db, Permission.InternationalManage, organizationId, ct)) return null;
        return await actor.CanAsync(db, Permission.InternationalRead, organizationId, ct) ? new InternationalNotPermitted() : new InternationalOrganizationNotFound();
    }

    /// Null when the thing of that organization may be kept by the actor; the error to answer otherwise (not found outside reading scope).
    public static async Task<Error?> CheckKeepsAsync(CadreDbContext db, Actor actor, int organizationId, Error notFound, CancellationToken ct)
    {
        if (await actor.CanAsync(db, Permission.InternationalManage, organizationId, ct)) return null;
        return await actor.CanAsync(db, Permission.InternationalRead, organizationId, ct) ? new InternationalNotPermitted() : notFound;
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
