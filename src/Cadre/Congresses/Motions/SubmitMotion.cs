using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Motions;

/// A delegate, or an organization through its secretary, submits a motion before the deadline; it is numbered at the congress.
public static class SubmitMotion
{
    public sealed record Request
    {
        public string Title { get; init; } = "";

        public string Text { get; init; } = "";

        public string? Reason { get; init; }

        /// Submitted on behalf of this organization (the congress's or one below it); none: by the actor as a delegate.
        public int? OrganizationId { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int congressId, Request request, CancellationToken ct)
    {
        var congress = await MotionAccess.CongressAsync(db, actor, congressId, ct);
        if (!congress.IsSuccess) return congress.Error;
        var submitter = await MotionAccess.SubmitterAsync(db, actor, congress.Value, request.OrganizationId, ct);
        if (!submitter.IsSuccess) return submitter.Error;
        if (congress.Value.MotionsDueAt is { } due && db.Now > due) return new SubmissionDeadlinePassed(due);
        var number = (await db.Motions.Where(m => m.CongressId == congressId).MaxAsync(m => (int?)m.Number, ct) ?? 0) + 1;
        var (organization, delegateId, name) = submitter.Value;
        var motion = Motion.Submit(congressId, congress.Value.OrganizationId, number, request.Title, request.Text, request.Reason, organization, delegateId,
            name, db.Now);
        if (!motion.IsSuccess) return motion.Error;
        db.Motions.Add(motion.Value);
        var saved = await MotionAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? motion.Value.Id : saved.Error;
    }
}
