using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

/// Finds a member whose dues the actor may see or keep; anyone else's member is answered as not found.
public static class DuesAccess
{
    public static async Task<Member?> FindMemberAsync(CadreDbContext db, Actor actor, int memberId, Permission permission, CancellationToken ct)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !await actor.CanAsync(db, permission, member.OrganizationId, ct)) return null;
        return member;
    }
}
