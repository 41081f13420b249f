using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Members;

[Requires(Permission.MembersRead)]
public sealed class ApplicationsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<CandidateRow> Applications { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Applications = await MembershipQueries.ApplicationsAsync(db, actor, ct);
        CanManage = actor.Has(Permission.MembersManage);
    }
}
