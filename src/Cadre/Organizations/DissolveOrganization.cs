using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

/// Dissolves an organization. Refused while it has members, unless the request transfers them to another
/// organization of the same level in the same step; refused while organizations below it are active.
public static class DissolveOrganization
{
    public sealed record Request(DateOnly? EffectiveOn = null, int? TransferMembersToId = null);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int id, Request request, CancellationToken ct)
    {
        var found = await OrganizationAccess.FindAsync(db, actor, id, Permission.OrganizationsManage, ct);
        if (!found.IsSuccess) return found.Error;
        var organization = found.Value;
        var on = OrganizationTree.EffectiveDate(db, request.EffectiveOn);
        if (!on.IsSuccess) return on.Error;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (request.TransferMembersToId is { } targetId)
        {
            var target = await OrganizationAccess.FindAsync(db, actor, targetId, Permission.MembersManage, ct);
            if (!target.IsSuccess || targetId == id || target.Value.LevelId != organization.LevelId || !target.Value.IsActive)
                return new TransferTargetInvalid();
            var transferred = await MemberTransfers.MoveAllAsync(db, id, target.Value, ct);
            if (!transferred.IsSuccess) return transferred;
            // Saved here so the count below, a database query, sees the members gone.
            await db.SaveChangesAsync(ct);
        }

        var members = await db.Members.CountAsync(m => m.OrganizationId == id && MembershipStateMachine.Current.Contains(m.Status), ct);
        var children = await db.Organizations.CountAsync(o => o.ParentId == id && o.Status == OrganizationStatus.Active, ct);
        var dissolved = organization.Dissolve(on.Value, members, children);
        if (!dissolved.IsSuccess) return dissolved;
        var recorded = await OrganizationTree.RecordVersionAsync(db, organization, on.Value, ct);
        if (!recorded.IsSuccess) return recorded;
        await EndTermsAsync(db, id, on.Value, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Done.Value;
    }

    /// An organization that ends leaves no one in office.
    internal static async Task EndTermsAsync(CadreDbContext db, int organizationId, DateOnly on, CancellationToken ct)
    {
        var open = await db.Terms.Where(t => t.OrganizationId == organizationId && (t.EndsOn == null || t.EndsOn > on)).ToListAsync(ct);
        foreach (var term in open) term.End(on < term.StartsOn ? term.StartsOn : on);
    }
}
