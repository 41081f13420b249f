using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Supporters;

/// Records a consent the supporter gave on paper, verbally or on a web form, for one purpose.
public static class RecordConsent
{
    public sealed record Request(ConsentPurpose Purpose, ConsentMethod How, DateOnly? On = null);

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int supporterId, Request request, CancellationToken ct)
    {
        var loaded = await SupporterAccess.LoadToKeepAsync(db, actor, supporterId, ct);
        if (!loaded.IsSuccess) return loaded.Error;
        var given = loaded.Value.GiveConsent(request.Purpose, request.On ?? db.Today, request.How, null, db.Today);
        if (!given.IsSuccess) return given.Error;
        var saved = await SupporterAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? given.Value.Id : saved.Error;
    }
}
