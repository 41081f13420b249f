using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Motions;

/// The presidium records the congress's vote on an amendment (for, against, abstaining), decided by the majority rule of the polls.
/// An amendment overlapping one already adopted cannot be put to the vote (AmendmentsConflict); nothing is recorded then.
public static class VoteOnAmendment
{
    public static async Task<Result<bool>> HandleAsync(CadreDbContext db, Actor actor, int motionId, int number, VoteRequest request, CancellationToken ct)
    {
        var motion = await MotionAccess.ManageAsync(db, actor, motionId, ct);
        if (!motion.IsSuccess) return motion.Error;
        var minimum = await db.Congresses.Where(c => c.Id == motion.Value.CongressId).Select(c => c.MotionSupporters).SingleAsync(ct);
        var check = motion.Value.CheckAmendmentVote(number, minimum);
        if (!check.IsSuccess) return check.Error;
        var vote = await MotionAccess.DecideAsync(db, motion.Value.CongressId, request, ct);
        if (!vote.IsSuccess) return vote.Error;
        var recorded = motion.Value.RecordAmendmentVote(number, minimum, vote.Value, db.Now);
        if (!recorded.IsSuccess) return recorded.Error;
        var saved = await MotionAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? vote.Value.Carried : saved.Error;
    }
}
