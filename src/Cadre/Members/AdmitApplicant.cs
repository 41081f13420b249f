using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// The primary organization admits an applicant: they become a candidate, or wait for ratification when the statutes require it.
public static class AdmitApplicant
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var rules = await MembershipRules.LoadAsync(db, ct);
        return await MembershipAccess.StepAsync(db, actor, memberId,
            m => m.Admit(request.For(db, m.OrganizationId), rules, db.Today), ct);
    }
}
