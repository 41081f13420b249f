using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

/// The minutes of a meeting, in Markdown, written once it has begun and changed until they are approved.
public static class WriteMinutes
{
    public sealed record Request(string? Minutes);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int meetingId, Request request, CancellationToken ct)
    {
        var meeting = await MeetingAccess.MeetingAsync(db, actor, meetingId, ct);
        if (!meeting.IsSuccess) return meeting.Error;
        var written = meeting.Value.WriteMinutes(request.Minutes, db.Now);
        if (!written.IsSuccess) return written;
        return await MeetingAccess.SaveAsync(db, ct);
    }
}

/// A meeting approves the minutes of an earlier meeting of the same organization (and body); they are closed after it.
public static class ApproveMinutes
{
    public sealed record Request(int MeetingId);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int approvingMeetingId, Request request, CancellationToken ct)
    {
        var next = await MeetingAccess.MeetingAsync(db, actor, approvingMeetingId, ct);
        if (!next.IsSuccess) return next.Error;
        var earlier = await db.Meetings.SingleOrDefaultAsync(m => m.Id == request.MeetingId, ct);
        if (earlier is null || earlier.OrganizationId != next.Value.OrganizationId) return new ApprovalNotAtALaterMeeting();
        var approved = earlier.ApproveMinutesAt(next.Value, db.Now);
        if (!approved.IsSuccess) return approved;
        return await MeetingAccess.SaveAsync(db, ct);
    }
}
