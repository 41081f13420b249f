using System.Text.Json;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Supporters;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Supporters;

[Requires(Permission.SupportersRead)]
public sealed class FunnelModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public int Months { get; set; } = 12;

    public FunnelView? Funnel { get; private set; }

    /// The chart's figures as JSON the page's script reads (the serializer escapes "<").
    public string ChartJson => Funnel is not { } f ? "{}" : JsonSerializer.Serialize(new
    {
        months = f.Months.Select(m => SupporterPages.Month(m.Year, m.Month)), supporters = f.Months.Select(m => m.Supporters),
        applicants = f.Months.Select(m => m.Applicants), candidates = f.Months.Select(m => m.Candidates), members = f.Months.Select(m => m.Members),
    });

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Org ??= await SupporterPages.HomeCodeAsync(db, actor, Permission.SupportersRead, ct);
        var organization = await SupporterPages.FindAsync(db, actor, Org, Permission.SupportersRead, ct);
        if (organization is null)
        {
            if (!string.IsNullOrWhiteSpace(Org)) ModelState.AddModelError("", new SupporterScopeNotFound().Message);
            return;
        }
        var funnel = await RecruitmentFunnel.RunAsync(db, actor, organization.Id, null, Months, ct);
        if (funnel.IsSuccess) Funnel = funnel.Value;
        else SupporterPages.AddErrors(ModelState, funnel.Error);
    }
}
