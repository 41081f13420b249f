using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Library;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

[Requires(Permission.LibraryRead)]
public sealed class DiffModel(CadreDbContext db) : PageModel
{
    public DocumentDiff Diff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int from, int to, CancellationToken ct)
    {
        var diff = await LibraryQueries.DiffAsync(db, id, from, to, ct);
        if (!diff.IsSuccess) return NotFound();
        Diff = diff.Value;
        return Page();
    }
}
