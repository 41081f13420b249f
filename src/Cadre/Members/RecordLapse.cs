using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// The member is dropped from the rolls (for example for unpaid dues).
public static class RecordLapse
{
    public static Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct) =>
        Validation.Check(request) is { } invalid ? Task.FromResult<Result<Done>>(invalid)
            : MembershipAccess.StepAsync(db, actor, memberId, m => m.Lapse(request.For(db, m.OrganizationId), db.Today), ct);
}
