using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Dues;

public static class DuesApi
{
    public static void MapDuesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/dues").WithTags("Dues");

        api.MapGet("/rules", async (CadreDbContext db, CancellationToken ct) =>
        {
            var rules = await DuesRules.LoadAsync(db, ct);
            return Results.Ok(RulesRequest(rules));
        }).Requires(Permission.DuesRead).WithSummary("The dues rules in force: currency, rounding, bands, category amounts, level shares, lapse settings.");

        api.MapPut("/rules", async (ChangeDuesRules.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ChangeDuesRules.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.SettingsManage).WithSummary("Replaces the dues rules (administrators). Level shares must sum to 100.");

        api.MapGet("/me", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DuesQueries.OwnAsync(db, await actors.GetAsync(ct), ct)).ToResult(Results.Ok))
            .Requires(Permission.OwnProfile).WithSummary("Your own obligations, payments and balance.");

        api.MapGet("/members/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DuesQueries.MemberAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.DuesRead).WithSummary("A member's obligations by month, payments, declared incomes, exemptions and balance.");

        api.MapPost("/lapses", async (int organizationId, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await LapseForArrears.HandleAsync(db, await actors.GetAsync(ct), organizationId, ct)).ToResult(Results.Ok))
            .Requires(Permission.MembersManage)
            .WithSummary("With automatic lapse on, lapses the members of the subtree proposed for lapse by their arrears.");

        api.MapPost("/members/{id:int}/payments", async (int id, RecordPayment.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecordPayment.HandleAsync(db, await actors.GetAsync(ct), body with { MemberId = id }, ct))
                .ToResult(r => Results.Created($"/api/v1/dues/members/{id}", r)))
            .Requires(Permission.DuesManage).WithSummary("Records a payment for one or several months (partial amounts allowed); answers with its receipt number.");

        api.MapPost("/members/{id:int}/income", async (int id, IncomeBody body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DeclareIncome.HandleAsync(db, await actors.GetAsync(ct), new DeclareIncome.Request(id, body.FromMonth, body.MonthlyIncome), ct))
                .ToResult(_ => Results.NoContent()))
            .Requires(Permission.DuesManage).WithSummary("Records the monthly income a member declares, from a month (the first day of it) on.");

        api.MapPost("/members/{id:int}/exemptions", async (int id, ExemptionBody body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await GrantExemption.HandleAsync(db, await actors.GetAsync(ct), new GrantExemption.Request(id, body.Reason, body.FromMonth, body.ToMonth), ct))
                .ToResult(e => Results.Created($"/api/v1/dues/members/{id}", new { id = e })))
            .Requires(Permission.DuesManage).WithSummary("Exempts a member from dues for a period, with the reason.");

        api.MapPost("/members/{id:int}/exemptions/{exemptionId:int}/end", async (int id, int exemptionId, EndExemptionBody body, CadreDbContext db,
                ActorAccessor actors, CancellationToken ct) =>
            (await EndExemption.HandleAsync(db, await actors.GetAsync(ct), new EndExemption.Request(id, exemptionId, body.LastMonth), ct))
                .ToResult(_ => Results.NoContent()))
            .Requires(Permission.DuesManage).WithSummary("Ends an exemption after its last month (the first day of it).");

        api.MapGet("/organizations/{id:int}/sheet", async (int id, string? month, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
        {
            var parsed = month is null ? Months.Of(db.Today) : Months.Parse(month);
            if (parsed is null) return new NotAMonth("month").ToProblem();
            return (await DuesQueries.BranchSheetAsync(db, await actors.GetAsync(ct), id, parsed.Value, ct)).ToResult(Results.Ok);
        }).Requires(Permission.DuesRead).WithSummary("One month of a primary organization: each member's amount due, paid and outstanding (month=YYYY-MM).");

        api.MapPost("/organizations/{id:int}/payments", async (int id, RecordBranchPayments.Request body, CadreDbContext db, ActorAccessor actors,
                CancellationToken ct) =>
            (await RecordBranchPayments.HandleAsync(db, await actors.GetAsync(ct), body with { OrganizationId = id }, ct))
                .ToResult(r => Results.Created($"/api/v1/dues/organizations/{id}/sheet", r)))
            .Requires(Permission.DuesManage).WithSummary("Records one month of payments for the members of a primary organization, all or nothing.");

        api.MapGet("/organizations/{id:int}/arrears", async (int id, int? months, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DuesQueries.ArrearsAsync(db, await actors.GetAsync(ct), id, months ?? 1, ct)).ToResult(Results.Ok))
            .Requires(Permission.DuesRead).WithSummary("Members of the subtree behind by at least `months` unpaid months, and those proposed for lapse.");

        api.MapGet("/organizations/{id:int}/shares", async (int id, string? from, string? to, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
        {
            var first = Months.Parse(from);
            var last = Months.Parse(to);
            if (first is null) return new NotAMonth("from").ToProblem();
            if (last is null) return new NotAMonth("to").ToProblem();
            return (await DuesSharesReport.RunAsync(db, await actors.GetAsync(ct), id, first.Value, last.Value, ct)).ToResult(Results.Ok);
        }).Requires(Permission.DuesRead).WithSummary("Per organization of the subtree: collected, received from below, kept and owed upward in the months from..to (YYYY-MM).");

        api.MapGet("/export", async (string? org, string? from, string? to, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
        {
            var output = new StringWriter();
            var result = await ExportDues.HandleAsync(db, await actors.GetAsync(ct), new ExportDues.Request(org ?? "", from, to), output, ct);
            return result.ToResult(r => Results.File(System.Text.Encoding.UTF8.GetBytes(output.ToString()), "text/csv",
                $"dues-{r.OrganizationCode}-{Months.Format(r.From)}-{Months.Format(r.To)}.csv"));
        }).Requires(Permission.DuesRead).WithSummary("The dues of an organization's subtree as CSV, one row per member and month (org=CODE, from/to=YYYY-MM). Audited.");
    }

    public sealed record IncomeBody(DateOnly FromMonth, decimal MonthlyIncome);

    public sealed record EndExemptionBody(DateOnly LastMonth);

    public sealed record ExemptionBody(string Reason, DateOnly FromMonth, DateOnly? ToMonth);

    internal static ChangeDuesRules.Request RulesRequest(DuesRules rules) => new()
    {
        CurrencyCode = rules.Settings.CurrencyCode,
        RoundingStep = rules.Settings.RoundingStep,
        AccountingFrom = rules.Settings.AccountingFrom,
        LapseAfterMonths = rules.Settings.LapseAfterMonths,
        AutomaticLapse = rules.Settings.AutomaticLapse,
        Bands = rules.Bands.Select(b => new ChangeDuesRules.Band(b.FromIncome, b.Percent)).ToList(),
        Categories = rules.CategoryAmounts.Select(c => new ChangeDuesRules.Category(c.Key, c.Value)).ToList(),
        Shares = rules.Shares.Select(s => new ChangeDuesRules.Share(s.LevelId, s.Percent)).ToList(),
    };
}
