using System.Text.Json;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public Region? Region { get; set; }

    public (int Parties, int Countries) Size { get; private set; }

    public IReadOnlyList<CountryRelations> World { get; private set; } = [];

    /// The chart's figures (the 30 countries with the closest relations), as JSON the page's script reads; the serializer
    /// escapes "<", so nothing in a country name can end the script element.
    public string ChartJson
    {
        get
        {
            var top = World.Take(30).ToList();
            return JsonSerializer.Serialize(new
            {
                countries = top.Select(c => c.Country), fraternal = top.Select(c => c.Fraternal), friendly = top.Select(c => c.Friendly),
                contact = top.Select(c => c.Contact), none = top.Select(c => c.None),
            });
        }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Size = await PartyQueries.SizeAsync(db, ct);
        if (Region is { } r && !Enum.IsDefined(r)) Region = null;
        World = await WorldView.RunAsync(db, await actors.GetAsync(ct), ModelState.IsValid ? Region : null, ct);
    }
}
