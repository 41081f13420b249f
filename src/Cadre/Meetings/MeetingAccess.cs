using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

/// Where the actor keeps meetings: outside their reading scope a meeting does not exist (404); readable but not
/// theirs to keep it is forbidden (403).
internal static class MeetingAccess
{
    public static async Task<Error?> CheckOrganizationAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return new MeetingOrganizationNotFound();
        if (await actor.CanAsync(db, Permission.MeetingsManage, organizationId, ct)) return null;
        return await actor.CanAsync(db, Permission.MeetingsRead, organizationId, ct) ? new MeetingsNotPermitted() : new MeetingOrganizationNotFound();
    }

    public static async Task<Result<Meeting>> MeetingAsync(CadreDbContext db, Actor actor, int meetingId, CancellationToken ct,
        bool roll = false, bool agenda = false)
    {
        IQueryable<Meeting> meetings = db.Meetings;
        if (roll) meetings = meetings.Include(m => m.Roll);
        if (agenda) meetings = meetings.Include(m => m.Agenda);
        var meeting = await meetings.AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !await actor.CanAsync(db, Permission.MeetingsRead, meeting.OrganizationId, ct)) return new MeetingNotFound();
        if (!await actor.CanAsync(db, Permission.MeetingsManage, meeting.OrganizationId, ct)) return new MeetingsNotPermitted();
        return meeting;
    }

    /// Who is entitled to a meeting on its day: the members of the organization (full members and candidates), or for
    /// a body's meeting the holders of its offices then. Suspended members are not entitled while suspended.
    public static async Task<List<Entitlement>> EntitledAsync(CadreDbContext db, Meeting meeting, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(meeting.StartsAt);
        if (meeting.BodyId is { } bodyId)
        {
            var holders = await db.Terms.AsNoTracking()
                .Where(t => t.Office.BodyId == bodyId && t.StartsOn <= day && (t.EndsOn == null || t.EndsOn >= day))
                .Select(t => new { t.PersonId, t.Person.GivenName, t.Person.FamilyName, t.Person.Email, Status = (MemberStatus?)t.Person.Membership!.Status })
                .ToListAsync(ct);
            return holders.DistinctBy(h => h.PersonId)
                .Select(h => new Entitlement(h.PersonId, $"{h.GivenName} {h.FamilyName}", h.Email,
                    h.Status == MemberStatus.Candidate ? AttendeeRole.Candidate : AttendeeRole.FullMember))
                .ToList();
        }
        var members = await db.Members.AsNoTracking()
            .Where(m => m.OrganizationId == meeting.OrganizationId && (m.Status == MemberStatus.Member || m.Status == MemberStatus.Candidate))
            .OrderBy(m => m.Person.FamilyName).ThenBy(m => m.Person.GivenName)
            .Select(m => new { m.PersonId, m.Person.GivenName, m.Person.FamilyName, m.Person.Email, m.Status })
            .ToListAsync(ct);
        return members.Select(m => new Entitlement(m.PersonId, $"{m.GivenName} {m.FamilyName}", m.Email,
            m.Status == MemberStatus.Candidate ? AttendeeRole.Candidate : AttendeeRole.FullMember)).ToList();
    }

    public static async Task<QuorumRule> RuleAsync(CadreDbContext db, Meeting meeting, CancellationToken ct) =>
        await db.MeetingKinds.Where(k => k.Id == meeting.KindId).Select(k => k.Quorum).SingleAsync(ct);

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
