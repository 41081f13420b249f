using Cadre.Accounts;
using Cadre.Data;
using Cadre.MassOrganizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.MassOrganizations;

[Requires(Permission.MassOrganizationsRead)]
public sealed class MassOrganizationModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public MassOrganizationView? View { get; private set; }

    public Trend? Trend { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBodyAsync(string? name, string? level, int? parentId, CancellationToken ct)
    {
        var formed = await FormMassBody.HandleAsync(db, await actors.GetAsync(ct), Id, new FormMassBody.Request { Name = name ?? "", Level = level ?? "", ParentId = parentId }, ct);
        if (formed.IsSuccess)
        {
            TempData["Flash"] = "The body is added.";
            return Redirect($"/mass-organizations/{Id}");
        }
        if (formed.Error is MassOrganizationNotFound) return NotFound();
        ModelState.Clear();
        MassOrganizationPages.AddErrors(ModelState, formed.Error);
        if (!await LoadAsync(ct)) return NotFound();
        Response.StatusCode = Problems.StatusOf(formed.Error);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var view = await MassOrganizationQueries.GetAsync(db, actor, Id, ct);
        if (!view.IsSuccess) return false;
        View = view.Value;
        var trend = await MassTrend.RunAsync(db, actor, Id, null, MassTrend.ParseMonth(From), MassTrend.ParseMonth(To), ct);
        // A range that is not one falls back to the last 24 months rather than hiding the page.
        Trend = trend.IsSuccess ? trend.Value : (await MassTrend.RunAsync(db, actor, Id, null, null, null, ct)).Value;
        return true;
    }
}
