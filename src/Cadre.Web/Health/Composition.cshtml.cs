using System.Globalization;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Health;

/// The composition of a subtree (issue 9, point 3): full members and candidates by occupation, age band, sex and education on
/// the last five year ends and the day computed, and each year's admissions; every count links to its members.
[Requires(Permission.HealthRead)]
public sealed class CompositionModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    public Composition? Composition { get; private set; }

    public string? Problem { get; private set; }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// A column's heading: the year's end, or the day computed; for admissions the year (to the day, if it is not over).
    public static string Heading(CompositionOf of, DateOnly day) =>
        of == CompositionOf.Admissions
            ? day.Month == 12 && day.Day == 31 ? day.Year.ToString(CultureInfo.InvariantCulture) : $"{day.Year} to {day:MM-dd}"
            : Day(day);

    public static string Describe(CompositionOf of) => of switch
    {
        CompositionOf.FullMembers => "Full members",
        CompositionOf.Candidates => "Candidate members",
        _ => "Admissions in the year",
    };

    public static string Describe(CompositionDimension dimension) => dimension switch
    {
        CompositionDimension.Age => "Age",
        _ => dimension.ToString(),
    };

    public static string MembersLink(string code, CompositionOf of, CompositionDimension dimension, int category, DateOnly day) =>
        $"/dashboard/composition/members?org={Uri.EscapeDataString(code)}&on={Day(day)}&of={of}&dimension={dimension}&category={category}";

    /// The full members' shares per dimension and the admissions by occupation, as JSON for the charts (the serializer escapes "<").
    public string ChartJson => Composition is not { } c ? "{}" : JsonSerializer.Serialize(new
    {
        charts = c.Tables.Where(t => t.Of == CompositionOf.FullMembers || (t.Of == CompositionOf.Admissions && t.Dimension == CompositionDimension.Occupation))
            .Select(t => new
            {
                title = $"{Describe(t.Of)} by {Describe(t.Dimension).ToLowerInvariant()}",
                share = t.Of == CompositionOf.FullMembers,
                days = c.Days.Select(d => Heading(t.Of, d)),
                series = t.Lines.Where(l => l.Counts.Any(n => n > 0)).Select(l => new
                {
                    name = l.Name,
                    values = l.Counts.Select((n, i) => t.Of == CompositionOf.FullMembers
                        ? t.Totals[i] == 0 ? 0 : Math.Round(100.0 * n / t.Totals[i], 1)
                        : n),
                }),
            }),
    });

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        Org ??= await HealthPages.HomeCodeAsync(db, actor, ct);
        var organization = await HealthPages.FindAsync(db, actor, Org, ct);
        if (organization is null)
        {
            if (Request.Query.ContainsKey("org")) return NotFound();
            Problem = "Give the code of an organization whose health you read.";
            return Page();
        }
        var composition = await CompositionQueries.CompositionAsync(db, actor, organization.Id, ct);
        if (composition.IsSuccess) Composition = composition.Value;
        else Problem = composition.Error.Message;
        return Page();
    }
}
