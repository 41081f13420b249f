using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Congresses.Motions;

/// The motions committee recommends adopting an amendment, rejecting it, adopting it in its own wording, or makes no recommendation.
public static class RecommendOnAmendment
{
    public sealed record Request(Recommendation Recommendation, string? ModifiedText = null, string? Note = null);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int motionId, int number, Request request, CancellationToken ct)
    {
        var motion = await MotionAccess.ManageAsync(db, actor, motionId, ct);
        if (!motion.IsSuccess) return motion.Error;
        var done = motion.Value.Recommend(number, request.Recommendation, request.ModifiedText, request.Note);
        return done.IsSuccess ? await MotionAccess.SaveAsync(db, ct) : done.Error;
    }
}
