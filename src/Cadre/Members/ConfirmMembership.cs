using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// At the end of the probation the primary organization confirms the candidate as a full member.
public static class ConfirmMembership
{
    public static Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct) =>
        Validation.Check(request) is { } invalid ? Task.FromResult<Result<Done>>(invalid)
            : MembershipAccess.StepAsync(db, actor, memberId, m => m.Confirm(request.For(db, m.OrganizationId), db.Today), ct);
}
