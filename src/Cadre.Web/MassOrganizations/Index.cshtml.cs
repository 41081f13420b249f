using Cadre.Accounts;
using Cadre.Data;
using Cadre.MassOrganizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.MassOrganizations;

[Requires(Permission.MassOrganizationsRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<MassOrganizationRow> List { get; private set; } = [];

    public bool CanKeep { get; private set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? ShortName { get; set; }

    [BindProperty] public MassOrganizationKind Kind { get; set; } = MassOrganizationKind.TradeUnion;

    [BindProperty] public string? Org { get; set; }

    [BindProperty] public DateOnly? FoundedOn { get; set; }

    [BindProperty] public string? TopBody { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Org ??= await MassOrganizationPages.HomeCodeAsync(db, await actors.GetAsync(ct), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await MassOrganizationPages.OrganizationIdAsync(db, Org, ct);
        var founded = await FoundMassOrganization.HandleAsync(db, actor, new FoundMassOrganization.Request
        {
            OrganizationId = organization ?? 0, Kind = Kind, Name = Name ?? "", ShortName = ShortName, FoundedOn = FoundedOn, TopBodyName = TopBody,
        }, ct);
        if (founded.IsSuccess)
        {
            TempData["Flash"] = "The mass organization is recorded.";
            return Redirect($"/mass-organizations/{founded.Value.Id}");
        }
        ModelState.Clear();
        MassOrganizationPages.AddErrors(ModelState, founded.Error);
        await LoadAsync(ct);
        Response.StatusCode = Problems.StatusOf(founded.Error);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        List = await MassOrganizationQueries.ListAsync(db, actor, ct);
        CanKeep = actor.Has(Permission.MassOrganizationsManage);
    }
}
