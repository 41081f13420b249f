using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// Loads a declaration the actor keeps: not found outside their reading scope, forbidden when they only read it.
internal static class DeclarationAccess
{
    public static async Task<Result<Declaration>> KeepAsync(CadreDbContext db, Actor actor, int declarationId, CancellationToken ct)
    {
        var declaration = await db.Declarations.Include(d => d.Texts).Include(d => d.Signatories).AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == declarationId, ct);
        if (declaration is null) return new DeclarationNotFound();
        if (await InternationalAccess.CheckKeepsAsync(db, actor, declaration.OrganizationId, new DeclarationNotFound(), ct) is { } refused) return refused;
        return declaration;
    }
}
