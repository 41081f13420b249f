using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Health;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Health;

/// Organizational health over HTTP: the dashboard, comparison of sub-organizations, the rows behind a number, warnings
/// and their rules. Months are "YYYY-MM"; format=csv gives the same table as CSV.
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/health").WithTags("Health");

        api.MapGet("/indicators", () => Results.Ok(IndicatorCatalogue.All.Select(d => new
            {
                d.Code, d.Name, d.Group, Kind = d.Kind.ToString(), Unit = d.Unit.ToString(), Better = d.Better.ToString(), d.Definition,
            })))
            .Requires(Permission.HealthRead).WithSummary("Every indicator with its definition.");

        api.MapGet("/organizations/{id:int}", async (int id, int? months, string? format, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await HealthQueries.DashboardAsync(db, await actors.GetAsync(ct), id, months ?? 12, ct))
                .ToResult(d => IsCsv(format) ? Csv(HealthCsv.Indicators(d), $"health-{d.Code}.csv") : Results.Ok(d)))
            .Requires(Permission.HealthRead)
            .WithSummary("An organization's indicators (its whole subtree) with their monthly trend, its weakest sub-organizations and open warnings.");

        api.MapGet("/organizations/{id:int}/compare", async (int id, string? indicator, string? month, string? format, CadreDbContext db,
                ActorAccessor actors, CancellationToken ct) =>
            Month(month) is { IsSuccess: false } bad ? bad.Error.ToProblem()
                : (await HealthQueries.CompareAsync(db, await actors.GetAsync(ct), id, indicator, Month(month).Value, ct))
                .ToResult(c => IsCsv(format) ? Csv(HealthCsv.Comparison(c), $"health-{c.Indicator}.csv") : Results.Ok(c)))
            .Requires(Permission.HealthRead)
            .WithSummary("The direct sub-organizations on one indicator, the weakest first (shares as shares, flows per member).");

        api.MapGet("/organizations/{id:int}/rows", async (int id, string? indicator, string? month, bool? basis, string? format, CadreDbContext db,
                ActorAccessor actors, CancellationToken ct) =>
            Month(month) is { IsSuccess: false } bad ? bad.Error.ToProblem()
                : (await HealthQueries.RowsAsync(db, await actors.GetAsync(ct), id, indicator, Month(month).Value, basis ?? false, ct))
                .ToResult(r => IsCsv(format) ? Csv(HealthCsv.Rows(r), $"health-{r.Indicator}-rows.csv") : Results.Ok(r)))
            .Requires(Permission.HealthRead)
            .WithSummary("The rows behind a number in the subtree (members, offices, events; basis=true: what it is a share of), at most 1,000, with the total.");

        api.MapGet("/organizations/{id:int}/composition", async (int id, string? format, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CompositionQueries.CompositionAsync(db, await actors.GetAsync(ct), id, ct))
                .ToResult(c => IsCsv(format) ? Csv(HealthCsv.Composition(c), $"composition-{c.Code}.csv") : Results.Ok(c)))
            .Requires(Permission.HealthRead)
            .WithSummary("The subtree's full members and candidates by occupation, age band, sex and education on the last five year ends and the day computed, and each year's admissions.");

        api.MapGet("/organizations/{id:int}/composition/members", async (int id, string? on, string? of, string? dimension, int? category, string? format,
                CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Day(on) is { IsSuccess: false } bad ? bad.Error.ToProblem()
                : (await CompositionQueries.MembersAsync(db, await actors.GetAsync(ct), id, Day(on).Value, Parse<CompositionOf>(of),
                    Parse<CompositionDimension>(dimension), category, ct))
                .ToResult(m => IsCsv(format) ? Csv(HealthCsv.Members(m), $"composition-{m.Of}-{m.Dimension}-{m.Category}.csv") : Results.Ok(m)))
            .Requires(Permission.HealthRead)
            .WithSummary("The members behind one composition count (of=FullMembers|Candidates|Admissions, dimension=Occupation|Age|Sex|Education, category as in the composition, on=YYYY-MM-DD), in the subtree, at most 1,000, with the total; needs MembersRead as well.");

        api.MapGet("/organizations/{id:int}/warnings", async (int id, bool? all, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await HealthQueries.WarningsAsync(db, await actors.GetAsync(ct), id, open: !(all ?? false), ct)).ToResult(Results.Ok))
            .Requires(Permission.HealthRead).WithSummary("The warnings in the subtree: unresolved ones, or all with all=true.");

        api.MapPost("/warnings/{id:int}/seen", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SeeWarning.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.HealthManage).WithSummary("Marks an open warning as seen.");

        api.MapPost("/warnings/{id:int}/acknowledge", async (int id, WarningNote body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await AcknowledgeWarning.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.HealthManage).WithSummary("Acknowledges a warning (it is being dealt with), with an optional note.");

        api.MapPost("/warnings/{id:int}/resolve", async (int id, WarningNote body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ResolveWarning.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.HealthManage).WithSummary("Resolves a warning with a note saying what was done.");

        api.MapGet("/rules", async (CadreDbContext db, CancellationToken ct) => Results.Ok(await HealthQueries.RulesAsync(db, ct)))
            .Requires(Permission.HealthRead).WithSummary("The warning rules and their thresholds.");

        api.MapPost("/rules", async (ChangeWarningRule.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ChangeWarningRule.HandleAsync(db, await actors.GetAsync(ct), null, body, ct)).ToResult(id => Results.Created($"/api/v1/health/rules/{id}", new { id })))
            .Requires(Permission.HealthRulesManage).WithSummary("Adds a warning rule.");

        api.MapPut("/rules/{id:int}", async (int id, ChangeWarningRule.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ChangeWarningRule.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.HealthRulesManage).WithSummary("Changes a warning rule's threshold, window, scope or name, or turns it off.");
    }

    private static bool IsCsv(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    private static IResult Csv(string text, string name) => Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", name);

    /// "YYYY-MM-DD" or nothing.
    public static Result<DateOnly?> Day(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (DateOnly?)null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day : new InvalidField("On", "Give the day as YYYY-MM-DD.");
    }

    /// An enumeration's name (any case) or nothing; an unknown name is nothing, which the query names as the error.
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !text.Any(char.IsDigit) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    /// "YYYY-MM" or nothing (the current month).
    public static Result<DateOnly?> Month(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (DateOnly?)null;
        return Months.Parse(text) is { } month ? month : new NotAMonth("Month");
    }
}
