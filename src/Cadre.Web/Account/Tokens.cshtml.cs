using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Account;

/// The user's own personal access tokens for the API.
[Authorize(Policy = Policies.SignedIn)]
public sealed class TokensModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty]
    public IssueAccessToken.Request Input { get; set; } = new();

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    /// The secret of the token just created: shown on this one response, never stored in clear.
    public string? NewSecret { get; private set; }

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var issued = await IssueAccessToken.HandleAsync(db, await actors.GetAsync(ct), Input, ct);
            if (issued.IsSuccess)
            {
                NewSecret = issued.Value.Secret;
                ModelState.Clear();
                Input = new();
                // The secret is in this response only: keep it out of caches.
                Response.Headers.CacheControl = "no-store";
            }
            else
            {
                issued.Error.AddTo(ModelState);
            }
        }
        await ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var revoked = await RevokeAccessToken.HandleAsync(db, await actors.GetAsync(ct), id, ct);
        if (!revoked.IsSuccess) return revoked.Error is NotFoundError ? NotFound() : BadRequest();
        TempData["Flash"] = "The token is revoked: it no longer opens the API.";
        return Redirect("/account/tokens");
    }

    private async Task ListAsync(CancellationToken ct)
    {
        Tokens = await RevokeAccessToken.ListAsync(db, await actors.GetAsync(ct), ct);
        Now = db.Now;
    }
}
