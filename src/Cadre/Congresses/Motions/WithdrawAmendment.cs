using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Congresses.Motions;

/// The amendment's mover or the presidium withdraws it before it is voted on.
public static class WithdrawAmendment
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int motionId, int number, CancellationToken ct)
    {
        var motion = await MotionAccess.ReadAsync(db, actor, motionId, ct, tracked: true);
        if (!motion.IsSuccess) return motion.Error;
        var m = motion.Value;
        if (m.Amendments.FirstOrDefault(a => a.Number == number) is not { } amendment) return new AmendmentNotFound();
        if (!await actor.CanAsync(db, Permission.MotionsManage, m.OrganizationId, ct)
            && !await MotionAccess.IsSubmitterAsync(db, actor, m.CongressId, amendment.SubmittedByOrganizationId, amendment.SubmittedByDelegateId, ct))
            return new MotionsNotPermitted();
        var done = m.WithdrawAmendment(number);
        return done.IsSuccess ? await MotionAccess.SaveAsync(db, ct) : done.Error;
    }
}
