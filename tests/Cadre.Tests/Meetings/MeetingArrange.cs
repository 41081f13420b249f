using Cadre.Accounts;
using Cadre.Meetings;
using Cadre.Members;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Meetings;

/// Intent methods for meetings, through their use cases.
public static class MeetingArrange
{
    public static async Task<int> KindIdAsync(this TestDatabase database, string name)
    {
        await using var db = database.Context();
        return await db.MeetingKinds.Where(k => k.Name == name).Select(k => k.Id).SingleAsync(TestDatabase.Ct);
    }

    /// A general meeting of the organization starting at the given time (by default yesterday evening).
    public static async Task<int> ScheduleAsync(this TestDatabase database, int organizationId, DateTime? startsAt = null, Actor? actor = null,
        string kind = "General meeting", int? bodyId = null, params string[] agenda)
    {
        var kindId = await database.KindIdAsync(kind);
        return (await database.RunAsync((db, a) => ScheduleMeeting.HandleAsync(db, a, new ScheduleMeeting.Request
        {
            OrganizationId = organizationId, BodyId = bodyId, KindId = kindId, StartsAt = startsAt ?? database.Clock.Now.UtcDateTime.Date.AddHours(-6),
            Place = "Union hall", Agenda = agenda,
        }, TestDatabase.Ct), actor)).Ok();
    }

    public static async Task<List<Attendee>> RollAsync(this TestDatabase database, int meetingId)
    {
        await using var db = database.Context();
        return await db.Attendees.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Id).ToListAsync(TestDatabase.Ct);
    }

    public static async Task<int> CandidateMemberAsync(this TestDatabase database, int organizationId, string given, string family)
    {
        var registered = await RegisterMember.HandleAsync(database.Context(), Actor.System("test"), new RegisterMember.Request
        {
            OrganizationId = organizationId, JoinedOn = new DateOnly(2024, 5, 1), Status = MemberStatus.Candidate, Person = Arrange.Person(given, family),
        }, TestDatabase.Ct);
        return registered.Ok().PersonId;
    }

    public static Task<Cadre.Common.Result<Quorum>> MarkAsync(this TestDatabase database, int meetingId, Actor actor, params (int Attendee, AttendanceStatus Status)[] marks) =>
        database.RunAsync((db, a) => RecordAttendance.HandleAsync(db, a, meetingId,
            new RecordAttendance.Request(marks.Select(m => new RecordAttendance.Mark(m.Attendee, m.Status)).ToList()), TestDatabase.Ct), actor);
}
