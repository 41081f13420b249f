using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Dues;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Dues;

/// Dues through HTTP: scope (another district's treasurer gets 404), forged posts, the collection sheet, the API and the export.
/// Every test makes its own tree; accounting starts two months ago, so there are two past months and the current one.
public sealed class DuesWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly ThisMonth => Months.Of(DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<(CadreApp.Tree Tree, int Ana, int Rui, int Eva)> ArrangeAsync(string prefix)
    {
        await app.WithDbAsync(async db => (await ChangeDuesRules.HandleAsync(db, Actor.System("test"), new ChangeDuesRules.Request
        {
            AccountingFrom = ThisMonth.AddMonths(-2), Bands = [new(0, 1m), new(1000, 1.5m)], LapseAfterMonths = 2,
        }, Ct)).Value);
        var tree = await app.CreateTreeAsync(prefix);
        var ana = (await app.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva")).MemberId;
        var rui = (await app.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa")).MemberId;
        var eva = (await app.RegisterMemberAsync(tree.SouthBranch, "Eva", "Lima")).MemberId;
        foreach (var (member, income) in new[] { (ana, 2000m), (rui, 500m), (eva, 2000m) })
            await app.WithDbAsync(async db => (await DeclareIncome.HandleAsync(db, Actor.System("test"),
                new DeclareIncome.Request(member, ThisMonth.AddMonths(-2), income), Ct)).Value);
        return (tree, ana, rui, eva);
    }

    private Task<int> PaymentsOfAsync(int memberId) => app.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.MemberId == memberId, Ct));

    [Fact]
    public async Task A_treasurer_of_another_district_gets_404_everywhere_and_changes_nothing()
    {
        var (tree, ana, _, _) = await ArrangeAsync("D1");
        var south = await app.SignedInAsAsync(Role.Treasurer, tree.SouthDistrict);
        var api = await app.ApiClientAsync(Role.Treasurer, tree.SouthDistrict);

        foreach (var page in new[] { $"/dues/members/{ana}", "/dues/collect?org=D1-N-1-1", "/dues/arrears?org=D1-N-1", "/dues/shares?org=D1-N" })
            Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync(page, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/dues/members/{ana}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/dues/organizations/{tree.NorthBranch}/sheet", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/dues/export?org=D1-N-1&from=2020-01&to=2020-02", Ct)).StatusCode);
        var post = await api.PostAsJsonAsync($"/api/v1/dues/members/{ana}/payments",
            new { months = new[] { new { month = ThisMonth.AddMonths(-1), amount = 30m } } }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("DuesMemberNotFound", (await post.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(0, await PaymentsOfAsync(ana));

        // The south treasurer's own collection sheet exists, but a forged post into the north's sheet is answered 404.
        var forged = await CadreApp.PostFormAsync(south, "/dues/collect?org=D1-S-1-1", new()
        {
            ["Input.Method"] = "Cash", ["Input.Lines[0].MemberId"] = ana.ToString(), ["Input.Lines[0].Amount"] = "30",
        }, "/dues/collect?org=D1-N-1-1");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, await PaymentsOfAsync(ana));
    }

    [Fact]
    public async Task The_collection_sheet_prefills_what_is_due_and_records_the_whole_branch_in_one_submit()
    {
        var (_, ana, rui, eva) = await ArrangeAsync("D2");
        var treasurer = await app.SignedInAsAsync(Role.Treasurer, (await ArrangeTreeIdAsync("D2-N-1")));
        var month = Months.Format(ThisMonth.AddMonths(-1));
        var sheet = $"/dues/collect?org=D2-N-1-1&month={month}";

        var html = await treasurer.GetStringAsync(sheet, Ct);
        Assert.Equal(ana.ToString(), CadreApp.FormValue(html, "Input.Lines[1].MemberId"));
        Assert.Equal("30.00", CadreApp.FormValue(html, "Input.Lines[1].Amount"));
        Assert.Equal("5.00", CadreApp.FormValue(html, "Input.Lines[0].Amount"));

        // A forged line for a member of another branch refuses the whole collection.
        var forged = await CadreApp.PostFormAsync(treasurer, sheet, new()
        {
            ["Input.Method"] = "Cash",
            ["Input.Lines[0].MemberId"] = rui.ToString(), ["Input.Lines[0].Amount"] = "5.00",
            ["Input.Lines[1].MemberId"] = eva.ToString(), ["Input.Lines[1].Amount"] = "30.00",
        });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal("The member does not belong to this organization.", CadreApp.FieldError(await forged.Content.ReadAsStringAsync(Ct), "Input.Lines[1].MemberId"));
        Assert.Equal(0, await PaymentsOfAsync(rui));

        var negative = await CadreApp.PostFormAsync(treasurer, sheet, new()
        {
            ["Input.Method"] = "Cash", ["Input.Lines[0].MemberId"] = rui.ToString(), ["Input.Lines[0].Amount"] = "-5",
        });
        Assert.Equal("A payment is a positive amount.", CadreApp.FieldError(await negative.Content.ReadAsStringAsync(Ct), "Input.Lines[0].Amount"));

        var response = await CadreApp.PostFormAsync(treasurer, sheet, new()
        {
            ["Input.Method"] = "BankTransfer", ["Input.PaidOn"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
            ["Input.Lines[0].MemberId"] = rui.ToString(), ["Input.Lines[0].Amount"] = "",
            ["Input.Lines[1].MemberId"] = ana.ToString(), ["Input.Lines[1].Amount"] = "30.00", ["Input.Lines[1].Reference"] = "TR-77",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await PaymentsOfAsync(ana));
        Assert.Equal(0, await PaymentsOfAsync(rui));
        var after = await treasurer.GetStringAsync(sheet, Ct);
        Assert.Null(CadreApp.FormValue(after, "Input.Lines[1].Amount")); // nothing left to collect from Ana
        var dues = await treasurer.GetStringAsync($"/dues/members/{ana}", Ct);
        Assert.Contains("TR-77", dues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_records_payments_with_receipts_and_refuses_bad_ones_with_named_problems()
    {
        var (tree, ana, _, _) = await ArrangeAsync("D3");
        var api = await app.ApiClientAsync(Role.Treasurer, tree.NorthDistrict);
        var last = ThisMonth.AddMonths(-1);

        var early = await api.PostAsJsonAsync($"/api/v1/dues/members/{ana}/payments", new { months = new[] { new { month = ThisMonth.AddMonths(-3), amount = 30m } } }, Ct);
        var negative = await api.PostAsJsonAsync($"/api/v1/dues/members/{ana}/payments", new { months = new[] { new { month = last, amount = -1m } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("MonthBeforeMembership", (await early.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal("AmountNotPositive", (await negative.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(0, await PaymentsOfAsync(ana));

        var paid = await api.PostAsJsonAsync($"/api/v1/dues/members/{ana}/payments",
            new { method = "BankTransfer", reference = "X1", months = new[] { new { month = last.AddMonths(-1), amount = 30m }, new { month = last, amount = 10m } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var receipt = (await paid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receiptNumber").GetString();
        Assert.Matches("^R[0-9]{8}$", receipt);

        var dues = await api.GetFromJsonAsync<JsonElement>($"/api/v1/dues/members/{ana}", Ct);
        Assert.Equal(50m, dues.GetProperty("balance").GetDecimal()); // three months of 30, 40 paid
        var arrears = await api.GetFromJsonAsync<JsonElement>($"/api/v1/dues/organizations/{tree.NorthDistrict}/arrears?months=1", Ct);
        Assert.Contains(arrears.GetProperty("rows").EnumerateArray(), r => r.GetProperty("memberId").GetInt32() == ana && r.GetProperty("monthsBehind").GetInt32() == 1);
    }

    [Fact]
    public async Task The_export_is_scoped_and_audited_and_the_member_sees_their_own_dues()
    {
        var (tree, ana, _, _) = await ArrangeAsync("D4");
        var api = await app.ApiClientAsync(Role.Treasurer, tree.NorthDistrict);
        var from = Months.Format(ThisMonth.AddMonths(-2));

        var csv = await api.GetAsync($"/api/v1/dues/export?org=D4-N-1&from={from}&to={Months.Format(ThisMonth)}", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ExportDues.Columns), lines[0]);
        Assert.Equal(7, lines.Length); // two members, three months
        Assert.DoesNotContain(lines, l => l.Contains("Lima", StringComparison.Ordinal));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "DuesExport" && e.EntityId == "D4-N-1", Ct)));
        var bad = await api.GetAsync($"/api/v1/dues/export?org=D4-N-1&from=2020-13&to=2020-02", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var treasurer = await app.SignedInAsAsync(Role.Treasurer, tree.NorthDistrict);
        var download = await CadreApp.PostFormAsync(treasurer, "/dues", new() { ["Export.Org"] = "D4-N-1-1", ["Export.From"] = from, ["Export.To"] = from }, "/dues?handler=Export");
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, (await download.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var refused = await CadreApp.PostFormAsync(treasurer, "/dues", new() { ["Export.Org"] = "D4-S-1", ["Export.From"] = from, ["Export.To"] = from }, "/dues?handler=Export");
        Assert.Contains("no such organization", CadreApp.FieldError(await refused.Content.ReadAsStringAsync(Ct), "Export.Org"), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "DuesExport", Ct)));

        var personId = await app.WithDbAsync(db => db.Members.Where(m => m.Id == ana).Select(m => m.PersonId).SingleAsync(Ct));
        var member = await app.SignedInAsAsync(Role.Member, tree.NorthBranch, personId);
        var mine = await member.GetStringAsync("/dues/mine", Ct);
        Assert.Contains("Balance owed", mine, StringComparison.Ordinal);
        await AssertRefusedAsync(member, $"/dues/members/{ana}");
    }

    [Fact]
    public async Task Only_an_administrator_sets_the_rules_and_shares_must_sum_to_100()
    {
        var tree = await app.CreateTreeAsync("D5");
        var treasurer = await app.SignedInAsAsync(Role.Treasurer, tree.NorthDistrict);
        await AssertRefusedAsync(treasurer, "/dues/rules");
        var admin = await app.SignedInAsAsync(Role.Administrator, null);
        var levels = await app.WithDbAsync(db => db.Levels.OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(Ct));

        var response = await CadreApp.PostFormAsync(admin, "/dues/rules", new()
        {
            ["Input.CurrencyCode"] = "EUR", ["Input.RoundingStep"] = "0.01", ["Input.LapseAfterMonths"] = "6",
            ["Input.Bands[0].FromIncome"] = "0", ["Input.Bands[0].Percent"] = "1",
            [$"Input.Shares[{levels[0]}]"] = "50", [$"Input.Shares[{levels[3]}]"] = "20",
        });

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The shares of the levels sum to 70 %, not 100 %.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_members_page_a_treasurer_declares_income_and_one_amount_is_spread_over_the_unpaid_months()
    {
        var (tree, _, _, _) = await ArrangeAsync("D6");
        var ivo = (await app.RegisterMemberAsync(tree.NorthBranch, "Ivo", "Reis")).MemberId;
        var treasurer = await app.SignedInAsAsync(Role.Treasurer, tree.NorthDistrict);
        var page = $"/dues/members/{ivo}";
        var first = Months.Format(ThisMonth.AddMonths(-2));

        var undeclared = await CadreApp.PostFormAsync(treasurer, page, new() { ["Payment.FromMonth"] = first, ["Payment.MonthCount"] = "1", ["Payment.Amount"] = "5" },
            page + "?handler=Payment");
        Assert.StartsWith("The member has declared no income", CadreApp.FieldError(await undeclared.Content.ReadAsStringAsync(Ct), "Payment.Amount"), StringComparison.Ordinal);
        var badIncome = await CadreApp.PostFormAsync(treasurer, page, new() { ["Income.FromMonth"] = first, ["Income.MonthlyIncome"] = "-1" }, page + "?handler=Income");
        Assert.Equal("The declared income cannot be negative.", CadreApp.FieldError(await badIncome.Content.ReadAsStringAsync(Ct), "Income.MonthlyIncome"));
        var income = await CadreApp.PostFormAsync(treasurer, page, new() { ["Income.FromMonth"] = first, ["Income.MonthlyIncome"] = "2000" }, page + "?handler=Income");
        Assert.Equal(HttpStatusCode.Redirect, income.StatusCode);

        var paid = await CadreApp.PostFormAsync(treasurer, page, new()
        {
            ["Payment.FromMonth"] = first, ["Payment.MonthCount"] = "2", ["Payment.Amount"] = "45", ["Payment.Method"] = "Cash",
        }, page + "?handler=Payment");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);

        var dues = await app.WithDbAsync(async db => (await DuesQueries.MemberAsync(db, Actor.System("test"), ivo, Ct)).Value);
        Assert.Equal([(ThisMonth, 0m), (ThisMonth.AddMonths(-1), 15m), (ThisMonth.AddMonths(-2), 30m)], dues.Months.Select(m => (m.Month, m.Paid)));
        Assert.Equal(45m, dues.Balance);
        Assert.Single(dues.Payments);
    }

    [Fact]
    public async Task An_administrator_saves_the_rules_and_sees_them_again()
    {
        await app.CreateTreeAsync("D7");
        var admin = await app.SignedInAsAsync(Role.Administrator, null);
        var student = await app.WithDbAsync(db => db.Classifiers.Where(c => c.Code == "student").Select(c => c.Id).SingleAsync(Ct));
        var levels = await app.WithDbAsync(db => db.Levels.OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(Ct));

        var response = await CadreApp.PostFormAsync(admin, "/dues/rules", new()
        {
            ["Input.CurrencyCode"] = "usd", ["Input.RoundingStep"] = "0.05", ["Input.LapseAfterMonths"] = "4", ["Input.AutomaticLapse"] = "true",
            ["Input.AccountingFrom"] = Months.Format(ThisMonth.AddMonths(-2)),
            ["Input.Bands[0].FromIncome"] = "0", ["Input.Bands[0].Percent"] = "1", ["Input.Bands[1].FromIncome"] = "1000", ["Input.Bands[1].Percent"] = "1.5",
            [$"Input.Categories[{student}]"] = "1.25",
            [$"Input.Shares[{levels[0]}]"] = "40", [$"Input.Shares[{levels[1]}]"] = "20", [$"Input.Shares[{levels[2]}]"] = "20", [$"Input.Shares[{levels[3]}]"] = "20",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await admin.GetStringAsync("/dues/rules", Ct);
        Assert.Equal("USD", CadreApp.FormValue(html, "Input.CurrencyCode"));
        Assert.Equal("1.25", CadreApp.FormValue(html, $"Input.Categories[{student}]"));
        Assert.Equal("1.5", CadreApp.FormValue(html, "Input.Bands[1].Percent"));
        Assert.Equal("40", CadreApp.FormValue(html, $"Input.Shares[{levels[0]}]"));
    }

    private static async Task AssertRefusedAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<int> ArrangeTreeIdAsync(string code) => app.WithDbAsync(db => db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync(Ct));
}
