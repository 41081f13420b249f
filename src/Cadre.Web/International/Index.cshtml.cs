using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalRead)]
public sealed class IndexModel(CadreDbContext db) : PageModel
{
    public (int Parties, int Countries) Size { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Size = await PartyQueries.SizeAsync(db, ct);
}
