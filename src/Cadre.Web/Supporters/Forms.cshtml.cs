using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Supporters;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Supporters;

[Requires(Permission.SupportersRead)]
public sealed class FormsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<SignupFormRow> Forms { get; private set; } = [];

    public bool CanKeep { get; private set; }

    [BindProperty] public string? Org { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public ConsentPurpose Purpose { get; set; } = ConsentPurpose.News;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Org = await SupporterPages.HomeCodeAsync(db, await actors.GetAsync(ct), Permission.SupportersManage, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await SupporterPages.FindAsync(db, actor, Org, Permission.SupportersRead, ct);
        Error error = new SupporterOrganizationNotFound();
        if (organization is not null)
        {
            var published = await PublishSignupForm.HandleAsync(db, actor, new PublishSignupForm.Request
            {
                OrganizationId = organization.Id, Title = Title ?? "", Text = Text ?? "", Purpose = Purpose,
            }, ct);
            if (published.IsSuccess)
            {
                TempData["Flash"] = $"The form is published at /join/{published.Value.Slug}.";
                return Redirect("/supporters/forms");
            }
            error = published.Error;
        }
        return await FailAsync(error, ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(int formId, bool open, CancellationToken ct)
    {
        var changed = await OpenSignupForm.HandleAsync(db, await actors.GetAsync(ct), formId, open, ct);
        if (changed.IsSuccess)
        {
            TempData["Flash"] = open ? "The form is open." : "The form is closed.";
            return Redirect("/supporters/forms");
        }
        return changed.Error is SignupFormNotFound ? NotFound() : await FailAsync(changed.Error, ct);
    }

    private async Task<IActionResult> FailAsync(Error error, CancellationToken ct)
    {
        ModelState.Clear();
        SupporterPages.AddErrors(ModelState, error);
        await LoadAsync(ct);
        Response.StatusCode = Problems.StatusOf(error);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Forms = await SupporterQueries.FormsAsync(db, actor, ct);
        CanKeep = actor.Has(Permission.SupportersManage);
    }
}
