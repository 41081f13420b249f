using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

public sealed record MyAttendance(MeetingRow Meeting, AttendeeRole Role, AttendanceStatus Status);

/// Attended: present or late, of the meetings held that the member was on the roll of.
public sealed record MyMeetingsView(IReadOnlyList<MeetingRow> Upcoming, IReadOnlyList<MyAttendance> Record, int Attended, int Held);

/// A member's own meetings: the coming meetings of the organizations they belong to (and of any they are invited to), and their
/// attendance record at the meetings held. Only the member's own rows: no permission over an organization is needed.
public static class MyMeetings
{
    public const int MaxUpcoming = 50;
    public const int MaxRecord = 100;

    public static async Task<Result<MyMeetingsView>> ForAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.PersonId is not { } person) return new NoMemberRecord();
        var now = db.Now;
        var organizations = db.Members.Where(m => m.PersonId == person && MembershipStateMachine.Current.Contains(m.Status)).Select(m => m.OrganizationId);
        var upcoming = await MeetingQueries.RowsAsync(db, db.Meetings.AsNoTracking()
            .Where(m => m.EndsAt >= now && (organizations.Contains(m.OrganizationId) || db.Attendees.Any(a => a.MeetingId == m.Id && a.PersonId == person)))
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(MaxUpcoming), ct);

        var held = from a in db.Attendees.AsNoTracking()
                   join m in db.Meetings on a.MeetingId equals m.Id
                   where a.PersonId == person && m.StartsAt <= now && m.Status != MeetingStatus.Cancelled
                   select new { a.MeetingId, a.Role, a.Status, m.StartsAt };
        var counts = await held.GroupBy(_ => 1)
            .Select(g => new { Held = g.Count(), Attended = g.Count(x => x.Status == AttendanceStatus.Present || x.Status == AttendanceStatus.Late) })
            .SingleOrDefaultAsync(ct);
        var latest = await held.OrderByDescending(x => x.StartsAt).ThenByDescending(x => x.MeetingId).Take(MaxRecord).ToListAsync(ct);
        var ids = latest.Select(x => x.MeetingId).ToList();
        var rows = await MeetingQueries.Rows(db, db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))).ToDictionaryAsync(r => r.Id, ct);
        return new MyMeetingsView(upcoming, latest.Select(x => new MyAttendance(rows[x.MeetingId], x.Role, x.Status)).ToList(), counts?.Attended ?? 0,
            counts?.Held ?? 0);
    }
}
