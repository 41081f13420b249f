using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

/// Keeps the closure table and the history right; every use case that changes the tree goes through here.
internal static class OrganizationTree
{
    public static async Task AddAsync(CadreDbContext db, Organization organization, CancellationToken ct)
    {
        db.OrganizationPaths.Add(new OrganizationPath { AncestorId = organization.Id, DescendantId = organization.Id, Depth = 0 });
        if (organization.ParentId is { } parentId)
        {
            var ancestors = await db.OrganizationPaths.AsNoTracking().Where(p => p.DescendantId == parentId).ToListAsync(ct);
            db.OrganizationPaths.AddRange(ancestors.Select(a =>
                new OrganizationPath { AncestorId = a.AncestorId, DescendantId = organization.Id, Depth = a.Depth + 1 }));
        }
        await db.SaveChangesAsync(ct);
    }

    /// Re-links the whole subtree of organizationId under newParentId: the old ancestors' rows go, the new ones come,
    /// in two set-based statements whatever the size of the subtree.
    public static async Task MoveAsync(CadreDbContext db, int organizationId, int newParentId, CancellationToken ct)
    {
        var subtree = db.OrganizationPaths.Where(p => p.AncestorId == organizationId).Select(p => p.DescendantId);
        var oldAncestors = db.OrganizationPaths.Where(p => p.DescendantId == organizationId && p.AncestorId != organizationId)
            .Select(p => p.AncestorId);
        await db.OrganizationPaths
            .Where(p => subtree.Contains(p.DescendantId) && oldAncestors.Contains(p.AncestorId))
            .ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "OrganizationPaths" ("AncestorId", "DescendantId", "Depth")
            SELECT a."AncestorId", d."DescendantId", a."Depth" + d."Depth" + 1
            FROM "OrganizationPaths" a CROSS JOIN "OrganizationPaths" d
            WHERE a."DescendantId" = {newParentId} AND d."AncestorId" = {organizationId}
            """, ct);
    }

    public static Task<bool> IsUnderAsync(CadreDbContext db, int candidateDescendantId, int ancestorId, CancellationToken ct) =>
        db.OrganizationPaths.AnyAsync(p => p.AncestorId == ancestorId && p.DescendantId == candidateDescendantId, ct);

    public static async Task<bool> IsPrimaryAsync(CadreDbContext db, Organization organization, CancellationToken ct)
    {
        var lowest = await db.Levels.MaxAsync(l => l.Rank, ct);
        var rank = await db.Levels.Where(l => l.Id == organization.LevelId).Select(l => l.Rank).SingleAsync(ct);
        return rank == lowest;
    }

    /// Closes the current version on the given day and opens a new one with the organization as it is now.
    public static async Task<Result<Done>> RecordVersionAsync(CadreDbContext db, Organization organization, DateOnly on, CancellationToken ct)
    {
        var current = await db.OrganizationVersions
            .Where(v => v.OrganizationId == organization.Id && v.ValidTo == null)
            .SingleOrDefaultAsync(ct);
        if (current is not null)
        {
            if (on < current.ValidFrom) return new EffectiveDateBeforeLastChange(current.ValidFrom);
            current.ValidTo = on;
        }
        db.OrganizationVersions.Add(OrganizationVersion.Of(organization, on));
        return Done.Value;
    }

    public static Result<DateOnly> EffectiveDate(CadreDbContext db, DateOnly? requested)
    {
        var on = requested ?? db.Today;
        if (on > db.Today) return new EffectiveDateInFuture();
        return on;
    }
}

/// Finds an organization the actor may see, and tells apart "not yours to know" (404) from "yours to see, not to change" (403).
public static class OrganizationAccess
{
    public static async Task<Result<Organization>> FindAsync(CadreDbContext db, Actor actor, int id, Permission needed, CancellationToken ct)
    {
        var organization = await db.Organizations.Include(o => o.Level).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null || !await actor.CanAsync(db, Permission.OrganizationsRead, id, ct)) return new OrganizationNotFound();
        if (needed != Permission.OrganizationsRead && !await actor.CanAsync(db, needed, id, ct)) return new OrganizationNotPermitted();
        return organization;
    }
}
