using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

/// The next higher committee ratifies an admission; only a secretary holding that organization (or above) may record it.
public static class RatifyAdmission
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int memberId, DecisionRequest request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var found = await MembershipAccess.FindAsync(db, actor, memberId, ct);
        if (!found.IsSuccess) return found.Error;
        var member = found.Value;
        var higher = await db.Organizations.Where(o => o.Id == member.OrganizationId).Select(o => o.ParentId).SingleAsync(ct);
        if (higher is not { } higherId || !await actor.CanAsync(db, Permission.MembersManage, higherId, ct)) return new RatificationNotPermitted();
        var rules = await MembershipRules.LoadAsync(db, ct);
        var done = member.Ratify(request.For(db, higherId), rules, db.Today);
        return done.IsSuccess ? await MembershipAccess.SaveAsync(db, ct) : done;
    }
}
