using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

/// A treasurer records the monthly income a member declares, from a month on; earlier declarations stay as history.
public static class DeclareIncome
{
    public sealed record Request(int MemberId, DateOnly FromMonth, decimal MonthlyIncome);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        var member = await DuesAccess.FindMemberAsync(db, actor, request.MemberId, Permission.DuesManage, ct);
        if (member is null) return new DuesMemberNotFound();
        var existing = await db.DeclaredIncomes.SingleOrDefaultAsync(i => i.MemberId == member.Id && i.FromMonth == request.FromMonth, ct);
        if (existing is not null)
        {
            if (existing.Correct(request.MonthlyIncome, db.Today) is { IsSuccess: false } refused) return refused.Error;
        }
        else
        {
            var declared = DeclaredIncome.Declare(member.Id, member.OrganizationId, request.FromMonth, request.MonthlyIncome, db.Today);
            if (!declared.IsSuccess) return declared.Error;
            db.DeclaredIncomes.Add(declared.Value);
        }
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
