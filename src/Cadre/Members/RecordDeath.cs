using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// Records a member's death.
public static class RecordDeath
{
    public static Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct) =>
        Validation.Check(request) is { } invalid ? Task.FromResult<Result<Done>>(invalid)
            : MembershipAccess.StepAsync(db, actor, memberId, m => m.Die(request.For(db, m.OrganizationId), db.Today), ct);
}
