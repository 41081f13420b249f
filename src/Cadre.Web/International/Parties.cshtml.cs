using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalRead)]
public sealed class PartiesModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public string? Country { get; set; }

    [BindProperty(SupportsGet = true)] public Region? Region { get; set; }

    [BindProperty(SupportsGet = true)] public PartyStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Family { get; set; }

    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public CursorPage<PartyRow>? Results { get; private set; }

    public (int Parties, int Countries) Size { get; private set; }

    public IReadOnlyList<string> Families { get; private set; } = [];

    public bool KeepsRegistry { get; private set; }

    public string? Problem { get; private set; }

    public string NextLink => "/international/parties" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["country"] = Country, ["region"] = Region?.ToString(), ["status"] = Status?.ToString(), ["family"] = Family, ["cursor"] = Results?.Next,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        KeepsRegistry = actor.IsAdministrator || actor.Has(Permission.InternationalManage);
        Size = await PartyQueries.SizeAsync(db, ct);
        Families = await PartyQueries.FamiliesAsync(db, ct);
        if (!ModelState.IsValid)
        {
            Problem = "Choose the region and the status from the lists.";
            return;
        }
        var result = await PartyQueries.ListAsync(db, new PartyFilter { Query = Q, Country = Country, Region = Region, Status = Status, Family = Family, Cursor = Cursor }, ct);
        if (result.IsSuccess) Results = result.Value;
        else Problem = result.Error.Message;
    }
}
