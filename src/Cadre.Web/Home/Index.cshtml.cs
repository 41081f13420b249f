using Cadre.Accounts;
using Cadre.Data;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Home;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ActorAccessor actors, CadreDbContext db) : PageModel
{
    public Actor Actor { get; private set; } = Actor.Anonymous;

    public List<string> Grants { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor = await actors.GetAsync(ct);
        var ids = Actor.Grants.Where(g => g.OrganizationId is not null).Select(g => g.OrganizationId!.Value).ToList();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        foreach (var (role, organizationId) in Actor.Grants)
            Grants.Add(organizationId is { } id ? $"{Permissions.Describe(role)} of {names.GetValueOrDefault(id, "?")}" : Permissions.Describe(role));
    }
}
