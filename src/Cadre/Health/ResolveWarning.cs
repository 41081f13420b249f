using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Health;

/// The warning is dealt with; the note says what was done. If the rule still holds at the next run, a new warning is raised.
public static class ResolveWarning
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int warningId, WarningNote request, CancellationToken ct)
    {
        var found = await WarningAccess.FindAsync(db, actor, warningId, ct);
        if (!found.IsSuccess) return found.Error;
        var done = found.Value.Resolve(actor.Name, db.Now, request.Note);
        return done.IsSuccess ? await WarningAccess.SaveAsync(db, ct) : done;
    }
}
