using Cadre.Data;

namespace Cadre.Accounts;

/// Who is acting, and where each of their permissions holds. Built once per request (web) or per run (CLI).
public sealed class Actor
{
    private readonly IReadOnlyList<(Role Role, int? OrganizationId)> grants;

    public Actor(string? userId, string name, IEnumerable<(Role Role, int? OrganizationId)> grants, int? personId = null)
    {
        UserId = userId;
        Name = name;
        PersonId = personId;
        this.grants = grants.ToList();
    }

    public string? UserId { get; }

    public string Name { get; }

    public int? PersonId { get; }

    public bool IsAdministrator => grants.Any(g => g.Role == Role.Administrator);

    public static Actor System(string name) => new(null, name, [(Role.Administrator, null)]);

    public static readonly Actor Anonymous = new(null, "anonymous", []);

    public IReadOnlyList<(Role Role, int? OrganizationId)> Grants => grants;

    public bool Has(Permission permission) => grants.Any(g => Permissions.Of(g.Role).Contains(permission));

    /// The organizations at whose subtree the permission holds; empty when it holds nowhere.
    public IReadOnlyList<int> RootsFor(Permission permission) =>
        grants.Where(g => g.OrganizationId is not null && Permissions.Of(g.Role).Contains(permission))
            .Select(g => g.OrganizationId!.Value)
            .Distinct()
            .ToList();

    /// The ids of every organization where the permission holds, as a subquery (one indexed join on the closure table).
    /// Null means everywhere (an administrator).
    public IQueryable<int>? Scope(CadreDbContext db, Permission permission)
    {
        if (IsAdministrator) return null;
        var roots = RootsFor(permission);
        return db.OrganizationPaths.Where(p => roots.Contains(p.AncestorId)).Select(p => p.DescendantId);
    }

    public async Task<bool> CanAsync(CadreDbContext db, Permission permission, int organizationId, CancellationToken ct)
    {
        if (IsAdministrator) return true;
        var roots = RootsFor(permission);
        if (roots.Count == 0) return false;
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.OrganizationPaths, p => p.DescendantId == organizationId && roots.Contains(p.AncestorId), ct);
    }
}
