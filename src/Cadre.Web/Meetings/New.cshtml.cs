using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Meetings;

/// Schedules a meeting of an organization or one of its bodies; the invitations go out by e-mail.
[Requires(Permission.MeetingsManage)]
public sealed class NewModel(CadreDbContext db, ActorAccessor actors, MeetingMailer mail) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty] public int KindId { get; set; }

    [BindProperty] public int? BodyId { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public DateTime? StartsAt { get; set; }

    [BindProperty] public DateTime? EndsAt { get; set; }

    [BindProperty] public string? Place { get; set; }

    [BindProperty] public string? OnlineLink { get; set; }

    [BindProperty] public string? Agenda { get; set; }

    public MeetingOrganization? Organization { get; private set; }

    public IReadOnlyList<MeetingKindRow> Kinds { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Org ??= await MeetingPages.HomeCodeAsync(db, actor, Permission.MeetingsManage, ct);
        await LoadAsync(actor, ct);
        StartsAt ??= db.Now.Date.AddDays(7).AddHours(18);
        // The kind held most often (the monthly general meeting by default) is the likely one.
        if (KindId == 0) KindId = Kinds.OrderBy(k => k.EveryMonths ?? int.MaxValue).Select(k => k.Id).FirstOrDefault();
        return Organization is null && Org is not null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        await LoadAsync(actor, ct);
        Error? error;
        if (Organization is null) error = new MeetingOrganizationNotFound();
        else if (!ModelState.IsValid || StartsAt is null) error = new InvalidField("StartsAt", "Give the date and time the meeting starts.");
        else
        {
            var agenda = (Agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var scheduled = await ScheduleMeeting.HandleAsync(db, actor, new ScheduleMeeting.Request
            {
                OrganizationId = Organization.Id, BodyId = BodyId, KindId = KindId, Title = Title, StartsAt = StartsAt.Value, EndsAt = EndsAt,
                Place = Place, OnlineLink = OnlineLink, Agenda = agenda,
            }, ct);
            if (scheduled.IsSuccess)
            {
                await mail.NotifyAsync(db, scheduled.Value, NoticeKind.Invitation, ct);
                TempData["Flash"] = "The meeting is scheduled and the invitations are sent.";
                return Redirect($"/meetings/{scheduled.Value}");
            }
            error = scheduled.Error;
        }
        ModelState.Clear();
        error.AddTo(ModelState, "", new Dictionary<string, string> { ["OrganizationId"] = "Org" });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Actor actor, CancellationToken ct)
    {
        Kinds = await MeetingQueries.KindsAsync(db, ct);
        Organization = await MeetingPages.FindAsync(db, actor, Org, Permission.MeetingsManage, ct);
        if (Organization is not null)
            Bodies = await db.Bodies.AsNoTracking().Where(b => b.OrganizationId == Organization.Id).OrderBy(b => b.Name).ToListAsync(ct);
    }
}
