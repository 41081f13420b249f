using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

public sealed record StatusCount(MemberStatus Status, int Members);

public sealed record OccupationCount(int? OccupationId, int Members);

/// Counts of the members below an organization (its whole subtree, itself included), by status and by occupation.
/// Everything strictly below comes from MemberTallies (a few hundred rows even at the centre of a million members);
/// the organization's own members, if it has any, are read from the (OrganizationId, Status) index.
public static class MemberCounts
{
    public static async Task<Result<List<StatusCount>>> ByStatusAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (await Refused(db, actor, organizationId, ct) is { } refused) return refused;
        var below = await db.MemberTallies.Where(t => t.OrganizationId == organizationId)
            .GroupBy(t => t.Status).Select(g => new { Status = g.Key, Members = g.Sum(t => t.Members) }).ToListAsync(ct);
        var own = await db.Members.Where(m => m.OrganizationId == organizationId)
            .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Members = g.Count() }).ToListAsync(ct);
        return below.Concat(own).GroupBy(c => c.Status)
            .Select(g => new StatusCount(g.Key, g.Sum(c => c.Members)))
            .Where(c => c.Members > 0).OrderBy(c => c.Status).ToList();
    }

    public static async Task<Result<List<OccupationCount>>> ByOccupationAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct,
        IReadOnlyCollection<MemberStatus>? statuses = null)
    {
        if (await Refused(db, actor, organizationId, ct) is { } refused) return refused;
        var tallies = db.MemberTallies.Where(t => t.OrganizationId == organizationId);
        var members = db.Members.Where(m => m.OrganizationId == organizationId);
        if (statuses is not null)
        {
            tallies = tallies.Where(t => statuses.Contains(t.Status));
            members = members.Where(m => statuses.Contains(m.Status));
        }
        var below = await tallies.GroupBy(t => t.OccupationId)
            .Select(g => new { OccupationId = g.Key, Members = g.Sum(t => t.Members) }).ToListAsync(ct);
        var own = await members.GroupBy(m => m.Person.OccupationId ?? 0)
            .Select(g => new { OccupationId = g.Key, Members = g.Count() }).ToListAsync(ct);
        return below.Concat(own).GroupBy(c => c.OccupationId)
            .Select(g => new OccupationCount(g.Key == 0 ? null : g.Key, g.Sum(c => c.Members)))
            .Where(c => c.Members > 0).OrderBy(c => c.OccupationId ?? 0).ToList();
    }

    /// The same counts straight from the members (every member of the subtree read): what the tallies must always equal.
    internal static async Task<List<(int OrganizationId, MemberStatus Status, int OccupationId, int Members)>> RecountAsync(CadreDbContext db, CancellationToken ct)
    {
        var rows = await (from path in db.OrganizationPaths
                          where path.Depth > 0
                          join member in db.Members on path.DescendantId equals member.OrganizationId
                          group member by new { path.AncestorId, member.Status, OccupationId = member.Person.OccupationId ?? 0 } into g
                          select new { g.Key.AncestorId, g.Key.Status, g.Key.OccupationId, Members = g.Count() }).ToListAsync(ct);
        return rows.Select(r => (r.AncestorId, r.Status, r.OccupationId, r.Members)).OrderBy(r => r).ToList();
    }

    private static async Task<Error?> Refused(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (!actor.Has(Permission.MembersRead)) return new MemberNotPermitted();
        if (!await actor.CanAsync(db, Permission.MembersRead, organizationId, ct)) return new OrganizationNotFound();
        return null;
    }
}
