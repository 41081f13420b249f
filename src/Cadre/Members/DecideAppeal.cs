using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// The higher body decides an appeal: upheld leaves the sanction, overturned restores the member's earlier status.
/// Only a secretary of the organization the appeal went to (or above it) decides; to another branch's secretary
/// the appeal does not exist.
public static class DecideAppeal
{
    public sealed record Request : DecisionRequest
    {
        public bool Overturned { get; init; }
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int sanctionId, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var sanction = await db.Sanctions.Include(s => s.Member).SingleOrDefaultAsync(s => s.Id == sanctionId, ct);
        if (sanction is null) return new SanctionNotFound();
        var appealBody = sanction.AppealToId;
        var decides = appealBody is { } bodyId && await actor.CanAsync(db, Permission.MembersManage, bodyId, ct);
        if (!decides)
        {
            var sees = await actor.CanAsync(db, Permission.MembersRead, sanction.Member.OrganizationId, ct);
            if (!sees) return new SanctionNotFound();
            return appealBody is null ? new NoPendingAppeal() : new AppealNotYours();
        }

        var on = request.On ?? db.Today;
        var decided = sanction.Decide(request.Overturned, on, db.Today);
        if (!decided.IsSuccess) return decided;
        var decision = new Decision(on, appealBody, request.Reference, request.Reason, request.Note);
        var member = sanction.Member;
        if (request.Overturned)
        {
            var restored = member.Overturn(sanction, decision, db.Today);
            if (!restored.IsSuccess) return restored;
        }
        else
        {
            var recorded = member.Record(MembershipEventKind.AppealUpheld, decision, db.Today);
            if (!recorded.IsSuccess) return recorded.Error;
        }
        return await MembershipAccess.SaveAsync(db, ct);
    }
}
