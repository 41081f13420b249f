using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

[Requires(Permission.OwnProfile)]
public sealed class MineModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public MyEducationView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await MyEducation.ForAsync(db, await actors.GetAsync(ct), ct);
        if (mine.IsSuccess) View = mine.Value;
    }
}
