using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.MassOrganizations;

/// Who may see and keep a mass organization (decision 0066): it is kept within the subtree of the party organization it is
/// affiliated with; it is read there and wherever one of its bodies works with a party organization the reader reads.
/// Outside the reading scope it does not exist (404); readable but not one's own to keep is forbidden (403).
internal static class MassOrganizationAccess
{
    public static async Task<bool> ReadsAsync(CadreDbContext db, Actor actor, int massOrganizationId, CancellationToken ct)
    {
        var owner = await db.MassOrganizations.Where(m => m.Id == massOrganizationId).Select(m => (int?)m.OrganizationId).SingleOrDefaultAsync(ct);
        if (owner is null) return false;
        if (await actor.CanAsync(db, Permission.MassOrganizationsRead, owner.Value, ct)) return true;
        var scope = actor.Scope(db, Permission.MassOrganizationsRead);
        return scope is not null && await db.MassBodyLinks
            .AnyAsync(l => scope.Contains(l.OrganizationId) && db.MassBodies.Any(b => b.Id == l.BodyId && b.MassOrganizationId == massOrganizationId), ct);
    }

    /// The mass organizations the actor reads, as a query (all of them for an administrator).
    public static IQueryable<MassOrganization> Readable(CadreDbContext db, Actor actor)
    {
        var scope = actor.Scope(db, Permission.MassOrganizationsRead);
        if (scope is null) return db.MassOrganizations;
        return db.MassOrganizations.Where(m => scope.Contains(m.OrganizationId)
            || db.MassBodies.Any(b => b.MassOrganizationId == m.Id && db.MassBodyLinks.Any(l => l.BodyId == b.Id && scope.Contains(l.OrganizationId))));
    }

    /// Null when the actor keeps the mass organization; otherwise the error to answer (not found outside the reading scope).
    public static async Task<Error?> CheckKeepsAsync(CadreDbContext db, Actor actor, MassOrganization owner, Error notFound, CancellationToken ct)
    {
        if (await actor.CanAsync(db, Permission.MassOrganizationsManage, owner.OrganizationId, ct)) return null;
        return await ReadsAsync(db, actor, owner.Id, ct) ? new MassOrganizationsNotPermitted() : notFound;
    }

    /// The body and its mass organization when the actor keeps them, or the error to answer.
    public static async Task<Result<(MassBody Body, MassOrganization Owner)>> KeptBodyAsync(CadreDbContext db, Actor actor, int bodyId, CancellationToken ct)
    {
        var body = await db.MassBodies.SingleOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null) return new MassBodyNotFound();
        var owner = await db.MassOrganizations.SingleAsync(m => m.Id == body.MassOrganizationId, ct);
        if (await CheckKeepsAsync(db, actor, owner, new MassBodyNotFound(), ct) is { } refused) return refused;
        return (body, owner);
    }
}
