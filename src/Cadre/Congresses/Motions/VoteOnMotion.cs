using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses.Motions;

/// The presidium records the final vote on a motion once every amendment is decided or withdrawn. Adopted, the motion's text with
/// the adopted amendments merged in is kept as a new version.
public static class VoteOnMotion
{
    public static async Task<Result<bool>> HandleAsync(CadreDbContext db, Actor actor, int motionId, VoteRequest request, CancellationToken ct)
    {
        var motion = await MotionAccess.ManageAsync(db, actor, motionId, ct);
        if (!motion.IsSuccess) return motion.Error;
        var minimum = await db.Congresses.Where(c => c.Id == motion.Value.CongressId).Select(c => c.MotionSupporters).SingleAsync(ct);
        var check = motion.Value.CheckVote(minimum);
        if (!check.IsSuccess) return check.Error;
        var vote = await MotionAccess.DecideAsync(db, motion.Value.CongressId, request, ct);
        if (!vote.IsSuccess) return vote.Error;
        var recorded = motion.Value.RecordVote(minimum, vote.Value, db.Now);
        if (!recorded.IsSuccess) return recorded.Error;
        var saved = await MotionAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? vote.Value.Carried : saved.Error;
    }
}
