using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// A former member is admitted again, keeping their number and history, and starts a new probation.
public static class Readmit
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var rules = await MembershipRules.LoadAsync(db, ct);
        return await MembershipAccess.StepAsync(db, actor, memberId, m => m.Readmit(request.For(db, m.OrganizationId), rules, db.Today), ct);
    }
}
