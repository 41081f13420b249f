using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Health;

/// The organization takes the warning on: it is being dealt with (a note may say how).
public static class AcknowledgeWarning
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int warningId, WarningNote request, CancellationToken ct)
    {
        var found = await WarningAccess.FindAsync(db, actor, warningId, ct);
        if (!found.IsSuccess) return found.Error;
        var done = found.Value.Acknowledge(actor.Name, db.Now, request.Note);
        return done.IsSuccess ? await WarningAccess.SaveAsync(db, ct) : done;
    }
}
