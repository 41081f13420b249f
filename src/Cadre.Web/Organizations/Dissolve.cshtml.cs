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
public sealed class DissolveModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public sealed record Form
    {
        [StringLength(Cadre.Organizations.Organization.CodeMaxLength)]
        public string? TransferMembersToCode { get; init; }

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
        int? targetId = string.IsNullOrWhiteSpace(Input.TransferMembersToCode)
            ? null
            : await OrganizationCodes.IdOfAsync(db, Input.TransferMembersToCode, ct);
        var result = await DissolveOrganization.HandleAsync(db, await actors.GetAsync(ct), id, new DissolveOrganization.Request(Input.EffectiveOn, targetId), ct);
        if (!result.IsSuccess)
        {
            result.Error.AddTo(ModelState, renames: new Dictionary<string, string> { ["TransferMembersToId"] = "TransferMembersToCode" });
            return Page();
        }
        TempData["Flash"] = "The organization was dissolved.";
        return Redirect($"/organizations/{id}");
    }
}
