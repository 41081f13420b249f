using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalRead)]
public sealed class PartyModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public PartyView? Party { get; private set; }

    public bool KeepsRegistry { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    // The use case checks that the user keeps the registry; a reader's post is refused there.
    public async Task<IActionResult> OnPostDescribeAsync(string? family, string? website, string? notes, int version, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var current = await PartyQueries.GetAsync(db, Id, ct);
        if (!current.IsSuccess) return NotFound();
        var p = current.Value;
        var changed = await ChangeParty.HandleAsync(db, actor, Id, new ChangeParty.Request
        {
            Details = new PartyDetails
            {
                CountryCode = p.CountryCode, Name = p.Name, NameEnglish = p.NameEnglish, NameShort = p.NameShort, NameOther = p.NameOther,
                FoundedYear = p.FoundedYear, DissolvedYear = p.DissolvedYear, Wikipedia = p.Wikipedia, Description = p.Description,
            },
            Family = family, Website = website, Notes = notes, ExpectedVersion = version,
        }, ct);
        if (changed.IsSuccess)
        {
            TempData["Flash"] = "The party is saved.";
            return Redirect($"/international/parties/{Id}");
        }
        return await FailAsync(changed.Error, ct);
    }

    private async Task<IActionResult> FailAsync(Cadre.Common.Error error, CancellationToken ct)
    {
        ModelState.Clear();
        ModelState.AddModelError("", error.Message);
        if (!await LoadAsync(ct)) return NotFound();
        Response.StatusCode = Problems.StatusOf(error);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var party = await PartyQueries.GetAsync(db, Id, ct);
        if (!party.IsSuccess) return false;
        Party = party.Value;
        KeepsRegistry = await PartyQueries.KeepsRegistryAsync(db, actor, ct);
        return true;
    }
}
