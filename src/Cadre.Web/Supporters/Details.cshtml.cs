using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Supporters;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Supporters;

[Requires(Permission.SupportersRead)]
public sealed class DetailsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public SupporterView? Supporter { get; private set; }

    public DateOnly Today => db.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConsentAsync(ConsentPurpose purpose, ConsentMethod how, DateOnly? on, CancellationToken ct) =>
        await AfterAsync(await RecordConsent.HandleAsync(db, await actors.GetAsync(ct), Id, new RecordConsent.Request(purpose, how, on), ct),
            "The consent is recorded.", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int consentId, CancellationToken ct) =>
        await AfterAsync(await WithdrawConsent.HandleAsync(db, await actors.GetAsync(ct), Id, consentId, new WithdrawConsent.Request(), ct),
            "The withdrawal of the consent is recorded.", ct);

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct) =>
        await AfterAsync(await EraseSupporter.HandleAsync(db, await actors.GetAsync(ct), Id, ct), "The supporter's personal data is erased.", ct);

    private async Task<IActionResult> AfterAsync<T>(Result<T> result, string flash, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = flash;
            return Redirect($"/supporters/{Id}");
        }
        if (result.Error is SupporterNotFound) return NotFound();
        if (!await LoadAsync(ct)) return NotFound();
        SupporterPages.AddErrors(ModelState, result.Error);
        Response.StatusCode = Problems.StatusOf(result.Error);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await SupporterQueries.GetAsync(db, await actors.GetAsync(ct), Id, ct);
        Supporter = view.IsSuccess ? view.Value : null;
        return view.IsSuccess;
    }
}
