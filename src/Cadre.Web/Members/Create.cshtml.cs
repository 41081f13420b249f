using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Members;

[Requires(Permission.MembersManage)]
public sealed class CreateModel(CadreDbContext db, ActorAccessor actors) : PageModel, IMemberForm
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public MemberForms.Lists Lists { get; private set; } = new([], [], []);

    public async Task OnGetAsync(int? organizationId, CancellationToken ct)
    {
        Input = new MemberInput { OrganizationId = organizationId, JoinedOn = db.Today };
        Lists = await MemberForms.LoadListsAsync(db, await actors.GetAsync(ct), null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (ModelState.IsValid)
        {
            var registered = await RegisterMember.HandleAsync(db, actor, new RegisterMember.Request
            {
                Person = Input.Person, OrganizationId = Input.OrganizationId ?? 0, JoinedOn = Input.JoinedOn, Status = Input.Status,
            }, ct);
            if (registered.IsSuccess)
            {
                TempData["Flash"] = $"{Input.Person.GivenName} {Input.Person.FamilyName} is registered with the member number {registered.Value.Number}.";
                return Redirect($"/members/{registered.Value.MemberId}");
            }
            registered.Error.AddMemberErrorTo(ModelState);
        }
        Lists = await MemberForms.LoadListsAsync(db, actor, null, ct);
        return Page();
    }
}
