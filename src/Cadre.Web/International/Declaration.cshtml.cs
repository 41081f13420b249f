using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalRead)]
public sealed class DeclarationModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public DeclarationView? Declaration { get; private set; }

    public DeclarationStatistics? Statistics { get; private set; }

    public IReadOnlyList<PartyRow> Candidates { get; private set; } = [];

    public bool CanKeep { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSignAsync(int[]? partyIds, DateOnly? signedOn, CancellationToken ct) =>
        RunAsync(a => SignDeclaration.HandleAsync(db, a, Id, new SignDeclaration.Request(partyIds ?? [], signedOn ?? default), ct), "The signatories are added.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(int partyId, DateOnly? on, string? note, CancellationToken ct) =>
        RunAsync(a => WithdrawSignatory.HandleAsync(db, a, Id, new WithdrawSignatory.Request(partyId, on ?? db.Today, note), ct), "The withdrawal is recorded.", ct);

    public Task<IActionResult> OnPostTextAsync(string? language, string? text, CancellationToken ct) =>
        RunAsync(a => ReviseDeclaration.AddTextAsync(db, a, Id, new ReviseDeclaration.TextRequest(language ?? "", text ?? ""), ct), "The text is added.", ct);

    public Task<IActionResult> OnPostPublishAsync(bool isPublic, CancellationToken ct) =>
        RunAsync(a => ReviseDeclaration.PublishAsync(db, a, Id, isPublic, ct), isPublic ? "The declaration has a public page." : "The public page is withdrawn.", ct);

    private async Task<IActionResult> RunAsync<T>(Func<Actor, Task<Result<T>>> action, string done, CancellationToken ct)
    {
        var result = await action(await actors.GetAsync(ct));
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return Redirect($"/international/declarations/{Id}");
        }
        if (result.Error is DeclarationNotFound) return NotFound();
        ModelState.Clear();
        InternationalPages.AddErrors(ModelState, result.Error);
        if (!await LoadAsync(ct)) return NotFound();
        Response.StatusCode = Problems.StatusOf(result.Error);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var view = await DeclarationQueries.GetAsync(db, actor, Id, ct);
        if (!view.IsSuccess) return false;
        Declaration = view.Value;
        Statistics = (await DeclarationQueries.StatisticsAsync(db, actor, Id, ct)).Value;
        CanKeep = await actor.CanAsync(db, Permission.InternationalManage, view.Value.OrganizationId, ct);
        if (CanKeep && !string.IsNullOrWhiteSpace(Q))
        {
            var signed = view.Value.Signatories.Select(s => s.PartyId).ToHashSet();
            var found = await PartyQueries.ListAsync(db, new PartyFilter { Query = Q, Take = 30 }, ct);
            if (found.IsSuccess) Candidates = found.Value.Items.Where(p => !signed.Contains(p.Id)).ToList();
        }
        return true;
    }
}
