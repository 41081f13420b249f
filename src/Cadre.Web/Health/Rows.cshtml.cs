using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Health;

/// The rows behind a number: which members lapsed, who is in arrears, which offices are vacant, within the user's scope.
[Requires(Permission.HealthRead)]
public sealed class RowsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    [BindProperty(SupportsGet = true)] public bool Basis { get; set; }

    public HealthOrganization? Organization { get; private set; }

    public RowsBehind? Rows { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Organization = await HealthPages.FindAsync(db, actor, Org, ct);
        if (Organization is null) return NotFound();
        var month = HealthApi.Month(Month);
        if (!month.IsSuccess)
        {
            Problem = month.Error.Message;
            return Page();
        }
        var rows = await HealthQueries.RowsAsync(db, actor, Organization.Id, Indicator, month.Value, Basis, ct);
        if (rows.IsSuccess) Rows = rows.Value;
        else if (rows.Error is HealthOrganizationNotFound) return NotFound();
        else Problem = rows.Error.Message;
        return Page();
    }
}
