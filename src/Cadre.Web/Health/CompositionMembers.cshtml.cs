using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Health;

/// The members behind one composition count, within the user's scope (members' names need MembersRead as well).
[Requires(Permission.HealthRead)]
public sealed class CompositionMembersModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public string? On { get; set; }

    [BindProperty(SupportsGet = true)] public string? Of { get; set; }

    [BindProperty(SupportsGet = true)] public string? Dimension { get; set; }

    [BindProperty(SupportsGet = true)] public int? Category { get; set; }

    public HealthOrganization? Organization { get; private set; }

    public CompositionMembers? Members { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Organization = await HealthPages.FindAsync(db, actor, Org, ct);
        if (Organization is null) return NotFound();
        var day = HealthApi.Day(On);
        if (!day.IsSuccess)
        {
            Problem = day.Error.Message;
            return Page();
        }
        var members = await CompositionQueries.MembersAsync(db, actor, Organization.Id, day.Value, HealthApi.Parse<CompositionOf>(Of),
            HealthApi.Parse<CompositionDimension>(Dimension), Category, ct);
        if (members.IsSuccess) Members = members.Value;
        else if (members.Error is HealthOrganizationNotFound) return NotFound();
        else Problem = members.Error.Message;
        return Page();
    }
}
