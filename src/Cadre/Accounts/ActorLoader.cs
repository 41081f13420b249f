using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Accounts;

public sealed record UserRow(string Id, string Email, int? PersonId, DateTimeOffset? LockoutEnd, IReadOnlyList<GrantRow> Grants);

public sealed record GrantRow(int Id, Role Role, int? OrganizationId, string? OrganizationCode, string? OrganizationName);

public static class ActorLoader
{
    /// Reads the user's grants from the database on every request, so a revoked role stops working at once
    /// on every web instance.
    public static async Task<Actor?> LoadAsync(CadreDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.PersonId }).SingleOrDefaultAsync(ct);
        if (user is null) return null;
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId)
            .Select(g => new { g.Role, g.OrganizationId }).ToListAsync(ct);
        return new Actor(user.Id, user.Email ?? user.Id, grants.Select(g => (g.Role, g.OrganizationId)), user.PersonId);
    }

    public static async Task<List<UserRow>> ListUsersAsync(CadreDbContext db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.PersonId, u.LockoutEnd }).ToListAsync(ct);
        var grants = await db.RoleGrants.AsNoTracking()
            .Select(g => new { g.UserId, Row = new GrantRow(g.Id, g.Role, g.OrganizationId,
                g.Organization == null ? null : g.Organization.Code, g.Organization == null ? null : g.Organization.Name) })
            .ToListAsync(ct);
        return users.Select(u => new UserRow(u.Id, u.Email ?? "", u.PersonId, u.LockoutEnd,
            grants.Where(g => g.UserId == u.Id).Select(g => g.Row).ToList())).ToList();
    }
}
