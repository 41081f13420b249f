using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Dues;

[Requires(Permission.OwnProfile)]
public sealed class MineModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public MemberDues Dues { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var own = await DuesQueries.OwnAsync(db, await actors.GetAsync(ct), ct);
        if (!own.IsSuccess) return NotFound();
        Dues = own.Value;
        return Page();
    }
}
