using Cadre.Data;
using Cadre.International;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

/// A declaration its keepers chose to publish: readable by anyone, with its current signatories only (decision 0062).
[AllowAnonymous]
public sealed class PublicDeclarationModel(CadreDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public DeclarationView? Declaration { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await DeclarationQueries.PublicAsync(db, Id, ct);
        if (!view.IsSuccess) return NotFound();
        Declaration = view.Value;
        return Page();
    }
}
