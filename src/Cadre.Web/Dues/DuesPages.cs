using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Dues;

public sealed record DuesOrganization(int Id, string Code, string Name);

/// What the dues pages share: finding an organization by the code people type, within the user's scope.
internal static class DuesPages
{
    /// The organization with that code if the actor holds the permission there; null otherwise (the page answers 404).
    public static async Task<DuesOrganization?> FindAsync(CadreDbContext db, Actor actor, string? code, Permission permission, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var normalized = Organization.NormalizeCode(code);
        var found = await db.Organizations.AsNoTracking().Where(o => o.Code == normalized)
            .Select(o => new DuesOrganization(o.Id, o.Code, o.Name)).SingleOrDefaultAsync(ct);
        return found is not null && await actor.CanAsync(db, permission, found.Id, ct) ? found : null;
    }

    /// The code of the organization the user keeps dues for (the first of their roots), to prefill the forms.
    public static async Task<string?> HomeCodeAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        var roots = actor.RootsFor(Permission.DuesRead);
        if (roots.Count == 0) return null;
        return await db.Organizations.Where(o => o.Id == roots[0]).Select(o => o.Code).SingleOrDefaultAsync(ct);
    }

    public static string Money(decimal amount) => amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
}
