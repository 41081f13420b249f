using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Health;

/// Finds a warning the actor may act on (HealthManage at its organization); outside their subtree it does not exist.
internal static class WarningAccess
{
    public static async Task<Result<HealthWarning>> FindAsync(CadreDbContext db, Actor actor, int warningId, CancellationToken ct)
    {
        if (!actor.Has(Permission.HealthManage)) return new HealthNotPermitted();
        var warning = await db.HealthWarnings.SingleOrDefaultAsync(w => w.Id == warningId, ct);
        if (warning is null || !await actor.CanAsync(db, Permission.HealthManage, warning.OrganizationId, ct)) return new WarningNotFound();
        return warning;
    }

    public static async Task<Result<Done>> SaveAsync(CadreDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Done.Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new WarningChangedMeanwhile();
        }
    }
}

public sealed record WarningChangedMeanwhile() : ConflictError("Someone else acted on this warning a moment ago. Reload and try again.");

/// A request with the note that goes with acknowledging or resolving a warning.
public sealed record WarningNote(string? Note);
