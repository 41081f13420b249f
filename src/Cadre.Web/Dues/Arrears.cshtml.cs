using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Dues;

[Requires(Permission.DuesRead)]
public sealed class ArrearsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public DuesOrganization Organization { get; private set; } = null!;

    public ArrearsReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? org, int? months, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await DuesPages.FindAsync(db, actor, org, Permission.DuesRead, ct);
        if (organization is null) return NotFound();
        var report = await DuesQueries.ArrearsAsync(db, actor, organization.Id, Math.Clamp(months ?? 1, 1, 120), ct);
        if (!report.IsSuccess) return NotFound();
        Organization = organization;
        Report = report.Value;
        return Page();
    }
}
