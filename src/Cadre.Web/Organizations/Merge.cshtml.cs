using Cadre.Accounts;
using System.ComponentModel.DataAnnotations;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Organizations;

[Requires(Permission.OrganizationsManage)]
public sealed class MergeModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public sealed record Form
    {
        [Required(ErrorMessage = "Give the code of the organization that remains.")]
        [StringLength(Cadre.Organizations.Organization.CodeMaxLength)]
        public string TargetCode { get; init; } = "";

        public DateOnly? EffectiveOn { get; init; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public OrganizationDetails Organization { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await RenameModel.ManagedAsync(db, actors, id, ct) is not { } organization) return NotFound();
        Organization = organization;
        Input = new Form { EffectiveOn = db.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await RenameModel.ManagedAsync(db, actors, id, ct) is not { } organization) return NotFound();
        Organization = organization;
        if (!ModelState.IsValid) return Page();
        var targetId = await OrganizationCodes.IdOfAsync(db, Input.TargetCode, ct);
        var result = await MergeOrganizations.HandleAsync(db, await actors.GetAsync(ct), id, new MergeOrganizations.Request(targetId, Input.EffectiveOn), ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState, renames: new Dictionary<string, string> { ["TargetId"] = "TargetCode" });
            return Page();
        }
        TempData["Flash"] = $"{organization.Name} was merged into {Cadre.Organizations.Organization.NormalizeCode(Input.TargetCode)}.";
        return Redirect($"/organizations/{targetId}");
    }
}
