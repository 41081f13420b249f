using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses;

/// Registration desk: a delegate with a confirmed mandate checks in (or leaves the hall, or an alternate takes an absent delegate's seat).
public static class CheckInDelegate
{
    public enum Action
    {
        CheckIn = 1,
        CheckOut = 2,
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int congressId, int delegateId, Action action, CancellationToken ct)
    {
        var congress = await CongressAccess.ManageAsync(db, actor, congressId, ct);
        if (!congress.IsSuccess) return congress.Error;
        var found = await db.CongressDelegates.SingleOrDefaultAsync(d => d.Id == delegateId && d.CongressId == congressId, ct);
        if (found is null) return new DelegateNotFound();
        var done = action switch
        {
            Action.CheckIn => found.CheckIn(db.Now),
            Action.CheckOut => found.CheckOut(),
            _ => new InvalidField("Action", "Check in or check out."),
        };
        if (!done.IsSuccess) return done.Error;
        return await CongressAccess.SaveAsync(db, ct);
    }

    public static async Task<Result<Done>> TakeSeatAsync(CadreDbContext db, Actor actor, int congressId, int alternateId, int absentId, CancellationToken ct)
    {
        var congress = await CongressAccess.ManageAsync(db, actor, congressId, ct);
        if (!congress.IsSuccess) return congress.Error;
        var alternate = await db.CongressDelegates.SingleOrDefaultAsync(d => d.Id == alternateId && d.CongressId == congressId, ct);
        var absent = await db.CongressDelegates.SingleOrDefaultAsync(d => d.Id == absentId && d.CongressId == congressId, ct);
        if (alternate is null || absent is null) return new DelegateNotFound();
        if (await db.CongressDelegates.AnyAsync(d => d.CongressId == congressId && d.ReplacesId == absentId, ct)) return new CannotReplace();
        var done = alternate.TakeSeatOf(absent);
        if (!done.IsSuccess) return done.Error;
        return await CongressAccess.SaveAsync(db, ct);
    }
}
