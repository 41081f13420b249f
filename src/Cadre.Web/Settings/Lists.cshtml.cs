using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Settings;

[Requires(Permission.SettingsManage)]
public sealed class ListsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty]
    public AddClassifier.Request Input { get; set; } = new();

    public List<Classifier> Occupations { get; private set; } = [];

    public List<Classifier> Education { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await AddClassifier.HandleAsync(db, await actors.GetAsync(ct), Input, ct);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "The entry was added.", ct);
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string name, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await RenameClassifier.HandleAsync(db, await actors.GetAsync(ct), id, name, ct);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "The entry was renamed.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await RemoveClassifier.HandleAsync(db, await actors.GetAsync(ct), id, ct);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "The entry was removed.", ct);
    }

    private async Task<IActionResult> AfterAsync(Error? error, string flash, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect("/settings/lists");
        }
        // The list forms are small; every error goes to the summary at the top.
        var messages = error is ValidationFailed v ? v.Errors.Select(e => e.Message) : [error.Message];
        foreach (var message in messages) ModelState.AddModelError("", message);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Occupations = await MemberQueries.ClassifiersAsync(db, ClassifierKind.Occupation, ct);
        Education = await MemberQueries.ClassifiersAsync(db, ClassifierKind.Education, ct);
    }
}
