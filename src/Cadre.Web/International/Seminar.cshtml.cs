using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.International;
using Cadre.International.Seminars;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.International;

[Requires(Permission.InternationalRead)]
public sealed class SeminarModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public SeminarView? Seminar { get; private set; }

    public IReadOnlyList<PartyRow> Candidates { get; private set; } = [];

    public bool CanKeep { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostParticipantAsync(int partyId, string? delegates, CancellationToken ct) =>
        RunAsync(a => AdmitSeminarParticipant.HandleAsync(db, a, Id, new AdmitSeminarParticipant.Request { PartyId = partyId, Delegates = ParseDelegates(delegates) }, ct),
            "The party is added.", ct);

    public async Task<IActionResult> OnPostPaperAsync(string? title, string? author, int? partyId, string? document, CancellationToken ct)
    {
        // The document is named by its library key (or its number); one that is not there is refused by the use case.
        int? documentId = null;
        if (!string.IsNullOrWhiteSpace(document))
        {
            var text = document.Trim();
            var key = text.ToLowerInvariant();
            documentId = int.TryParse(text, out var number) ? number
                : await db.Documents.Where(d => d.Key == key).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct) ?? -1;
        }
        return await RunAsync(a => PresentSeminarPaper.HandleAsync(db, a, Id, new PresentSeminarPaper.Request
        {
            Title = title ?? "", Author = author, PartyId = partyId, DocumentId = documentId,
        }, ct), "The paper is recorded.", ct);
    }

    /// One delegate a line: "Name, position".
    private static List<DelegateEntry> ParseDelegates(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new DelegateEntry(parts[0], parts.Length > 1 ? parts[1] : null))
            .ToList();

    private async Task<IActionResult> RunAsync<T>(Func<Actor, Task<Result<T>>> action, string done, CancellationToken ct)
    {
        var result = await action(await actors.GetAsync(ct));
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return Redirect($"/international/seminars/{Id}");
        }
        if (result.Error is SeminarNotFound) return NotFound();
        ModelState.Clear();
        InternationalPages.AddErrors(ModelState, result.Error);
        if (!await LoadAsync(ct)) return NotFound();
        Response.StatusCode = Problems.StatusOf(result.Error);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var view = await SeminarQueries.GetAsync(db, actor, Id, ct);
        if (!view.IsSuccess) return false;
        Seminar = view.Value;
        CanKeep = await actor.CanAsync(db, Permission.InternationalManage, view.Value.OrganizationId, ct);
        if (CanKeep && !string.IsNullOrWhiteSpace(Q))
        {
            var listed = view.Value.Participants.Select(p => p.PartyId).ToHashSet();
            var found = await PartyQueries.ListAsync(db, new PartyFilter { Query = Q, Take = 20 }, ct);
            if (found.IsSuccess) Candidates = found.Value.Items.Where(p => !listed.Contains(p.Id)).ToList();
        }
        return true;
    }
}
