using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.MassOrganizations;

/// Links a body with a party organization it works with, or ends the link; only within the keeper's own subtree.
public static class LinkMassBody
{
    public sealed record Request(int OrganizationId);

    public static async Task<Result<int>> LinkAsync(CadreDbContext db, Actor actor, int bodyId, Request request, CancellationToken ct)
    {
        var kept = await MassOrganizationAccess.KeptBodyAsync(db, actor, bodyId, ct);
        if (!kept.IsSuccess) return kept.Error;
        if (!await db.Organizations.AnyAsync(o => o.Id == request.OrganizationId, ct)
            || !await actor.CanAsync(db, Permission.MassOrganizationsManage, request.OrganizationId, ct)) return new LinkOutsideSubtree();
        if (await db.MassBodyLinks.AnyAsync(l => l.BodyId == bodyId && l.OrganizationId == request.OrganizationId, ct)) return new AlreadyLinked();
        var link = new MassBodyLink(bodyId, request.OrganizationId);
        db.MassBodyLinks.Add(link);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link made a moment earlier by another request: the unique index refused the second.
            return new AlreadyLinked();
        }
        return link.Id;
    }

    public static async Task<Result<Done>> UnlinkAsync(CadreDbContext db, Actor actor, int bodyId, int organizationId, CancellationToken ct)
    {
        var kept = await MassOrganizationAccess.KeptBodyAsync(db, actor, bodyId, ct);
        if (!kept.IsSuccess) return kept.Error;
        var link = await db.MassBodyLinks.SingleOrDefaultAsync(l => l.BodyId == bodyId && l.OrganizationId == organizationId, ct);
        if (link is null || !await actor.CanAsync(db, Permission.MassOrganizationsManage, organizationId, ct)) return new NotLinked();
        db.MassBodyLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
