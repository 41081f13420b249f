using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Meetings;

/// The user's calendar addresses: of an organization's meetings, or of their own; the secret address is shown once.
[Requires(Permission.OwnProfile)]
public sealed class CalendarsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<CalendarRow> Calendars { get; private set; } = [];

    public string? NewUrl { get; private set; }

    public bool IsMember { get; private set; }

    public bool ReadsMeetings { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(string? org, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Result<IssuedCalendar> issued;
        if (string.IsNullOrWhiteSpace(org)) issued = await CalendarFeeds.IssueMineAsync(db, actor, ct);
        else
        {
            var organization = await MeetingPages.FindAsync(db, actor, org, Permission.MeetingsRead, ct);
            issued = organization is null ? new MeetingOrganizationNotFound() : await CalendarFeeds.IssueForOrganizationAsync(db, actor, organization.Id, ct);
        }
        if (issued.IsSuccess) NewUrl = MeetingsApi.FeedUrl(Request, issued.Value.Secret);
        else
        {
            ModelState.AddModelError("", issued.Error.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var revoked = await CalendarFeeds.RevokeAsync(db, await actors.GetAsync(ct), id, ct);
        if (!revoked.IsSuccess) return NotFound();
        TempData["Flash"] = "The calendar address is revoked.";
        return Redirect("/meetings/calendars");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        IsMember = actor.PersonId is not null;
        ReadsMeetings = actor.Has(Permission.MeetingsRead);
        Calendars = await CalendarFeeds.ListAsync(db, actor, ct);
    }
}
