using Cadre.Accounts;
using Cadre.Data;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Organizations;

/// The children of one node, as an htmx fragment.
[Requires(Permission.OrganizationsRead)]
public sealed class TreeModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public TreeNodes Nodes { get; private set; } = new([]);

    public async Task<IActionResult> OnGetAsync(int parentId, DateOnly? on, CancellationToken ct)
    {
        var nodes = await IndexModel.LoadAsync(db, await actors.GetAsync(ct), on, parentId, ct);
        if (nodes is null) return NotFound();
        Nodes = nodes;
        return Page();
    }
}
