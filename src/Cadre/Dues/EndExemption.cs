using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

/// A treasurer ends a member's exemption (the member has recovered, the service is over); the months it covered stay exempt.
public static class EndExemption
{
    public sealed record Request(int MemberId, int ExemptionId, DateOnly LastMonth);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        var member = await DuesAccess.FindMemberAsync(db, actor, request.MemberId, Permission.DuesManage, ct);
        if (member is null) return new DuesMemberNotFound();
        var exemption = await db.DuesExemptions.SingleOrDefaultAsync(e => e.Id == request.ExemptionId && e.MemberId == member.Id, ct);
        if (exemption is null) return new ExemptionNotFound();
        if (exemption.End(request.LastMonth) is { IsSuccess: false } refused) return refused.Error;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
