using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Motions;

/// A delegate or an organization proposes to replace, insert or delete lines of a motion, before the deadline for amendments
/// and before voting on the motion begins. Line numbers are those of the motion as submitted.
public static class ProposeAmendment
{
    public sealed record Request
    {
        public AmendmentKind Kind { get; init; } = AmendmentKind.Replace;

        /// Replace and delete: the first line; insert: the line after which the new lines go (0: at the start).
        public int FromLine { get; init; }

        /// Replace and delete: the last line (the first, if not given).
        public int? ToLine { get; init; }

        public string? Text { get; init; }

        public string? Reason { get; init; }

        public int? OrganizationId { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int motionId, Request request, CancellationToken ct)
    {
        var motion = await MotionAccess.ReadAsync(db, actor, motionId, ct, tracked: true);
        if (!motion.IsSuccess) return motion.Error;
        var congress = await db.Congresses.AsNoTracking().SingleAsync(c => c.Id == motion.Value.CongressId, ct);
        var submitter = await MotionAccess.SubmitterAsync(db, actor, congress, request.OrganizationId, ct);
        if (!submitter.IsSuccess) return submitter.Error;
        if (congress.AmendmentsDueAt is { } due && db.Now > due) return new SubmissionDeadlinePassed(due);
        var (organization, delegateId, name) = submitter.Value;
        var amendment = motion.Value.Amend(request.Kind, request.FromLine, request.ToLine, request.Text, request.Reason, organization, delegateId, name, db.Now);
        if (!amendment.IsSuccess) return amendment.Error;
        var saved = await MotionAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? amendment.Value.Number : saved.Error;
    }
}
