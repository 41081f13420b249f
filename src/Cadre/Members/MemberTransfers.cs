using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// Moves every current member of one organization to another, one tracked change each so every move is audited.
/// Used when an organization is dissolved or merged; the membership issue brings the request/accept transfer.
internal static class MemberTransfers
{
    public static async Task<Result<Done>> MoveAllAsync(CadreDbContext db, int fromOrganizationId, Organization to, CancellationToken ct)
    {
        var isPrimary = await OrganizationTree.IsPrimaryAsync(db, to, ct);
        var members = await db.Members.Include(m => m.Person)
            .Where(m => m.OrganizationId == fromOrganizationId && MembershipStateMachine.Current.Contains(m.Status)).ToListAsync(ct);
        foreach (var member in members)
        {
            var moved = member.MoveTo(to, isPrimary);
            if (!moved.IsSuccess) return moved;
        }
        return Done.Value;
    }
}
