using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members.Import;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Members;

/// The members of an organization's subtree (or all the user may read) as a CSV file in the import format.
[Requires(Permission.MembersRead)]
public sealed class ExportModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? organizationId, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (organizationId is { } id && !await actor.CanAsync(db, Permission.MembersRead, id, ct)) return NotFound();
        await MembersApi.WriteExportAsync(HttpContext, db, actor, organizationId, ct);
        return new EmptyResult();
    }
}
