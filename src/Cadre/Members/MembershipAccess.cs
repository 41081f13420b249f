using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// Finds a member for a lifecycle step: outside the actor's reading scope it does not exist (404);
/// readable but not theirs to manage it is forbidden (403).
internal static class MembershipAccess
{
    public static async Task<Result<Member>> FindAsync(CadreDbContext db, Actor actor, int memberId, CancellationToken ct)
    {
        var member = await db.Members.Include(m => m.Organization).SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !await actor.CanAsync(db, Permission.MembersRead, member.OrganizationId, ct)) return new MemberNotFound();
        if (!await actor.CanAsync(db, Permission.MembersManage, member.OrganizationId, ct)) return new MemberNotPermitted();
        return member;
    }

    /// Finds, applies one step of the member's lifecycle and saves it.
    public static async Task<Result<Done>> StepAsync(CadreDbContext db, Actor actor, int memberId, Func<Member, Result<Done>> step, CancellationToken ct)
    {
        var found = await FindAsync(db, actor, memberId, ct);
        if (!found.IsSuccess) return found.Error;
        var done = step(found.Value);
        if (!done.IsSuccess) return done;
        return await SaveAsync(db, ct);
    }

    public static async Task<Result<Done>> SaveAsync(CadreDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConcurrentChange();
        }
        return Done.Value;
    }
}
