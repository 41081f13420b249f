using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.International.Seminars;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.International;

[Requires(Permission.InternationalRead)]
public sealed class SeminarsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<SeminarRow> Seminars { get; private set; } = [];

    public IReadOnlyList<PartyRow> Candidates { get; private set; } = [];

    public bool CanKeep { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public SeminarKind Kind { get; set; } = SeminarKind.Seminar;

    [BindProperty] public string? Org { get; set; }

    [BindProperty] public DateOnly? StartsOn { get; set; }

    [BindProperty] public DateOnly? EndsOn { get; set; }

    [BindProperty] public string? Place { get; set; }

    [BindProperty] public int? HostPartyId { get; set; }

    [BindProperty] public string? Summary { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Org ??= await InternationalPages.HomeCodeAsync(db, await actors.GetAsync(ct), Permission.InternationalManage, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await InternationalPages.FindAsync(db, actor, Org, Permission.InternationalRead, ct);
        Cadre.Common.Result<int> held = organization is null
            ? new InternationalOrganizationNotFound()
            : await HoldSeminar.HandleAsync(db, actor, new HoldSeminar.Request
            {
                OrganizationId = organization.Id, Kind = Kind, Title = Title ?? "", StartsOn = StartsOn ?? default, EndsOn = EndsOn, Place = Place, HostPartyId = HostPartyId,
                Summary = Summary,
            }, ct);
        if (held.IsSuccess)
        {
            TempData["Flash"] = "The seminar is recorded.";
            return Redirect($"/international/seminars/{held.Value}");
        }
        ModelState.Clear();
        InternationalPages.AddErrors(ModelState, held.Error);
        await LoadAsync(ct);
        Response.StatusCode = Problems.StatusOf(held.Error);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Seminars = await SeminarQueries.ListAsync(db, actor, null, ct);
        CanKeep = actor.Has(Permission.InternationalManage);
        if (CanKeep && !string.IsNullOrWhiteSpace(Q))
        {
            var found = await PartyQueries.ListAsync(db, new PartyFilter { Query = Q, Take = 20 }, ct);
            if (found.IsSuccess) Candidates = found.Value.Items;
        }
    }
}
