using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Courses;

namespace Cadre.Members;

/// At the end of the probation the primary organization confirms the candidate as a full member. When the education
/// settings say so, the courses required of candidates must be completed first (RequiredCoursesIncomplete).
public static class ConfirmMembership
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var found = await MembershipAccess.FindAsync(db, actor, memberId, ct);
        if (!found.IsSuccess) return found.Error;
        if (await RequiredCourses.BlockingAsync(db, found.Value, ct) is { } blocked) return blocked;
        var done = found.Value.Confirm(request.For(db, found.Value.OrganizationId), db.Today);
        if (!done.IsSuccess) return done;
        return await MembershipAccess.SaveAsync(db, ct);
    }
}
