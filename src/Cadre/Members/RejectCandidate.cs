using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// The candidate is not confirmed: the probation ends without full membership.
public static class RejectCandidate
{
    public static Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct) =>
        Validation.Check(request) is { } invalid ? Task.FromResult<Result<Done>>(invalid)
            : MembershipAccess.StepAsync(db, actor, memberId, m => m.RejectCandidate(request.For(db, m.OrganizationId), db.Today), ct);
}
