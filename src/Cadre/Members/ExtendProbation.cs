using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// Extends a candidate's probation, once; by the statutes' probation length unless the decision says otherwise.
public static class ExtendProbation
{
    public sealed record Request : DecisionRequest
    {
        public int? Months { get; init; }
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var rules = await MembershipRules.LoadAsync(db, ct);
        return await MembershipAccess.StepAsync(db, actor, memberId,
            m => m.ExtendProbation(request.For(db, m.OrganizationId), request.Months ?? rules.ProbationMonths, db.Today), ct);
    }
}
