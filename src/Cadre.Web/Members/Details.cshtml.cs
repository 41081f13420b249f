using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Members;

[Requires(Permission.MembersRead)]
public sealed class DetailsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public MemberDetails Member { get; private set; } = null!;

    public bool CanReadAudit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var found = await MemberQueries.GetAsync(db, actor, id, ct);
        // Another branch's member is answered like a member that does not exist.
        if (!found.IsSuccess) return NotFound();
        Member = found.Value;
        CanReadAudit = actor.Has(Permission.AuditRead);
        return Page();
    }
}
