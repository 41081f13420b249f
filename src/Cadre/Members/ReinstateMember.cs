using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// Ends a suspension, at its date or earlier by decision.
public static class ReinstateMember
{
    public static Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct) =>
        Validation.Check(request) is { } invalid ? Task.FromResult<Result<Done>>(invalid)
            : MembershipAccess.StepAsync(db, actor, memberId, m => m.Reinstate(request.For(db, m.OrganizationId), db.Today), ct);
}
