using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// The member appeals a disciplinary decision to a body above the one that decided; the member's secretary records it.
public static class LodgeAppeal
{
    public sealed record Request : DecisionRequest
    {
        public int AppealToId { get; init; }
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int sanctionId, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var sanction = await db.Sanctions.SingleOrDefaultAsync(s => s.Id == sanctionId, ct);
        if (sanction is null) return new SanctionNotFound();
        var found = await MembershipAccess.FindAsync(db, actor, sanction.MemberId, ct);
        if (!found.IsSuccess) return found.Error is MemberNotFound ? new SanctionNotFound() : found.Error;
        if (request.AppealToId == sanction.DecidedById || !await OrganizationTree.IsUnderAsync(db, sanction.DecidedById, request.AppealToId, ct))
            return new AppealBodyNotHigher();

        var on = request.On ?? db.Today;
        var lodged = sanction.LodgeAppeal(request.AppealToId, on, db.Today);
        if (!lodged.IsSuccess) return lodged;
        var recorded = found.Value.Record(MembershipEventKind.AppealLodged,
            new Decision(on, request.AppealToId, request.Reference, request.Reason, $"Against the {sanction.Kind} of {sanction.DecidedOn:yyyy-MM-dd}"), db.Today);
        if (!recorded.IsSuccess) return recorded.Error;
        return await MembershipAccess.SaveAsync(db, ct);
    }
}
