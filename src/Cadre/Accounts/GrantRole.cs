using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Accounts;

public static class GrantRole
{
    public sealed record Request(string UserId, Role Role, int? OrganizationId);

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new UsersNotPermitted();
        if (!Enum.IsDefined(request.Role)) return new InvalidField("Role", "The role is not one of the listed values.");
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, ct)) return new UserNotFound();
        if (request.Role == Role.Administrator && request.OrganizationId is not null)
            return new InvalidField("OrganizationId", "The administrator role is global: choose no organization.");
        if (request.Role != Role.Administrator)
        {
            if (request.OrganizationId is not { } orgId || !await db.Organizations.AnyAsync(o => o.Id == orgId, ct))
                return new InvalidField("OrganizationId", "Choose the organization the role holds at.");
        }
        if (await db.RoleGrants.AnyAsync(g => g.UserId == request.UserId && g.Role == request.Role && g.OrganizationId == request.OrganizationId, ct))
            return new GrantAlreadyHeld();
        var grant = RoleGrant.Create(request.UserId, request.Role, request.OrganizationId, db.Now);
        db.RoleGrants.Add(grant);
        await db.SaveChangesAsync(ct);
        return grant.Id;
    }
}

public static class RevokeRole
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int grantId, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new UsersNotPermitted();
        var grant = await db.RoleGrants.SingleOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null) return new GrantNotFound();
        if (grant.Role == Role.Administrator && await db.RoleGrants.CountAsync(g => g.Role == Role.Administrator, ct) == 1)
            return new LastAdministrator();
        db.RoleGrants.Remove(grant);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
