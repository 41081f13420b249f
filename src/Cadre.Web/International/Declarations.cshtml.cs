using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalRead)]
public sealed class DeclarationsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<DeclarationRow> Declarations { get; private set; } = [];

    public bool CanKeep { get; private set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Org { get; set; }

    [BindProperty] public DateOnly? AdoptedOn { get; set; }

    [BindProperty] public string? Place { get; set; }

    [BindProperty] public string? Language { get; set; }

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public bool IsPublic { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Org = await InternationalPages.HomeCodeAsync(db, await actors.GetAsync(ct), Permission.InternationalManage, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await InternationalPages.FindAsync(db, actor, Org, Permission.InternationalRead, ct);
        Cadre.Common.Error error = new InternationalOrganizationNotFound();
        if (organization is not null && AdoptedOn is { } on)
        {
            var adopted = await AdoptDeclaration.HandleAsync(db, actor, new AdoptDeclaration.Request
            {
                OrganizationId = organization.Id, Title = Title ?? "", AdoptedOn = on, Place = Place, Language = Language ?? "", Text = Text ?? "", IsPublic = IsPublic,
            }, ct);
            if (adopted.IsSuccess)
            {
                TempData["Flash"] = "The declaration is recorded: add its signatories.";
                return Redirect($"/international/declarations/{adopted.Value}");
            }
            error = adopted.Error;
        }
        else if (organization is not null) error = new Cadre.Common.InvalidField("AdoptedOn", "Give the date of adoption.");
        ModelState.Clear();
        InternationalPages.AddErrors(ModelState, error);
        await LoadAsync(ct);
        Response.StatusCode = Problems.StatusOf(error);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Declarations = await DeclarationQueries.ListAsync(db, actor, ct);
        CanKeep = actor.Has(Permission.InternationalManage);
    }
}
