using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

/// Merges one organization into another of the same level: its members and the organizations below it move
/// to the one that remains, and it is kept in the history as merged.
public static class MergeOrganizations
{
    public sealed record Request(int TargetId, DateOnly? EffectiveOn = null);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int id, Request request, CancellationToken ct)
    {
        var found = await OrganizationAccess.FindAsync(db, actor, id, Permission.OrganizationsManage, ct);
        if (!found.IsSuccess) return found.Error;
        var absorbed = found.Value;
        var target = await OrganizationAccess.FindAsync(db, actor, request.TargetId, Permission.OrganizationsManage, ct);
        if (!target.IsSuccess)
            return target.Error is OrganizationNotFound ? new InvalidField("TargetId", "There is no such organization to merge into.") : target.Error;
        var survivor = target.Value;
        if (survivor.Id == absorbed.Id) return new CannotMergeWithItself();
        if (survivor.LevelId != absorbed.LevelId) return new MergeNeedsSameLevel();
        if (await OrganizationTree.IsUnderAsync(db, survivor.Id, absorbed.Id, ct)) return new CannotMergeIntoDescendant();
        var on = OrganizationTree.EffectiveDate(db, request.EffectiveOn);
        if (!on.IsSuccess) return on.Error;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var children = await db.Organizations.Include(o => o.Level)
            .Where(o => o.ParentId == absorbed.Id && o.Status == OrganizationStatus.Active).ToListAsync(ct);
        foreach (var child in children)
        {
            var moved = child.MoveUnder(survivor, survivor.Level, isUnderThis: false);
            if (!moved.IsSuccess) return moved;
            var recordedChild = await OrganizationTree.RecordVersionAsync(db, child, on.Value, ct);
            if (!recordedChild.IsSuccess) return recordedChild;
            await db.SaveChangesAsync(ct);
            await OrganizationTree.MoveAsync(db, child.Id, survivor.Id, ct);
        }

        var transferred = await Members.MemberTransfers.MoveAllAsync(db, absorbed.Id, survivor, ct);
        if (!transferred.IsSuccess) return transferred;
        var merged = absorbed.MergeInto(survivor, on.Value);
        if (!merged.IsSuccess) return merged;
        var recorded = await OrganizationTree.RecordVersionAsync(db, absorbed, on.Value, ct);
        if (!recorded.IsSuccess) return recorded;
        await DissolveOrganization.EndTermsAsync(db, absorbed.Id, on.Value, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Done.Value;
    }
}
