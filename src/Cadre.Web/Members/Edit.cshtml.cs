using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Members;

[Requires(Permission.MembersManage)]
public sealed class EditModel(CadreDbContext db, ActorAccessor actors) : PageModel, IMemberForm
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public MemberForms.Lists Lists { get; private set; } = new([], [], []);

    public MemberDetails Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Input = new MemberInput
        {
            Person = Member.Person, OrganizationId = Member.OrganizationId, JoinedOn = Member.JoinedOn, Status = Member.Status,
            ExpectedVersion = Member.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid)
        {
            // The version travels in a hidden field: if it is unreadable the user cannot fix it, only reload.
            if (ModelState.TryGetValue("Input.ExpectedVersion", out var version) && version.Errors.Count > 0)
                ModelState.AddModelError("", "The form was damaged in transit. Reload the page and enter the changes again.");
            return Page();
        }
        var updated = await UpdateMember.HandleAsync(db, await actors.GetAsync(ct), id, new UpdateMember.Request
        {
            Person = Input.Person, OrganizationId = Input.OrganizationId, JoinedOn = Input.JoinedOn ?? Member.JoinedOn,
            Status = Input.Status, ExpectedVersion = Input.ExpectedVersion,
        }, ct);
        if (updated.IsSuccess)
        {
            TempData["Flash"] = "The member's data is saved.";
            return Redirect($"/members/{id}");
        }
        switch (updated.Error)
        {
            case NotFoundError:
                return NotFound();
            case ConcurrentChange:
                // Show what is stored now: the form keeps the user's values, the version moves on so a second save is deliberate.
                ModelState.AddModelError("", "Someone else changed this member while you were editing. The stored values are shown below the form; saving again will overwrite them.");
                ModelState.Remove("Input.ExpectedVersion");
                Input = Input with { ExpectedVersion = Member.Version };
                ShowStored = true;
                break;
            default:
                updated.Error.AddMemberErrorTo(ModelState);
                break;
        }
        return Page();
    }

    public bool ShowStored { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var found = await MemberQueries.GetAsync(db, actor, id, ct);
        if (!found.IsSuccess) return NotFound();
        Member = found.Value;
        if (!Member.CanEdit) return Forbid();
        Lists = await MemberForms.LoadListsAsync(db, actor, (Member.OrganizationId, Member.OrganizationName), ct);
        return null;
    }
}
