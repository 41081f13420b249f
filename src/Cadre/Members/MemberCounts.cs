using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

public sealed record StatusCount(MemberStatus Status, int Members);

public sealed record OccupationCount(int? OccupationId, int Members);

public sealed record OccupationShare(int? OccupationId, string? Code, string Name, int Members, double Share);

/// Who the members below an organization are: every status, and the current members by occupation category.
public sealed record MemberComposition(int OrganizationId, int CurrentMembers, IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<OccupationShare> ByOccupation);

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

    public static async Task<Result<MemberComposition>> CompositionAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        var byStatus = await ByStatusAsync(db, actor, organizationId, ct);
        if (!byStatus.IsSuccess) return byStatus.Error;
        var byOccupation = (await ByOccupationAsync(db, actor, organizationId, ct, MembershipStateMachine.Current)).Value;
        var names = await db.Classifiers.AsNoTracking().Where(c => c.Kind == ClassifierKind.Occupation)
            .ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name, c.SortOrder), ct);
        var current = byStatus.Value.Where(c => MembershipStateMachine.IsCurrent(c.Status)).Sum(c => c.Members);
        var shares = byOccupation
            .Select(c => c.OccupationId is { } id && names.TryGetValue(id, out var n)
                ? (Row: new OccupationShare(id, n.Code, n.Name, c.Members, current == 0 ? 0 : (double)c.Members / current), Order: n.SortOrder)
                : (Row: new OccupationShare(null, null, "Not recorded", c.Members, current == 0 ? 0 : (double)c.Members / current), Order: int.MaxValue))
            .OrderBy(r => r.Order).Select(r => r.Row).ToList();
        return new MemberComposition(organizationId, current, byStatus.Value, shares);
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
