using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Settings;

[Requires(Permission.SettingsManage)]
public sealed class MembershipModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty]
    public ChangeMembershipRules.Request Input { get; set; } = new(2, 1, false, 12);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rules = await MembershipRules.LoadAsync(db, ct);
        Input = new(rules.SponsorsRequired, rules.SponsorSeniorityYears, rules.RatificationRequired, rules.ProbationMonths);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await ChangeMembershipRules.HandleAsync(db, await actors.GetAsync(ct), Input, ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = "The membership rules are saved.";
            return Redirect("/settings/membership");
        }
        result.Error.AddTo(ModelState);
        return Page();
    }
}
