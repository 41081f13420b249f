using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Dues;

[Requires(Permission.DuesRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public string? Code { get; private set; }

    public string ThisMonth { get; private set; } = "";

    public string YearStart { get; private set; } = "";

    public bool CanManage { get; private set; }

    public bool CanEditRules { get; private set; }

    [BindProperty]
    public ExportInput Export { get; set; } = new();

    public sealed record ExportInput
    {
        public string? Org { get; init; }

        public string? From { get; init; }

        public string? To { get; init; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var actor = await actors.GetAsync(ct);
        var output = new StringWriter();
        var result = await ExportDues.HandleAsync(db, actor, new ExportDues.Request(Export.Org ?? "", Export.From, Export.To), output, ct);
        if (result.IsSuccess)
        {
            var r = result.Value;
            return File(System.Text.Encoding.UTF8.GetBytes(output.ToString()), "text/csv",
                $"dues-{r.OrganizationCode}-{Months.Format(r.From)}-{Months.Format(r.To)}.csv");
        }
        if (result.Error is DuesOrganizationNotFound) ModelState.AddModelError("Export.Org", result.Error.Message);
        else result.Error.AddTo(ModelState, "Export");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Code = await DuesPages.HomeCodeAsync(db, actor, ct);
        CanManage = actor.Has(Permission.DuesManage);
        CanEditRules = actor.Has(Permission.SettingsManage);
        var month = Months.Of(db.Today);
        ThisMonth = Months.Format(month);
        YearStart = Months.Format(new DateOnly(month.Year, 1, 1));
    }
}
