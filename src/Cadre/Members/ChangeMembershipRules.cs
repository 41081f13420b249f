using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Members;

/// An administrator sets the statutes' admission rules.
public static class ChangeMembershipRules
{
    public sealed record Request(int SponsorsRequired, int SponsorSeniorityYears, bool RatificationRequired, int ProbationMonths);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new MembershipRulesNotPermitted();
        var rules = await MembershipRules.LoadAsync(db, ct);
        var changed = rules.Change(request.SponsorsRequired, request.SponsorSeniorityYears, request.RatificationRequired, request.ProbationMonths);
        if (!changed.IsSuccess) return changed;
        if (db.Entry(rules).State == Microsoft.EntityFrameworkCore.EntityState.Detached) db.MembershipRules.Add(rules);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
