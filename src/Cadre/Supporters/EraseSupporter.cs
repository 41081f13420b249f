using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Supporters;

/// Erasure on request (GDPR article 17): the supporter's personal data is removed and every live consent ends today.
/// The audit trail keeps who erased whom and when; the erased values are not repeated in it.
public static class EraseSupporter
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int supporterId, CancellationToken ct)
    {
        var loaded = await SupporterAccess.LoadToKeepAsync(db, actor, supporterId, ct);
        if (!loaded.IsSuccess) return loaded.Error;
        var erased = loaded.Value.Erase(db.Today);
        if (!erased.IsSuccess) return erased;
        return await SupporterAccess.SaveAsync(db, ct);
    }
}
