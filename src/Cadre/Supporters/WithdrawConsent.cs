using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Supporters;

/// The supporter withdraws a consent: its date is recorded, the consent itself is kept (proof of what was allowed when).
public static class WithdrawConsent
{
    public sealed record Request(DateOnly? On = null);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int supporterId, int consentId, Request request, CancellationToken ct)
    {
        var loaded = await SupporterAccess.LoadToKeepAsync(db, actor, supporterId, ct);
        if (!loaded.IsSuccess) return loaded.Error;
        var withdrawn = loaded.Value.WithdrawConsent(consentId, request.On ?? db.Today, db.Today);
        if (!withdrawn.IsSuccess) return withdrawn;
        return await SupporterAccess.SaveAsync(db, ct);
    }
}
