using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Me;

/// A member's own profile and membership, read-only: changes go through their secretary.
[Requires(Permission.OwnProfile)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public MemberDetails? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (actor.PersonId is { } personId)
        {
            var memberId = await db.Members.Where(m => m.PersonId == personId).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
            if (memberId is { } id)
            {
                var found = await MemberQueries.GetAsync(db, actor, id, ct);
                if (found.IsSuccess)
                {
                    Member = found.Value;
                    ViewData[Members.ReadableOrganizations.Key] = await Members.ReadableOrganizations.ForAsync(db, actor, Member, ct);
                }
            }
        }
        return Page();
    }
}
