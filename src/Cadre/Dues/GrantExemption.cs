using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Dues;

/// A treasurer exempts a member from dues for a period, giving the reason.
public static class GrantExemption
{
    public sealed record Request(int MemberId, string Reason, DateOnly FromMonth, DateOnly? ToMonth);

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        var member = await DuesAccess.FindMemberAsync(db, actor, request.MemberId, Permission.DuesManage, ct);
        if (member is null) return new DuesMemberNotFound();
        var exemption = DuesExemption.Grant(member.Id, member.OrganizationId, request.Reason ?? "", request.FromMonth, request.ToMonth);
        if (!exemption.IsSuccess) return exemption.Error;
        db.DuesExemptions.Add(exemption.Value);
        await db.SaveChangesAsync(ct);
        return exemption.Value.Id;
    }
}
