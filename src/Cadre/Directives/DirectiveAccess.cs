using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Directives;

/// Where the actor works with directives: outside their reading scope a thing does not exist (404); readable but not theirs to
/// change it is forbidden (403).
internal static class DirectiveAccess
{
    public static async Task<Result<Assignment>> AssignmentAsync(CadreDbContext db, Actor actor, long id, CancellationToken ct)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null || !await actor.CanAsync(db, Permission.DirectivesRead, assignment.OrganizationId, ct)) return new AssignmentNotFound();
        return assignment;
    }

    /// The assignment, for the receiving organization to act on.
    public static async Task<Result<Assignment>> ActAsync(CadreDbContext db, Actor actor, long id, CancellationToken ct)
    {
        var assignment = await AssignmentAsync(db, actor, id, ct);
        if (!assignment.IsSuccess) return assignment;
        if (!await actor.CanAsync(db, Permission.DirectivesManage, assignment.Value.OrganizationId, ct)) return new DirectivesNotPermitted();
        return assignment;
    }

    /// The assignment, for the organization that issued the directive it came through to accept or return. The issuer may not
    /// see the receiving organization's other records, but it sees its assignments: they answer to it.
    public static async Task<Result<Assignment>> ReviewAsync(CadreDbContext db, Actor actor, long id, CancellationToken ct)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null) return new AssignmentNotFound();
        var issuer = await db.Directives.Where(d => d.Id == assignment.DirectiveId).Select(d => d.IssuerOrganizationId).SingleAsync(ct);
        if (await actor.CanAsync(db, Permission.DirectivesManage, issuer, ct)) return assignment;
        var readable = await actor.CanAsync(db, Permission.DirectivesRead, assignment.OrganizationId, ct)
            || await actor.CanAsync(db, Permission.DirectivesRead, issuer, ct);
        return readable ? new ReviewNotPermitted() : new AssignmentNotFound();
    }

    public static async Task<Result<Done>> SaveAsync(CadreDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Members.ConcurrentChange();
        }
        return Done.Value;
    }
}
