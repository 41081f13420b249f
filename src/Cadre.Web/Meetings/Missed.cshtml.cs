using Cadre.Accounts;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Meetings;

/// The organizations of the user's scope (or below one organization) that missed a required kind of meeting.
[Requires(Permission.MeetingsRead)]
public sealed class MissedModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public int? KindId { get; set; }

    public IReadOnlyList<MissedSchedule> Missed { get; private set; } = [];

    public IReadOnlyList<MeetingKindRow> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Kinds = (await MeetingQueries.KindsAsync(db, ct)).Where(k => k.EveryMonths is not null).ToList();
        int? root = null;
        if (!string.IsNullOrWhiteSpace(Org))
        {
            var organization = await MeetingPages.FindAsync(db, actor, Org, Permission.MeetingsRead, ct);
            if (organization is null) return NotFound();
            root = organization.Id;
        }
        var missed = await MissedSchedules.ListAsync(db, actor, root, KindId, MissedSchedules.MaxRows, ct);
        if (!missed.IsSuccess) return NotFound();
        Missed = missed.Value;
        return Page();
    }
}
