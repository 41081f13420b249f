using Cadre.Accounts;
using Cadre.Data;
using Cadre.Supporters;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Supporters;

/// Corrects a supporter's own data. The contacts are offered only where a live consent lets the editor see them.
[Requires(Permission.SupportersManage)]
public sealed class EditModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    [BindProperty] public SupporterInput Input { get; set; } = new();

    [BindProperty] public int ExpectedVersion { get; set; }

    public SupporterView? Supporter { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !Supporter!.CanKeep || Supporter.ErasedOn is not null) return NotFound();
        var s = Supporter;
        Input = new SupporterInput
        {
            Name = s.Name, Email = s.Contact?.Email, Phone = s.Contact?.Phone, Address = s.Contact?.Address, Source = s.Source,
            Interests = string.Join(", ", s.Interests), Notes = s.Notes,
        };
        ExpectedVersion = s.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var updated = await UpdateSupporter.HandleAsync(db, await actors.GetAsync(ct), Id, new UpdateSupporter.Request
        {
            Details = Input.ToDetails(), Source = Input.Source, ExpectedVersion = ExpectedVersion,
        }, ct);
        if (updated.IsSuccess)
        {
            TempData["Flash"] = "The supporter's data is corrected.";
            return Redirect($"/supporters/{Id}");
        }
        if (updated.Error is SupporterNotFound || !await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        SupporterPages.AddErrors(ModelState, updated.Error);
        Response.StatusCode = Problems.StatusOf(updated.Error);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await SupporterQueries.GetAsync(db, await actors.GetAsync(ct), Id, ct);
        Supporter = view.IsSuccess ? view.Value : null;
        return view.IsSuccess;
    }
}
