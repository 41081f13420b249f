using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Settings;

[Requires(Permission.SettingsManage)]
public sealed class LevelsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty]
    public AddLevel.Request Input { get; set; } = new();

    public List<Level> Levels { get; private set; } = [];

    public Dictionary<int, int> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new AddLevel.Request { Rank = Levels.Count };
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await AddLevel.HandleAsync(db, await actors.GetAsync(ct), Input, ct);
        return await AfterAsync(result.IsSuccess ? null : result.Error, $"The level {Input.Name.Trim()} was added.", ct);
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string name, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await RenameLevel.HandleAsync(db, await actors.GetAsync(ct), id, name, ct);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "The level was renamed.", ct, summary: true);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await RemoveLevel.HandleAsync(db, await actors.GetAsync(ct), id, ct);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "The level was removed.", ct);
    }

    private async Task<IActionResult> AfterAsync(Error? error, string flash, CancellationToken ct, bool summary = false)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect("/settings/levels");
        }
        if (summary) ModelState.AddModelError("", error.Message);
        else error.AddTo(ModelState);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Levels = await OrganizationQueries.LevelsAsync(db, ct);
        Counts = await db.Organizations.GroupBy(o => o.LevelId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
