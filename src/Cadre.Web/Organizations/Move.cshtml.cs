using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Organizations;

[Requires(Permission.OrganizationsManage)]
public sealed class MoveModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public sealed record Form
    {
        [Required(ErrorMessage = "Give the code of the new parent.")]
        [StringLength(Cadre.Organizations.Organization.CodeMaxLength)]
        public string NewParentCode { get; init; } = "";

        public DateOnly? EffectiveOn { get; init; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public OrganizationDetails Organization { get; private set; } = null!;

    public IReadOnlyList<OrganizationSummary> Suggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new Form { EffectiveOn = db.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var parentId = await OrganizationCodes.IdOfAsync(db, Input.NewParentCode, ct);
        var result = await MoveOrganization.HandleAsync(db, await actors.GetAsync(ct), id, new MoveOrganization.Request(parentId, Input.EffectiveOn), ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState, renames: new Dictionary<string, string> { ["NewParentId"] = "NewParentCode", ["ParentId"] = "NewParentCode" });
            return Page();
        }
        TempData["Flash"] = "The organization was moved with everything below it.";
        return Redirect($"/organizations/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await RenameModel.ManagedAsync(db, actors, id, ct) is not { } organization) return false;
        Organization = organization;
        // Suggest the organizations of the parent's level that the user manages.
        var actor = await actors.GetAsync(ct);
        var parentLevel = await db.Organizations.Where(o => o.Id == organization.ParentId).Select(o => (int?)o.LevelId).SingleOrDefaultAsync(ct);
        var query = db.Organizations.AsNoTracking().Where(o => o.LevelId == parentLevel && o.Status == OrganizationStatus.Active && o.Id != organization.ParentId);
        var scope = actor.Scope(db, Permission.OrganizationsManage);
        if (scope is not null) query = query.Where(o => scope.Contains(o.Id));
        Suggestions = await query.OrderBy(o => o.Name).Take(200)
            .Select(o => new OrganizationSummary(o.Id, o.Code, o.Name, "", o.Status, o.ParentId, false)).ToListAsync(ct);
        return true;
    }
}
