using System.Text.Json;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Health;

[Requires(Permission.HealthRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public int Months { get; set; } = 12;

    public Dashboard? Dashboard { get; private set; }

    public string? Problem { get; private set; }

    public bool CanManageRules { get; private set; }

    /// The trend of every indicator, as JSON the page's script reads (the serializer escapes "<", so it is safe in a script element).
    public string ChartJson => Dashboard is not { } d ? "{}" : JsonSerializer.Serialize(new
    {
        months = d.Indicators.SelectMany(s => s.Points).Select(p => HealthPages.Month(p.Month)).Distinct().Order(StringComparer.Ordinal),
        groups = d.Indicators.GroupBy(s => s.Group).Select(g => new
        {
            group = g.Key,
            series = g.Select(s => new
            {
                code = s.Code,
                name = s.Name,
                share = s.Unit == IndicatorUnit.Share,
                points = s.Points.Select(p => new { month = HealthPages.Month(p.Month), value = s.Unit == IndicatorUnit.Share ? (p.Share is { } x ? Math.Round(x * 100, 1) : (double?)null) : p.Value }),
            }),
        }),
    });

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        CanManageRules = actor.IsAdministrator || actor.Has(Permission.HealthRulesManage);
        Org ??= await HealthPages.HomeCodeAsync(db, actor, ct);
        var organization = await HealthPages.FindAsync(db, actor, Org, ct);
        if (organization is null)
        {
            if (Request.Query.ContainsKey("org")) return NotFound();
            Problem = "Give the code of an organization whose health you read.";
            return Page();
        }
        var dashboard = await HealthQueries.DashboardAsync(db, actor, organization.Id, Months, ct);
        if (dashboard.IsSuccess) Dashboard = dashboard.Value;
        else Problem = dashboard.Error.Message;
        return Page();
    }
}
