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
        var user = await UserById(db, userId, ct);
        if (user is null) return null;
        var grants = new List<(Role, int?)>();
        await foreach (var grant in GrantsOf(db, userId).WithCancellation(ct)) grants.Add((grant.Role, grant.OrganizationId));
        return new Actor(user.Id, user.Email ?? user.Id, grants, user.PersonId);
    }

    // Both run on every request: compiled once, they skip EF's translation cache look-up (which walks and hashes the
    // whole expression tree each time), a measurable share of a small page's CPU under load.
    private static readonly Func<CadreDbContext, string, CancellationToken, Task<ActorUser?>> UserById =
        EF.CompileAsyncQuery((CadreDbContext db, string userId, CancellationToken ct) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new ActorUser(u.Id, u.Email, u.PersonId)).SingleOrDefault());

    private static readonly Func<CadreDbContext, string, IAsyncEnumerable<ActorGrant>> GrantsOf =
        EF.CompileAsyncQuery((CadreDbContext db, string userId) =>
            db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId).Select(g => new ActorGrant(g.Role, g.OrganizationId)));

    private sealed record ActorUser(string Id, string? Email, int? PersonId);

    private sealed record ActorGrant(Role Role, int? OrganizationId);

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
