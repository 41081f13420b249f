using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Audit;

public sealed record AuditFilter(string? EntityType = null, string? EntityId = null, string? User = null,
    DateOnly? From = null, DateOnly? To = null, string? Cursor = null, int Take = 50);

public sealed record AuditRow(long Id, DateTime At, string UserName, string EntityType, string EntityId,
    AuditAction Action, string? Before, string? After);

public static class AuditQueries
{
    public static async Task<Result<CursorPage<AuditRow>>> ListAsync(CadreDbContext db, Actor actor, AuditFilter filter, CancellationToken ct)
    {
        if (!actor.Has(Permission.AuditRead)) return new AuditNotPermitted();
        var query = db.AuditEntries.AsNoTracking();
        var scope = actor.Scope(db, Permission.AuditRead);
        if (scope is not null) query = query.Where(a => a.OrganizationId != null && scope.Contains(a.OrganizationId.Value));
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityId)) query = query.Where(a => a.EntityId == filter.EntityId);
        if (!string.IsNullOrWhiteSpace(filter.User)) query = query.Where(a => a.UserName == filter.User.Trim());
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            // Inclusive of the whole last day; the last representable day has nothing after it to exclude.
            if (to < DateOnly.MaxValue)
            {
                var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                query = query.Where(a => a.At < end);
            }
        }
        if (filter.Cursor is not null)
        {
            if (Cursor.Decode(filter.Cursor) is not { } c) return new InvalidCursor();
            query = query.Where(a => a.Id < c.Id);
        }
        var take = Math.Clamp(filter.Take, 1, 200);
        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Before, a.After))
            .ToListAsync(ct);
        var next = rows.Count > take ? Cursor.Encode("", rows[take - 1].Id) : null;
        return new CursorPage<AuditRow>(rows.Take(take).ToList(), next);
    }

    public static readonly string[] EntityTypes = ["Organization", "Body", "Office", "Term", "Person", "Member", "RoleGrant", "Level", "Classifier"];
}

public sealed record AuditNotPermitted() : ForbiddenError("You may not read the audit trail.");
