using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses.Polls;
using Cadre.Data;

namespace Cadre.Congresses.Motions;

/// A delegate seconds another's motion (or takes their support back) until voting on it begins.
public static class SupportMotion
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int motionId, bool support, CancellationToken ct)
    {
        var motion = await MotionAccess.ReadAsync(db, actor, motionId, ct, tracked: true);
        if (!motion.IsSuccess) return motion.Error;
        if (!actor.Has(Permission.CongressVote) || await PollAccess.DelegateOfAsync(db, actor, motion.Value.CongressId, ct) is not { } delegateRow)
            return new NotADelegate();
        var done = support ? motion.Value.Support(delegateRow.Id) : motion.Value.WithdrawSupport(delegateRow.Id);
        if (!done.IsSuccess) return done.Error;
        var saved = await MotionAccess.SaveAsync(db, ct);
        // Two requests of one delegate racing: the key keeps one support, the other is told it is there already.
        return saved.IsSuccess || !support ? saved : new AlreadySupporting();
    }
}
