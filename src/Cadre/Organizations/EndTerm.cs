using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

public static class EndTerm
{
    public sealed record Request(DateOnly EndsOn);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int termId, Request request, CancellationToken ct)
    {
        var term = await db.Terms.SingleOrDefaultAsync(t => t.Id == termId, ct);
        if (term is null) return new TermNotFound();
        var found = await OrganizationAccess.FindAsync(db, actor, term.OrganizationId, Permission.OfficesManage, ct);
        if (!found.IsSuccess) return found.Error is OrganizationNotFound ? new TermNotFound() : found.Error;
        var ended = term.End(request.EndsOn);
        if (!ended.IsSuccess) return ended;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
