using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Meetings;

/// Moves a meeting or changes its place; the roll is told of the change.
public static class RescheduleMeeting
{
    public sealed record Request
    {
        public string Title { get; init; } = "";

        public DateTime StartsAt { get; init; }

        public DateTime EndsAt { get; init; }

        public string? Place { get; init; }

        public string? OnlineLink { get; init; }
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int meetingId, Request request, CancellationToken ct)
    {
        var meeting = await MeetingAccess.MeetingAsync(db, actor, meetingId, ct);
        if (!meeting.IsSuccess) return meeting.Error;
        var changed = meeting.Value.Reschedule(request.Title, request.StartsAt, request.EndsAt, request.Place, request.OnlineLink);
        if (!changed.IsSuccess) return changed;
        return await MeetingAccess.SaveAsync(db, ct);
    }
}

/// Calls a meeting off before it begins; the roll is told.
public static class CancelMeeting
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int meetingId, CancellationToken ct)
    {
        var meeting = await MeetingAccess.MeetingAsync(db, actor, meetingId, ct);
        if (!meeting.IsSuccess) return meeting.Error;
        var cancelled = meeting.Value.Cancel(db.Now);
        if (!cancelled.IsSuccess) return cancelled;
        return await MeetingAccess.SaveAsync(db, ct);
    }
}

/// Adds an item to the agenda.
public static class AddAgendaItem
{
    public sealed record Request(string Title);

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int meetingId, Request request, CancellationToken ct)
    {
        var meeting = await MeetingAccess.MeetingAsync(db, actor, meetingId, ct, agenda: true);
        if (!meeting.IsSuccess) return meeting.Error;
        var item = meeting.Value.AddAgendaItem(request.Title ?? "");
        if (!item.IsSuccess) return item.Error;
        var saved = await MeetingAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? item.Value.Id : saved.Error;
    }
}
