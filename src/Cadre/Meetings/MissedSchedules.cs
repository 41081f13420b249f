using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

public sealed record MissedSchedule(int KindId, string KindName, int EveryMonths, int OrganizationId, string OrganizationCode, string OrganizationName,
    DateTime? LastHeldAt);

/// The organizations that have not held a kind of meeting as often as it requires: no meeting of that kind begun
/// within its last EveryMonths months (cancelled ones do not count). Organizations founded within that time are not
/// yet late. One indexed look-up per organization (KindId, OrganizationId, StartsAt).
public static class MissedSchedules
{
    public const int MaxRows = 500;

    public static async Task<Result<List<MissedSchedule>>> ListAsync(CadreDbContext db, Actor actor, int? organizationId, int? kindId, int take,
        CancellationToken ct)
    {
        if (!actor.Has(Permission.MeetingsRead)) return new MeetingScopeNotFound();
        if (organizationId is { } root && !await actor.CanAsync(db, Permission.MeetingsRead, root, ct)) return new MeetingScopeNotFound();
        var kinds = await db.MeetingKinds.AsNoTracking().Where(k => k.EveryMonths != null && (kindId == null || k.Id == kindId)).OrderBy(k => k.Name).ToListAsync(ct);
        var now = db.Now;
        take = Math.Clamp(take, 1, MaxRows);
        var scope = actor.Scope(db, Permission.MeetingsRead);
        var missed = new List<MissedSchedule>();
        foreach (var kind in kinds)
        {
            if (missed.Count >= take) break;
            var since = now.AddMonths(-kind.EveryMonths!.Value);
            var foundedBy = DateOnly.FromDateTime(since);
            var organizations = db.Organizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Active && o.FoundedOn <= foundedBy);
            if (kind.LevelId is { } levelId) organizations = organizations.Where(o => o.LevelId == levelId);
            if (scope is not null) organizations = organizations.Where(o => scope.Contains(o.Id));
            if (organizationId is { } under)
            {
                var subtree = db.OrganizationPaths.Where(p => p.AncestorId == under).Select(p => p.DescendantId);
                organizations = organizations.Where(o => subtree.Contains(o.Id));
            }
            var rows = await organizations
                .Select(o => new
                {
                    o.Id, o.Code, o.Name,
                    Last = db.Meetings.Where(m => m.KindId == kind.Id && m.OrganizationId == o.Id && m.Status == MeetingStatus.Planned && m.StartsAt <= now)
                        .Max(m => (DateTime?)m.StartsAt),
                })
                .Where(o => o.Last == null || o.Last < since)
                .OrderBy(o => o.Code).Take(take - missed.Count).ToListAsync(ct);
            missed.AddRange(rows.Select(o => new MissedSchedule(kind.Id, kind.Name, kind.EveryMonths.Value, o.Id, o.Code, o.Name, o.Last)));
        }
        return missed;
    }
}
