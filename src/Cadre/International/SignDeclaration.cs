using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// Parties sign the declaration: on the day of adoption, or later as adherents. A party signs once.
public static class SignDeclaration
{
    public sealed record Request(IReadOnlyList<int> PartyIds, DateOnly SignedOn);

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int declarationId, Request request, CancellationToken ct)
    {
        var declaration = await DeclarationAccess.KeepAsync(db, actor, declarationId, ct);
        if (!declaration.IsSuccess) return declaration.Error;
        var ids = (request.PartyIds ?? []).ToList();
        if (ids.Count == 0) return new InvalidField("PartyIds", "Give the parties that signed.");
        if (ids.Count > 500) return new InvalidField("PartyIds", "At most 500 parties at a time.");
        if (ids.Distinct().Count() != ids.Count) return new InvalidField("PartyIds", "A party is named twice.");
        var known = await db.Parties.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (ids.Any(id => !known.Contains(id))) return new PartyFieldNotFound("PartyIds");
        foreach (var id in ids)
        {
            var signed = declaration.Value.Sign(id, request.SignedOn, db.Today);
            if (!signed.IsSuccess) return signed.Error;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent request signed for one of the parties a moment earlier.
            return new Members.ConcurrentChange();
        }
        return ids.Count;
    }
}
