using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Organizations;

/// Search results as an htmx fragment.
[Requires(Permission.OrganizationsRead)]
public sealed class SearchModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public string? Q { get; private set; }

    public IReadOnlyList<OrganizationSummary> Results { get; private set; } = [];

    public async Task OnGetAsync(string? search, CancellationToken ct)
    {
        Q = search;
        Results = await OrganizationQueries.SearchAsync(db, await actors.GetAsync(ct), search, 50, ct);
    }
}
