using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Meetings;

/// An organization's meetings, the latest first.
[Requires(Permission.MeetingsRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public MeetingOrganization? Organization { get; private set; }

    public CursorPage<MeetingRow>? Meetings { get; private set; }

    public bool CanManage { get; private set; }

    /// Meeting kinds (quorum rules, required frequencies) are party-wide settings, for administrators.
    public bool CanEditKinds { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        CanEditKinds = actor.Has(Permission.SettingsManage);
        Org ??= await MeetingPages.HomeCodeAsync(db, actor, Permission.MeetingsRead, ct);
        if (Org is null) return Page();
        Organization = await MeetingPages.FindAsync(db, actor, Org, Permission.MeetingsRead, ct);
        if (Organization is null) return NotFound();
        var meetings = await MeetingQueries.ListAsync(db, actor, Organization.Id, Cursor, 50, ct);
        if (!meetings.IsSuccess) return BadRequest();
        Meetings = meetings.Value;
        CanManage = await actor.CanAsync(db, Permission.MeetingsManage, Organization.Id, ct);
        return Page();
    }
}
