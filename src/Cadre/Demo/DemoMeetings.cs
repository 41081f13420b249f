using Cadre.Accounts;
using Cadre.Data;
using Cadre.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Demo;

/// The demo branch's meetings, through the use cases: last month's general meeting held with attendance, minutes and
/// a numbered decision; this month's, held yesterday, approving them; next week's, planned. No random draw.
internal static class DemoMeetings
{
    public static async Task SeedAsync(CadreDbContext db, int branchId, CancellationToken ct)
    {
        var actor = Actor.System("demo");
        var kind = await db.MeetingKinds.Where(k => k.Name == "General meeting").Select(k => k.Id).FirstAsync(ct);
        var evening = db.Now.Date.AddHours(18);
        async Task<int> ScheduleAsync(DateTime at, params string[] agenda) => Must(await ScheduleMeeting.HandleAsync(db, actor, new ScheduleMeeting.Request
        {
            OrganizationId = branchId, KindId = kind, StartsAt = at, Place = "Branch office", Agenda = agenda,
        }, ct));

        var last = await ScheduleAsync(evening.AddMonths(-1), "Report of the branch committee", "The recruitment campaign");
        await AttendAsync(db, actor, last, ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).SingleAsync(m => m.Id == last, ct);
        var present = await db.Attendees.CountAsync(a => a.MeetingId == last && a.Role == AttendeeRole.FullMember
            && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late), ct);
        Must(await RecordDecision.HandleAsync(db, actor, last, new RecordDecision.Request
        {
            Text = "The branch takes part in the recruitment campaign: every member talks to two workmates this month.",
            AgendaItemId = meeting.Agenda.Single(a => a.Number == 2).Id, VotesFor = present, Adopted = true,
        }, ct));
        Must(await WriteMinutes.HandleAsync(db, actor, last, new WriteMinutes.Request(
            "# Minutes\n\n1. The secretary reported on the month's work.\n2. The meeting decided to join the **recruitment campaign** (decision recorded).\n"), ct));

        var yesterday = await ScheduleAsync(evening.AddDays(-1), "Approval of the minutes", "Progress of the campaign");
        await AttendAsync(db, actor, yesterday, ct);
        Must(await ApproveMinutes.HandleAsync(db, actor, yesterday, new ApproveMinutes.Request(last), ct));
        await ScheduleAsync(evening.AddDays(7), "Approval of the minutes", "Dues and admissions");
    }

    // Everyone present but every fourth excused, so the quorum holds and the checklist shows both.
    private static async Task AttendAsync(CadreDbContext db, Actor actor, int meetingId, CancellationToken ct)
    {
        var roll = await db.Attendees.Where(a => a.MeetingId == meetingId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        if (roll.Count == 0) return;
        Must(await RecordAttendance.HandleAsync(db, actor, meetingId, new RecordAttendance.Request(
            roll.Select((id, i) => new RecordAttendance.Mark(id, i % 4 == 3 ? AttendanceStatus.Excused : AttendanceStatus.Present)).ToList()), ct));
    }

    private static T Must<T>(Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo meetings broke a rule: {result.Error.Message}");
}
