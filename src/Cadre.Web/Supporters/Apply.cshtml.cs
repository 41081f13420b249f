using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Supporters;
using Cadre.Web.Infrastructure;
using Cadre.Web.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Supporters;

/// The membership application form, prefilled from the supporter; submitting it links the supporter to the new applicant.
[Requires(Permission.SupportersManage)]
public sealed class ApplyModel(CadreDbContext db, ActorAccessor actors) : PageModel, IMemberForm
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    [BindProperty] public MemberInput Input { get; set; } = new();

    [BindProperty] public string? Sponsors { get; set; }

    public SupporterView? Supporter { get; private set; }

    public MembershipRules Rules { get; private set; } = null!;

    public MemberForms.Lists Lists { get; private set; } = new([], [], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var s = Supporter!;
        if (!s.CanKeep || s.MemberId is not null || s.ErasedOn is not null) return Redirect($"/supporters/{Id}");
        var space = s.Name.LastIndexOf(' ');
        // The contacts are prefilled only when the supporter consented to being contacted; the secretary types them otherwise.
        Input = new MemberInput
        {
            Person = new PersonalData
            {
                GivenName = space > 0 ? s.Name[..space] : s.Name, FamilyName = space > 0 ? s.Name[(space + 1)..] : "",
                Email = s.Contact?.Email, Phone = s.Contact?.Phone, Address = s.Contact?.Address,
            },
            OrganizationId = Lists.Organizations.Any(o => o.Value == s.OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)) ? s.OrganizationId : null,
            JoinedOn = db.Today,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var numbers = (Sponsors ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var submitted = await ConvertSupporter.HandleAsync(db, await actors.GetAsync(ct), Id, new ConvertSupporter.Request
            {
                Person = Input.Person, OrganizationId = Input.OrganizationId ?? 0, On = Input.JoinedOn, Sponsors = numbers,
            }, ct);
            if (submitted.IsSuccess)
            {
                TempData["Flash"] = $"The application of {Input.Person.GivenName} {Input.Person.FamilyName} is recorded with the number {submitted.Value.Number}.";
                return Redirect($"/members/{submitted.Value.MemberId}");
            }
            if (submitted.Error is SupporterNotFound) return NotFound();
            submitted.Error.AddMemberErrorTo(ModelState);
            Response.StatusCode = Problems.StatusOf(submitted.Error);
        }
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var view = await SupporterQueries.GetAsync(db, actor, Id, ct);
        if (!view.IsSuccess) return false;
        Supporter = view.Value;
        Lists = await MemberForms.LoadListsAsync(db, actor, null, ct);
        Rules = await MembershipRules.LoadAsync(db, ct);
        return true;
    }
}
