using Cadre.Accounts;
using Cadre.Congresses;
using Cadre.Congresses.Apportionment;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Congresses;

/// The congresses the user may see (or is a delegate of), and the form to convene one.
[Requires(Permission.CongressVote)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public IReadOnlyList<CongressSummary> Congresses { get; private set; } = [];

    public bool CanConvene { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? organizationCode, int number, DateOnly? opensOn, DateOnly? closesOn, string? place, string? agenda,
        DateOnly? cutOffOn, int delegateSeats, ApportionmentMethod method, int minimumSeats, bool countCandidates, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var code = Organization.NormalizeCode(organizationCode ?? "");
        var organization = await db.Organizations.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
        var result = await ConveneCongress.HandleAsync(db, actor, new ConveneCongress.Request
        {
            OrganizationId = organization ?? 0, Number = number, OpensOn = opensOn ?? default, ClosesOn = closesOn ?? opensOn ?? default, Place = place,
            Agenda = agenda, CutOffOn = cutOffOn ?? default, DelegateSeats = delegateSeats, Method = method, MinimumSeats = minimumSeats,
            CountCandidates = countCandidates,
        }, ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = "The congress is convened.";
            return Redirect($"/congresses/{result.Value}");
        }
        CongressPages.Show(this, result.Error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var visible = actor.Has(Permission.CongressesRead) ? await CongressQueries.ListAsync(db, actor, ct) : [];
        // A delegate sees the congresses they were elected to, wherever those are.
        if (actor.PersonId is { } person)
        {
            var mine = await db.CongressDelegates.AsNoTracking().Where(d => db.Members.Any(m => m.Id == d.MemberId && m.PersonId == person))
                .Select(d => d.CongressId).ToListAsync(ct);
            var extra = await db.Congresses.AsNoTracking().Where(c => mine.Contains(c.Id))
                .Select(c => new CongressSummary(c.Id, c.OrganizationId, db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).First(),
                    c.Kind, c.Number, c.Title, c.OpensOn, c.ClosesOn, c.Place)).ToListAsync(ct);
            visible = [.. visible, .. extra.Where(e => visible.All(v => v.Id != e.Id))];
        }
        Congresses = visible;
        CanConvene = actor.Has(Permission.CongressesManage);
    }
}
