using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Cadre.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Demo;

/// Gives the health dashboard something to show: the general meetings of the last three months at every primary
/// organization but the demo branch (which has its own, DemoMeetings), through the use cases. Every seventh organization
/// held none (no general meeting for three months), every fifth came in poorly (attendance below half), the others came
/// well. The indicators are computed once the seed is committed. No random draw.
internal static class DemoHealth
{
    public const int Months = 3;

    public static async Task SeedAsync(CadreDbContext db, int branchId, CancellationToken ct)
    {
        var actor = Actor.System("demo");
        var kind = await db.MeetingKinds.Where(k => k.Name == "General meeting").Select(k => k.Id).FirstAsync(ct);
        var primary = await db.Levels.OrderByDescending(l => l.Rank).Select(l => l.Id).FirstAsync(ct);
        var branches = await db.Organizations.Where(o => o.LevelId == primary && o.Id != branchId).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var first = new DateTime(db.Now.Year, db.Now.Month, 1, 18, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < branches.Count; i++)
        {
            if (i % 7 == 3) continue;
            var poorly = i % 5 == 2;
            for (var back = Months; back >= 1; back--)
            {
                var at = first.AddMonths(-back).AddDays(11 + (i % 10));
                var meeting = Must(await ScheduleMeeting.HandleAsync(db, actor, new ScheduleMeeting.Request
                {
                    OrganizationId = branches[i], KindId = kind, StartsAt = at, Place = "Branch office",
                    Agenda = ["Report of the branch committee", "Dues and admissions"],
                }, ct));
                var roll = await db.Attendees.Where(a => a.MeetingId == meeting).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
                if (roll.Count == 0) continue;
                Must(await RecordAttendance.HandleAsync(db, actor, meeting, new RecordAttendance.Request(
                    roll.Select((id, j) => new RecordAttendance.Mark(id, Came(poorly, j + back))).ToList()), ct));
            }
        }
    }

    /// Run after the seed's transaction is committed: the job opens transactions of its own.
    public static Task ComputeAsync(CadreDbContext db, CancellationToken ct) => ComputeHealth.RunAsync(db, ct);

    // Well: three in four present, some late; poorly: one in three present.
    private static AttendanceStatus Came(bool poorly, int j) =>
        poorly ? (j % 3 == 0 ? AttendanceStatus.Present : j % 3 == 1 ? AttendanceStatus.Absent : AttendanceStatus.Excused)
        : j % 4 == 3 ? AttendanceStatus.Absent : j % 8 == 1 ? AttendanceStatus.Late : AttendanceStatus.Present;

    private static T Must<T>(Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo meetings broke a rule: {result.Error.Message}");
}
