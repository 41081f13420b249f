using Cadre.Accounts;
using Cadre.Data;
using Cadre.Supporters;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Supporters;

[Requires(Permission.SupportersManage)]
public sealed class NewModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty] public string? Org { get; set; }

    [BindProperty] public SupporterInput Input { get; set; } = new();

    [BindProperty] public List<ConsentPurpose> Purposes { get; set; } = [];

    [BindProperty] public ConsentMethod How { get; set; } = ConsentMethod.Paper;

    public async Task OnGetAsync(CancellationToken ct) =>
        Org = await SupporterPages.HomeCodeAsync(db, await actors.GetAsync(ct), Permission.SupportersManage, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await SupporterPages.FindAsync(db, actor, Org, Permission.SupportersRead, ct);
        Cadre.Common.Error error = new SupporterOrganizationNotFound();
        if (organization is not null)
        {
            var registered = await RegisterSupporter.HandleAsync(db, actor, new RegisterSupporter.Request
            {
                OrganizationId = organization.Id, Details = Input.ToDetails(), Source = Input.Source,
                Consents = Purposes.Distinct().Select(p => new RegisterSupporter.ConsentGiven(p, How)).ToList(),
            }, ct);
            if (registered.IsSuccess)
            {
                TempData["Flash"] = $"{Input.Name?.Trim()} is registered as a supporter.";
                return Redirect($"/supporters/{registered.Value}");
            }
            error = registered.Error;
        }
        ModelState.Clear();
        SupporterPages.AddErrors(ModelState, error);
        Response.StatusCode = Problems.StatusOf(error);
        return Page();
    }
}
