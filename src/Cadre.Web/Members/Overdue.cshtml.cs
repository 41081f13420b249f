using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Members;

[Requires(Permission.MembersRead)]
public sealed class OverdueModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<CandidateRow> Candidates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Candidates = await MembershipQueries.OverdueConfirmationsAsync(db, await actors.GetAsync(ct), ct);
}
