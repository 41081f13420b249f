using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Health;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Health;

/// The warnings of a subtree; those who answer for an organization mark them seen, acknowledge and resolve them with a note.
[Requires(Permission.HealthRead)]
public sealed class WarningsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    [BindProperty] public string? Note { get; set; }

    public HealthOrganization? Organization { get; private set; }

    public IReadOnlyList<WarningRow> Warnings { get; private set; } = [];

    public bool CanManage { get; private set; }

    public string? Problem { get; private set; }

    public string? Done { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostSeenAsync(int id, CancellationToken ct) =>
        ActAsync((a, c) => SeeWarning.HandleAsync(db, a, id, c), "Marked as seen.", ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct) =>
        ActAsync((a, c) => AcknowledgeWarning.HandleAsync(db, a, id, new WarningNote(Note), c), "Acknowledged.", ct);

    public Task<IActionResult> OnPostResolveAsync(int id, CancellationToken ct) =>
        ActAsync((a, c) => ResolveWarning.HandleAsync(db, a, id, new WarningNote(Note), c), "Resolved.", ct);

    private async Task<IActionResult> ActAsync(Func<Actor, CancellationToken, Task<Result<Cadre.Common.Done>>> act, string done, CancellationToken ct)
    {
        var result = await act(await actors.GetAsync(ct), ct);
        if (!result.IsSuccess && result.Error is WarningNotFound or HealthNotPermitted) return NotFound();
        if (result.IsSuccess) Done = done;
        else Problem = result.Error.Message;
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Org ??= await HealthPages.HomeCodeAsync(db, actor, ct);
        Organization = await HealthPages.FindAsync(db, actor, Org, ct);
        if (Organization is null) return NotFound();
        CanManage = actor.Has(Permission.HealthManage) && await actor.CanAsync(db, Permission.HealthManage, Organization.Id, ct);
        var warnings = await HealthQueries.WarningsAsync(db, actor, Organization.Id, open: !All, ct);
        Warnings = warnings.IsSuccess ? warnings.Value : [];
        return Page();
    }
}
