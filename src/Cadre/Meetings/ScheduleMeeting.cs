using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

/// A secretary schedules a meeting of their organization or of one of its bodies; its roll is drawn at once from who
/// is entitled (and drawn again later with RefreshRoll). A past meeting may be scheduled to record it afterwards.
public static class ScheduleMeeting
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public int? BodyId { get; init; }

        public int KindId { get; init; }

        /// The kind's name when not given.
        public string? Title { get; init; }

        public DateTime StartsAt { get; init; }

        /// Two hours after the start when not given.
        public DateTime? EndsAt { get; init; }

        public string? Place { get; init; }

        public string? OnlineLink { get; init; }

        public IReadOnlyList<string> Agenda { get; init; } = [];
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await MeetingAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        if (!await db.Organizations.AnyAsync(o => o.Id == request.OrganizationId && o.Status == Organizations.OrganizationStatus.Active, ct))
            return new MeetingOrganizationNotActive();
        var kind = await db.MeetingKinds.SingleOrDefaultAsync(k => k.Id == request.KindId, ct);
        if (kind is null) return new MeetingKindNotFound();
        if (request.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId && b.OrganizationId == request.OrganizationId, ct))
            return new MeetingBodyNotFound();
        var meeting = Meeting.Schedule(request.OrganizationId, request.BodyId, kind, request.Title, request.StartsAt,
            request.EndsAt ?? request.StartsAt.AddHours(2), request.Place, request.OnlineLink, request.Agenda ?? []);
        if (!meeting.IsSuccess) return meeting.Error;
        meeting.Value.DrawRoll(await MeetingAccess.EntitledAsync(db, meeting.Value, ct));
        db.Meetings.Add(meeting.Value);
        await db.SaveChangesAsync(ct);
        return meeting.Value.Id;
    }
}
