using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Dues;

[Requires(Permission.DuesRead)]
public sealed class SharesModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public DuesOrganization Organization { get; private set; } = null!;

    public SharesReport? Report { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? org, string? from, string? to, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await DuesPages.FindAsync(db, actor, org, Permission.DuesRead, ct);
        if (organization is null) return NotFound();
        Organization = organization;
        var thisMonth = Months.Of(db.Today);
        var first = from is null ? new DateOnly(thisMonth.Year, 1, 1) : Months.Parse(from);
        var last = to is null ? thisMonth : Months.Parse(to);
        if (first is null || last is null)
        {
            Problem = new NotAMonth("From").Message;
            return Page();
        }
        var report = await DuesSharesReport.RunAsync(db, actor, organization.Id, first.Value, last.Value, ct);
        if (report.Error is DuesOrganizationNotFound) return NotFound();
        if (report.IsSuccess) Report = report.Value;
        else Problem = report.Error.Message;
        return Page();
    }
}
