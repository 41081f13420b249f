using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Health;

/// Someone who answers for the organization has seen the warning (an open warning only; later states are not undone).
public static class SeeWarning
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int warningId, CancellationToken ct)
    {
        var found = await WarningAccess.FindAsync(db, actor, warningId, ct);
        if (!found.IsSuccess) return found.Error;
        var seen = found.Value.See(actor.Name, db.Now);
        return seen.IsSuccess ? await WarningAccess.SaveAsync(db, ct) : seen;
    }
}
