using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cadre.Web.Organizations;

[Requires(Permission.OrganizationsManage)]
public sealed class CreateModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? ParentId { get; set; }

    [BindProperty]
    public CreateOrganization.Request Input { get; set; } = new();

    public OrganizationDetails? Parent { get; private set; }

    public List<SelectListItem> LevelChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = Input with { FoundedOn = db.Today, LevelId = LevelChoices.Count > 0 ? int.Parse(LevelChoices[0].Value, System.Globalization.CultureInfo.InvariantCulture) : 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        var result = await CreateOrganization.HandleAsync(db, await actors.GetAsync(ct), Input with { ParentId = ParentId }, ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = $"{Input.Name.Trim()} was created.";
        return Redirect($"/organizations/{result.Value}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var levels = await OrganizationQueries.LevelsAsync(db, ct);
        if (ParentId is { } parentId)
        {
            var parent = await OrganizationQueries.GetAsync(db, actor, parentId, ct);
            if (!parent.IsSuccess || !parent.Value.CanManage) return false;
            Parent = parent.Value;
            var parentRank = levels.Single(l => l.Id == Parent.LevelId).Rank;
            levels = levels.Where(l => l.Rank > parentRank).ToList();
        }
        else
        {
            if (!actor.IsAdministrator) return false;
            levels = levels.Where(l => l.Rank == 0).ToList();
        }
        LevelChoices = levels.Select(l => new SelectListItem(l.Name, l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return true;
    }
}
