using Cadre.Accounts;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Meetings;

/// A member's own meetings: what is coming in their organizations and their attendance record.
[Requires(Permission.OwnProfile)]
public sealed class MineModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public MyMeetingsView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await MyMeetings.ForAsync(db, await actors.GetAsync(ct), ct);
        View = mine.IsSuccess ? mine.Value : null;
    }
}
