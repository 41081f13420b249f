using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

[Requires(Permission.SettingsManage)]
public sealed class SettingsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public bool Block { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Block = (await ChangeEducationSettings.LoadAsync(db, ct)).RequiredCoursesBlockConfirmation;

    public async Task<IActionResult> OnPostAsync(bool block, CancellationToken ct)
    {
        var result = await ChangeEducationSettings.HandleAsync(db, await actors.GetAsync(ct), new ChangeEducationSettings.Request(block), ct);
        if (!result.IsSuccess) return Forbid();
        TempData["Flash"] = block ? "Missing required courses now block a confirmation." : "Missing required courses are shown but do not block a confirmation.";
        return Redirect("/education/settings");
    }
}
