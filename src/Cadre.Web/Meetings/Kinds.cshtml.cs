using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Meetings;

/// The kinds of meeting: each one's quorum rule, required frequency and the level that must keep it; administrators change
/// them and define new ones.
[Requires(Permission.SettingsManage)]
public sealed class KindsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<MeetingKindRow> Kinds { get; private set; } = [];

    public IReadOnlyList<Level> Levels { get; private set; } = [];

    /// The kind whose form answered with an error (0: the new kind's form).
    public int? FailedKind { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostChangeAsync(int id, string? name, QuorumRule quorum, int? everyMonths, int? levelId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await FailedAsync(id, new InvalidField("Quorum", "Choose a quorum rule; the frequency is a whole number of months."), ct);
        var changed = await DefineMeetingKind.ChangeAsync(db, await actors.GetAsync(ct), id, KindRequest(name, quorum, everyMonths, levelId), ct);
        if (changed.Error is MeetingKindNotFound) return NotFound();
        if (!changed.IsSuccess) return await FailedAsync(id, changed.Error, ct);
        TempData["Flash"] = $"The kind \"{name?.Trim()}\" is changed.";
        return Redirect("/meetings/kinds");
    }

    public async Task<IActionResult> OnPostDefineAsync(string? name, QuorumRule quorum, int? everyMonths, int? levelId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await FailedAsync(0, new InvalidField("Quorum", "Choose a quorum rule; the frequency is a whole number of months."), ct);
        var defined = await DefineMeetingKind.HandleAsync(db, await actors.GetAsync(ct), KindRequest(name, quorum, everyMonths, levelId), ct);
        if (!defined.IsSuccess) return await FailedAsync(0, defined.Error, ct);
        TempData["Flash"] = $"The kind \"{name?.Trim()}\" is defined.";
        return Redirect("/meetings/kinds");
    }

    private static DefineMeetingKind.Request KindRequest(string? name, QuorumRule quorum, int? everyMonths, int? levelId) =>
        new() { Name = name ?? "", Quorum = quorum, EveryMonths = everyMonths, LevelId = levelId };

    private async Task<IActionResult> FailedAsync(int kind, Error error, CancellationToken ct)
    {
        ModelState.Clear();
        foreach (var message in error is ValidationFailed v ? v.Errors.Select(e => e.Message) : [error.Message]) ModelState.AddModelError("", message);
        FailedKind = kind;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Kinds = await MeetingQueries.KindsAsync(db, ct);
        Levels = await db.Levels.AsNoTracking().OrderBy(l => l.Rank).ToListAsync(ct);
    }
}
