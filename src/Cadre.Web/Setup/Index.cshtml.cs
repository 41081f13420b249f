using Cadre.Accounts;
using Cadre.Data;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Setup;

[AllowAnonymous]
public sealed class IndexModel(CadreDbContext db, UserManager<CadreUser> users, SignInManager<CadreUser> signIn) : PageModel
{
    [BindProperty]
    public SetUpFirstAdministrator.Request Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await SetUpFirstAdministrator.IsNeededAsync(db, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await SetUpFirstAdministrator.IsNeededAsync(db, ct)) return NotFound();
        ModelState.Clear();
        var result = await SetUpFirstAdministrator.HandleAsync(db, users, Input, ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState);
            return Page();
        }
        await signIn.SignInAsync(result.Value, isPersistent: false);
        TempData["Flash"] = "Cadre is set up. Create the top of your organization tree next.";
        return Redirect("/organizations");
    }
}
