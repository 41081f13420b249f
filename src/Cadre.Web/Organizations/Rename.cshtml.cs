using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Organizations;

[Requires(Permission.OrganizationsManage)]
public sealed class RenameModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty]
    public RenameOrganization.Request Input { get; set; } = new();

    public OrganizationDetails Organization { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ManagedAsync(db, actors, id, ct) is not { } organization) return NotFound();
        Organization = organization;
        Input = new RenameOrganization.Request { Name = organization.Name, Code = organization.Code, EffectiveOn = db.Today, ExpectedVersion = organization.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await ManagedAsync(db, actors, id, ct) is not { } organization) return NotFound();
        Organization = organization;
        ModelState.Clear();
        var result = await RenameOrganization.HandleAsync(db, await actors.GetAsync(ct), id, Input, ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = "The organization was renamed.";
        return Redirect($"/organizations/{id}");
    }

    /// The organization when the user may change it and it is active; otherwise null (the page answers 404).
    internal static async Task<OrganizationDetails?> ManagedAsync(CadreDbContext db, ActorAccessor actors, int id, CancellationToken ct)
    {
        var found = await OrganizationQueries.GetAsync(db, await actors.GetAsync(ct), id, ct);
        return found.IsSuccess && found.Value.CanManage && found.Value.Status == OrganizationStatus.Active ? found.Value : null;
    }
}
