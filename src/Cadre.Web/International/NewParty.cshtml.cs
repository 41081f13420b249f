using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalManage)]
public sealed class NewPartyModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? NameEnglish { get; set; }

    [BindProperty] public string? NameShort { get; set; }

    [BindProperty] public string? CountryCode { get; set; }

    [BindProperty] public int? FoundedYear { get; set; }

    [BindProperty] public int? DissolvedYear { get; set; }

    [BindProperty] public string? Family { get; set; }

    [BindProperty] public string? Website { get; set; }

    [BindProperty] public string? Notes { get; set; }

    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", "The years are numbers such as 1992.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var created = await RegisterParty.HandleAsync(db, await actors.GetAsync(ct), new RegisterParty.Request
        {
            Details = new PartyDetails
            {
                CountryCode = CountryCode ?? "", Name = Name ?? "", NameEnglish = NameEnglish, NameShort = NameShort, FoundedYear = FoundedYear, DissolvedYear = DissolvedYear,
            },
            Family = Family, Website = Website, Notes = Notes,
        }, ct);
        if (created.IsSuccess)
        {
            TempData["Flash"] = "The party is entered in the registry.";
            return Redirect($"/international/parties/{created.Value}");
        }
        ModelState.Clear();
        created.Error.AddTo(ModelState, "");
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith('.')).ToList())
        {
            foreach (var e in ModelState[key]!.Errors) ModelState.AddModelError(key[1..], e.ErrorMessage);
            ModelState.Remove(key);
        }
        if (created.Error is not Cadre.Common.ValidationFailed and not Cadre.Common.InvalidField) ModelState.AddModelError("", created.Error.Message);
        Response.StatusCode = Problems.StatusOf(created.Error);
        return Page();
    }
}
