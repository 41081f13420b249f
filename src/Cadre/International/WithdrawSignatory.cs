using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// A signatory withdraws, on a date on or after it signed; it stays in the list as withdrawn.
public static class WithdrawSignatory
{
    public sealed record Request(int PartyId, DateOnly On, string? Note);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int declarationId, Request request, CancellationToken ct)
    {
        var declaration = await DeclarationAccess.KeepAsync(db, actor, declarationId, ct);
        if (!declaration.IsSuccess) return declaration.Error;
        var withdrawn = declaration.Value.Withdraw(request.PartyId, request.On, request.Note, db.Today);
        if (!withdrawn.IsSuccess) return withdrawn;
        return await InternationalAccess.SaveAsync(db, ct);
    }
}
