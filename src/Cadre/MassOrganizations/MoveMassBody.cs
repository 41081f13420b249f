using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.MassOrganizations;

/// Puts a body under another body of the same mass organization (a local branch passing to another region), or at the top.
public static class MoveMassBody
{
    public sealed record Request(int? ParentId);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int bodyId, Request request, CancellationToken ct)
    {
        var kept = await MassOrganizationAccess.KeptBodyAsync(db, actor, bodyId, ct);
        if (!kept.IsSuccess) return kept.Error;
        var (body, owner) = kept.Value;
        MassBody? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.MassBodies.SingleOrDefaultAsync(b => b.Id == parentId && b.MassOrganizationId == owner.Id, ct);
            if (parent is null) return new MassParentNotFound();
        }
        // The tree is small (a union's bodies), so the cycle check walks it in memory.
        var parentOf = await db.MassBodies.AsNoTracking().Where(b => b.MassOrganizationId == owner.Id).ToDictionaryAsync(b => b.Id, b => b.ParentId, ct);
        var moved = body.MoveUnder(parent, parentOf);
        if (!moved.IsSuccess) return moved.Error;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
