using Cadre.Accounts;
using Cadre.Data;
using Cadre.Directives;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Directives;

/// The secretary's inbox: what their organization is to act on, and the progress of what it issued.
[Requires(Permission.DirectivesRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public Inbox? Inbox { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        int? id = null;
        if (!string.IsNullOrWhiteSpace(Org))
        {
            var found = await DirectivePages.FindAsync(db, actor, Org, Permission.DirectivesRead, ct);
            if (found is null) return NotFound();
            id = found.Id;
        }
        var inbox = await DirectiveInbox.ForAsync(db, actor, id, ct);
        if (inbox.IsSuccess) Inbox = inbox.Value;
        else if (id is not null) return NotFound();
        return Page();
    }
}
