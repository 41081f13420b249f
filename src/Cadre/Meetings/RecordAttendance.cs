using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Meetings;

/// The secretary's checklist: marks people on the roll present, late, excused or absent (one or many at once) and
/// answers with the quorum as it now stands.
public static class RecordAttendance
{
    public sealed record Mark(int AttendeeId, AttendanceStatus Status);

    public sealed record Request(IReadOnlyList<Mark> Marks);

    public static async Task<Result<Quorum>> HandleAsync(CadreDbContext db, Actor actor, int meetingId, Request request, CancellationToken ct)
    {
        var meeting = await MeetingAccess.MeetingAsync(db, actor, meetingId, ct, roll: true);
        if (!meeting.IsSuccess) return meeting.Error;
        var marks = (request.Marks ?? []).Select(m => (m.AttendeeId, m.Status)).ToList();
        if (marks.Count == 0) return new InvalidField("Marks", "Mark at least one person.");
        var recorded = meeting.Value.RecordAttendance(marks, db.Now);
        if (!recorded.IsSuccess) return recorded.Error;
        var saved = await MeetingAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        return meeting.Value.Quorum(await MeetingAccess.RuleAsync(db, meeting.Value, ct));
    }
}
