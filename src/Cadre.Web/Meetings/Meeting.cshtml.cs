using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Meetings;

/// One meeting on one screen: the attendance checklist with its live quorum (htmx), the agenda, guests, minutes,
/// approval of earlier minutes and the decisions.
[Requires(Permission.MeetingsRead)]
public sealed class MeetingModel(CadreDbContext db, ActorAccessor actors, MeetingMailer mail) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;

    public string? OpenForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// One tick of the checklist: with htmx the checklist and its quorum come back in place; without it the page reloads.
    public async Task<IActionResult> OnPostMarkAsync(int id, int attendeeId, AttendanceStatus status, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await AfterAsync(id, new InvalidField("Status", "Present, late, excused or absent."), "", "", ct);
        var result = await RecordAttendance.HandleAsync(db, await actors.GetAsync(ct), id, new RecordAttendance.Request([new(attendeeId, status)]), ct);
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            if (result.Error is MeetingNotFound) return NotFound();
            if (result.Error is MeetingsNotPermitted) return Forbid();
            if (!await LoadAsync(id, ct)) return NotFound();
            if (!result.IsSuccess)
            {
                ModelState.AddModelError("", result.Error.Message);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                // htmx swaps only successful answers unless told otherwise; the checklist shows the error in place.
                Response.Headers["HX-Reswap"] = "outerHTML";
            }
            ViewData["Standalone"] = true;
            return Partial("_Checklist", this);
        }
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The attendance is recorded.", "", ct);
    }

    public async Task<IActionResult> OnPostMinutesAsync(int id, string? minutes, CancellationToken ct)
    {
        var result = await WriteMinutes.HandleAsync(db, await actors.GetAsync(ct), id, new WriteMinutes.Request(minutes), ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The minutes are saved.", "minutes", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, int earlierId, CancellationToken ct)
    {
        var result = await ApproveMinutes.HandleAsync(db, await actors.GetAsync(ct), id, new ApproveMinutes.Request(earlierId), ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The earlier minutes are approved.", "", ct);
    }

    public async Task<IActionResult> OnPostDecisionAsync(int id, string? text, int? agendaItemId, int votesFor, int votesAgainst, int abstaining, bool adopted,
        int? directiveId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await AfterAsync(id, new InvalidField("VotesFor", "The votes are whole numbers."), "", "decision", ct);
        var result = await RecordDecision.HandleAsync(db, await actors.GetAsync(ct), id, new RecordDecision.Request
        {
            Text = text ?? "", AgendaItemId = agendaItemId, VotesFor = votesFor, VotesAgainst = votesAgainst, Abstaining = abstaining, Adopted = adopted,
            DirectiveId = directiveId,
        }, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, result.IsSuccess ? $"Decision {result.Value.Number} is recorded." : "", "decision", ct);
    }

    public async Task<IActionResult> OnPostGuestAsync(int id, string? name, string? email, CancellationToken ct)
    {
        var result = await InviteGuest.HandleAsync(db, await actors.GetAsync(ct), id, new InviteGuest.Request { Name = name, Email = email }, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The guest is invited.", "guest", ct);
    }

    public async Task<IActionResult> OnPostAgendaAsync(int id, string? title, CancellationToken ct)
    {
        var result = await AddAgendaItem.HandleAsync(db, await actors.GetAsync(ct), id, new AddAgendaItem.Request(title ?? ""), ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The item is on the agenda.", "agenda", ct);
    }

    public async Task<IActionResult> OnPostRollAsync(int id, CancellationToken ct)
    {
        var result = await RefreshRoll.HandleAsync(db, await actors.GetAsync(ct), id, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, result.IsSuccess ? $"The roll is drawn again: {result.Value} added." : "", "", ct);
    }

    /// Moves the meeting or changes its place; the roll is told by e-mail (a new SEQUENCE of the same calendar event).
    public async Task<IActionResult> OnPostRescheduleAsync(int id, string? title, DateTime? startsAt, DateTime? endsAt, string? place, string? onlineLink,
        CancellationToken ct)
    {
        if (!ModelState.IsValid || startsAt is null || endsAt is null)
            return await AfterAsync(id, new InvalidField("StartsAt", "Give the date and time the meeting starts and ends."), "", "reschedule", ct);
        var result = await RescheduleMeeting.HandleAsync(db, await actors.GetAsync(ct), id, new RescheduleMeeting.Request
        {
            Title = title ?? "", StartsAt = startsAt.Value, EndsAt = endsAt.Value, Place = place, OnlineLink = onlineLink,
        }, ct);
        if (result.IsSuccess) await mail.NotifyAsync(db, id, NoticeKind.Change, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The meeting is rescheduled and the roll told.", "reschedule", ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        var result = await CancelMeeting.HandleAsync(db, await actors.GetAsync(ct), id, ct);
        if (result.IsSuccess) await mail.NotifyAsync(db, id, NoticeKind.Cancellation, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The meeting is cancelled and the roll told.", "", ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Error? error, string flash, string form, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect($"/meetings/{id}");
        }
        if (error is MeetingNotFound) return NotFound();
        if (error is MeetingsNotPermitted) return Forbid();
        ModelState.Clear();
        foreach (var message in error is ValidationFailed v ? v.Errors.Select(e => e.Message) : [error.Message]) ModelState.AddModelError("", message);
        OpenForm = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await MeetingQueries.GetAsync(db, await actors.GetAsync(ct), id, ct);
        if (!meeting.IsSuccess) return false;
        Meeting = meeting.Value;
        return true;
    }
}
