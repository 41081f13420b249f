using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

/// Moves an organization, with its whole subtree, under another organization of a higher level.
public static class MoveOrganization
{
    public sealed record Request(int NewParentId, DateOnly? EffectiveOn = null);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int id, Request request, CancellationToken ct)
    {
        var found = await OrganizationAccess.FindAsync(db, actor, id, Permission.OrganizationsManage, ct);
        if (!found.IsSuccess) return found.Error;
        var organization = found.Value;
        // Moving out of one's own subtree needs the right to manage the receiving organization as well.
        var target = await OrganizationAccess.FindAsync(db, actor, request.NewParentId, Permission.OrganizationsManage, ct);
        if (!target.IsSuccess)
            return target.Error is OrganizationNotFound ? new InvalidField("NewParentId", "There is no such organization to move it under.") : target.Error;
        var on = OrganizationTree.EffectiveDate(db, request.EffectiveOn);
        if (!on.IsSuccess) return on.Error;

        var isUnderThis = await OrganizationTree.IsUnderAsync(db, request.NewParentId, id, ct);
        var moved = organization.MoveUnder(target.Value, target.Value.Level, isUnderThis);
        if (!moved.IsSuccess) return moved.Error is InvalidField f && f.Field == "ParentId" ? f with { FieldName = "NewParentId" } : moved.Error;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var recorded = await OrganizationTree.RecordVersionAsync(db, organization, on.Value, ct);
        if (!recorded.IsSuccess) return recorded;
        await db.SaveChangesAsync(ct);
        await OrganizationTree.MoveAsync(db, id, request.NewParentId, ct);
        await transaction.CommitAsync(ct);
        return Done.Value;
    }
}
