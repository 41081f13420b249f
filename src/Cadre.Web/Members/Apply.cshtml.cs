using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Members;

[Requires(Permission.MembersManage)]
public sealed class ApplyModel(CadreDbContext db, ActorAccessor actors) : PageModel, IMemberForm
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    /// The sponsors' member numbers, separated by spaces or commas.
    [BindProperty]
    public string? Sponsors { get; set; }

    public MembershipRules Rules { get; private set; } = null!;

    public MemberForms.Lists Lists { get; private set; } = new([], [], []);

    public async Task OnGetAsync(int? organizationId, CancellationToken ct)
    {
        Input = new MemberInput { OrganizationId = organizationId, JoinedOn = db.Today };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var numbers = (Sponsors ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var submitted = await SubmitApplication.HandleAsync(db, await actors.GetAsync(ct), new SubmitApplication.Request
            {
                Person = Input.Person, OrganizationId = Input.OrganizationId ?? 0, On = Input.JoinedOn, Sponsors = numbers,
            }, ct);
            if (submitted.IsSuccess)
            {
                TempData["Flash"] = $"The application of {Input.Person.GivenName} {Input.Person.FamilyName} is recorded with the number {submitted.Value.Number}.";
                return Redirect($"/members/{submitted.Value.MemberId}");
            }
            submitted.Error.AddMemberErrorTo(ModelState);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lists = await MemberForms.LoadListsAsync(db, await actors.GetAsync(ct), null, ct);
        Rules = await MembershipRules.LoadAsync(db, ct);
    }
}
