using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Congresses.Motions;

/// The presidium sets the deadlines for motions and amendments and the supporters a delegate's motion needs.
public static class SetMotionRules
{
    public sealed record Request(DateTime? MotionsDueAt, DateTime? AmendmentsDueAt, int MotionSupporters = 0);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int congressId, Request request, CancellationToken ct)
    {
        var congress = await CongressAccess.ManageAsync(db, actor, congressId, ct);
        if (!congress.IsSuccess) return congress.Error;
        var set = congress.Value.SetMotionRules(Utc(request.MotionsDueAt), Utc(request.AmendmentsDueAt), request.MotionSupporters);
        return set.IsSuccess ? await CongressAccess.SaveAsync(db, ct) : set.Error;
    }

    private static DateTime? Utc(DateTime? at) => at is { } t ? (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
