using Cadre.Accounts;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Meetings;

/// Meetings, their roll and attendance, quorum, minutes and decisions; kinds, missed schedules and calendar feeds over HTTP.
public static class MeetingsApi
{
    public static void MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/meetings").WithTags("Meetings");

        api.MapGet("/", async (int organizationId, string? cursor, int? limit, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MeetingQueries.ListAsync(db, await actors.GetAsync(ct), organizationId, cursor, limit ?? 50, ct)).ToResult(Results.Ok))
            .Requires(Permission.MeetingsRead).WithSummary("An organization's meetings and its bodies', the latest first. Pass `next` as `cursor`.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MeetingQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.MeetingsRead).WithSummary("A meeting: agenda, roll with attendance, quorum, minutes (Markdown and HTML), decisions, earlier minutes awaiting approval.");

        api.MapPost("/", async (ScheduleMeeting.Request body, CadreDbContext db, ActorAccessor actors, MeetingMailer mail, CancellationToken ct) =>
            {
                var result = await ScheduleMeeting.HandleAsync(db, await actors.GetAsync(ct), body, ct);
                if (result.IsSuccess) await mail.NotifyAsync(db, result.Value, NoticeKind.Invitation, ct);
                return result.ToResult(id => Results.Created($"/api/v1/meetings/{id}", new { id }));
            })
            .Requires(Permission.MeetingsManage).WithSummary("Schedules a meeting of an organization (or of one of its bodies: bodyId); the roll is drawn from who is entitled and invitations go out by e-mail. Times are UTC.");

        api.MapPut("/{id:int}", async (int id, RescheduleMeeting.Request body, CadreDbContext db, ActorAccessor actors, MeetingMailer mail, CancellationToken ct) =>
            {
                var result = await RescheduleMeeting.HandleAsync(db, await actors.GetAsync(ct), id, body, ct);
                if (result.IsSuccess) await mail.NotifyAsync(db, id, NoticeKind.Change, ct);
                return result.ToResult(_ => Results.NoContent());
            })
            .Requires(Permission.MeetingsManage).WithSummary("Changes a meeting's title, time or place; the roll is told by e-mail.");

        api.MapPost("/{id:int}/cancel", async (int id, CadreDbContext db, ActorAccessor actors, MeetingMailer mail, CancellationToken ct) =>
            {
                var result = await CancelMeeting.HandleAsync(db, await actors.GetAsync(ct), id, ct);
                if (result.IsSuccess) await mail.NotifyAsync(db, id, NoticeKind.Cancellation, ct);
                return result.ToResult(_ => Results.NoContent());
            })
            .Requires(Permission.MeetingsManage).WithSummary("Cancels a meeting that has not begun; the roll is told by e-mail.");

        api.MapPost("/{id:int}/agenda", async (int id, AddAgendaItem.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await AddAgendaItem.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(itemId => Results.Created($"/api/v1/meetings/{id}", new { id = itemId })))
            .Requires(Permission.MeetingsManage).WithSummary("Adds an item to the agenda.");

        api.MapPost("/{id:int}/guests", async (int id, InviteGuest.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await InviteGuest.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(attendee => Results.Created($"/api/v1/meetings/{id}", new { id = attendee })))
            .Requires(Permission.MeetingsManage).WithSummary("Invites a guest (a known person by personId, or a name and e-mail); guests do not count for quorum.");

        api.MapPost("/{id:int}/roll", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RefreshRoll.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(added => Results.Ok(new { added })))
            .Requires(Permission.MeetingsManage).WithSummary("Draws the roll again from who is entitled now; recorded attendance is kept.");

        api.MapPut("/{id:int}/attendance", async (int id, RecordAttendance.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecordAttendance.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(q => Results.Ok(QuorumView.Of(q))))
            .Requires(Permission.MeetingsManage).WithSummary("Marks people on the roll (attendeeId) Present, Late, Excused or Absent; answers with the quorum. Refused before the meeting begins.");

        api.MapGet("/{id:int}/quorum", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MeetingQueries.QuorumAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.MeetingsRead).WithSummary("The quorum as it stands: entitled full members, present, required, reached.");

        api.MapPut("/{id:int}/minutes", async (int id, WriteMinutes.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await WriteMinutes.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MeetingsManage).WithSummary("Writes the minutes (Markdown) of a meeting that has begun, until they are approved.");

        api.MapPost("/{id:int}/approvals", async (int id, ApproveMinutes.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ApproveMinutes.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MeetingsManage).WithSummary("This meeting approves the minutes of an earlier one (meetingId) of the same organization and body.");

        api.MapPost("/{id:int}/decisions", async (int id, RecordDecision.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecordDecision.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(r => Results.Created($"/api/v1/meetings/{id}", r)))
            .Requires(Permission.MeetingsManage).WithSummary("Records a decision with its vote; it is numbered per organization and year (\"2026/14\"). Adopted is refused without quorum.");

        api.MapGet("/decisions", async (int organizationId, int? year, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MeetingQueries.DecisionsAsync(db, await actors.GetAsync(ct), organizationId, year ?? db.Today.Year, ct)).ToResult(Results.Ok))
            .Requires(Permission.MeetingsRead).WithSummary("An organization's decisions of a year (this year by default), in their order.");

        api.MapGet("/missed", async (int? organizationId, int? kindId, int? limit, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MissedSchedules.ListAsync(db, await actors.GetAsync(ct), organizationId, kindId, limit ?? 100, ct)).ToResult(Results.Ok))
            .Requires(Permission.MeetingsRead).WithSummary("Organizations (within your scope, or below organizationId) that have not held a kind of meeting as often as it requires.");

        api.MapGet("/kinds", async (CadreDbContext db, CancellationToken ct) => Results.Ok(await MeetingQueries.KindsAsync(db, ct)))
            .Requires(Permission.MeetingsRead).WithSummary("The kinds of meeting with their quorum rule and required frequency.");

        api.MapPost("/kinds", async (DefineMeetingKind.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DefineMeetingKind.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created("/api/v1/meetings/kinds", new { id })))
            .Requires(Permission.SettingsManage).WithSummary("Defines a kind of meeting (administrators).");

        api.MapPut("/kinds/{id:int}", async (int id, DefineMeetingKind.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DefineMeetingKind.ChangeAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.SettingsManage).WithSummary("Changes a kind of meeting's name, quorum rule and required frequency (administrators).");

        api.MapGet("/calendars", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await CalendarFeeds.ListAsync(db, await actors.GetAsync(ct), ct)))
            .Requires(Permission.OwnProfile).WithSummary("Your calendar addresses (the secret is shown only when one is made).");

        api.MapPost("/calendars", async (CalendarRequest body, CadreDbContext db, ActorAccessor actors, HttpRequest request, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                var issued = body.OrganizationId is { } organizationId
                    ? await CalendarFeeds.IssueForOrganizationAsync(db, actor, organizationId, ct)
                    : await CalendarFeeds.IssueMineAsync(db, actor, ct);
                return issued.ToResult(r => Results.Created($"/api/v1/meetings/calendars/{r.Id}", new { r.Id, url = FeedUrl(request, r.Secret) }));
            })
            .Requires(Permission.OwnProfile).WithSummary("Makes a secret calendar address: of an organization's meetings (organizationId), or of your own. The address is shown once.");

        api.MapDelete("/calendars/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CalendarFeeds.RevokeAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.OwnProfile).WithSummary("Revokes one of your calendar addresses for good.");

        // Calendar programs fetch the feed without signing in: the secret in the address is the credential.
        app.MapGet("/calendar/{secret}.ics", async (string secret, CadreDbContext db, CancellationToken ct) =>
            (await CalendarFeeds.FeedAsync(db, secret, ct)).ToResult(ics => Results.Text(ics, "text/calendar; charset=utf-8")))
            .AllowAnonymous().WithTags("Meetings").WithSummary("An iCalendar feed at its secret address; a revoked address answers 404.");
    }

    public sealed record CalendarRequest(int? OrganizationId);

    public static string FeedUrl(HttpRequest request, string secret) => $"{request.Scheme}://{request.Host}/calendar/{secret}.ics";
}
