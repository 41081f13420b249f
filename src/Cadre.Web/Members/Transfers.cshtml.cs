using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Members;

[Requires(Permission.MembersRead)]
public sealed class TransfersModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<TransferRow> Incoming { get; private set; } = [];

    public IReadOnlyList<TransferRow> Outgoing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAcceptAsync(int transferId, DateOnly? on, string? note, CancellationToken ct) =>
        await AfterAsync(await AcceptTransfer.HandleAsync(db, await actors.GetAsync(ct), transferId, new DecisionRequest { On = on, Note = note }, ct),
            "The transfer is accepted: the member now belongs to your organization.", ct);

    public async Task<IActionResult> OnPostDeclineAsync(int transferId, DateOnly? on, string? note, CancellationToken ct) =>
        await AfterAsync(await DeclineTransfer.HandleAsync(db, await actors.GetAsync(ct), transferId, new DecisionRequest { On = on, Reason = note }, ct),
            "The transfer is declined.", ct);

    private async Task<IActionResult> AfterAsync(Result<Done> result, string flash, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = flash;
            return Redirect("/members/transfers");
        }
        if (result.Error is TransferNotFound) return NotFound();
        ModelState.AddModelError("", result.Error.Message);
        Response.StatusCode = Problems.StatusOf(result.Error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await MembershipQueries.PendingTransfersAsync(db, await actors.GetAsync(ct), ct);
        Incoming = all.Where(t => t.Incoming).ToList();
        Outgoing = all.Where(t => !t.Incoming).ToList();
    }
}
