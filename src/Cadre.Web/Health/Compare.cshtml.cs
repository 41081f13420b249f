using System.Text.Json;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Health;

[Requires(Permission.HealthRead)]
public sealed class CompareModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public HealthOrganization? Organization { get; private set; }

    public Comparison? Comparison { get; private set; }

    public IndicatorDefinition? Definition => IndicatorCatalogue.Find(Comparison?.Indicator);

    public string? Problem { get; private set; }

    public string ChartJson => Comparison is not { } c || Definition is not { } d ? "{}" : JsonSerializer.Serialize(new
    {
        label = d.Name,
        names = c.Rows.Select(r => r.Name),
        scores = c.Rows.Select(r => d.Unit == IndicatorUnit.Share || d.Kind == IndicatorKind.Flow ? Math.Round(r.Score * 100, 2) : r.Score),
    });

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Org ??= await HealthPages.HomeCodeAsync(db, actor, ct);
        Organization = await HealthPages.FindAsync(db, actor, Org, ct);
        if (Organization is null)
        {
            if (Request.Query.ContainsKey("org")) return NotFound();
            Problem = "Give the code of an organization whose health you read.";
            return Page();
        }
        Indicator ??= "members";
        var month = HealthApi.Month(Month);
        if (!month.IsSuccess)
        {
            Problem = month.Error.Message;
            return Page();
        }
        var comparison = await HealthQueries.CompareAsync(db, actor, Organization.Id, Indicator, month.Value, ct);
        if (comparison.IsSuccess) Comparison = comparison.Value;
        else Problem = comparison.Error.Message;
        return Page();
    }
}
