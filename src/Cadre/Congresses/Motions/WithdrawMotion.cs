using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Congresses.Motions;

/// The mover (the delegate, or the organization's secretary) or the presidium withdraws a motion before the congress votes on it.
public static class WithdrawMotion
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int motionId, CancellationToken ct)
    {
        var motion = await MotionAccess.ReadAsync(db, actor, motionId, ct, tracked: true);
        if (!motion.IsSuccess) return motion.Error;
        var m = motion.Value;
        if (!await actor.CanAsync(db, Permission.MotionsManage, m.OrganizationId, ct)
            && !await MotionAccess.IsSubmitterAsync(db, actor, m.CongressId, m.SubmittedByOrganizationId, m.SubmittedByDelegateId, ct))
            return new MotionsNotPermitted();
        var done = m.Withdraw();
        return done.IsSuccess ? await MotionAccess.SaveAsync(db, ct) : done.Error;
    }
}
