using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.MassOrganizations;

/// The centre's secretary records a trade union with a local branch linked with a primary organization, files two
/// membership reports, and sees the trend drawn as a chart and a table; a report dated in the future is refused.
public sealed class MassOrganizationJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_secretary_records_a_union_its_reports_and_sees_the_trend()
    {
        var tree = await browser.App.CreateTreeAsync();
        await browser.App.CreateUserAsync("unions@example.org", Role.Secretary, tree.Centre);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("unions@example.org");
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Mass organizations", Exact = true }).ClickAsync();
        var form = page.Locator("#mass-organization-form");
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Dockers' Union");
        await form.GetByLabel("Kind").SelectOptionAsync("TradeUnion");
        await form.GetByLabel("Top body").FillAsync("National Council");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Expect(page.Locator("hgroup h1")).ToHaveTextAsync("Dockers' Union");

        await page.GetByText("Add a body").ClickAsync();
        var body = page.Locator("#body-form");
        await body.GetByLabel("Name").FillAsync("Harbour Local");
        await body.GetByLabel("Level").FillAsync("Local");
        await body.GetByLabel("Under").SelectOptionAsync(new SelectOptionValue { Label = "National Council" });
        await body.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await page.Locator("#bodies").GetByRole(AriaRole.Link, new() { Name = "Harbour Local" }).ClickAsync();

        await page.Locator("#link-form").GetByLabel("Party organization (code)").FillAsync("N-1-1");
        await page.Locator("#link-form").GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();
        await Expect(page.Locator("#links")).ToContainTextAsync("Dockworkers Branch (N-1-1)");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var report = page.Locator("#report-form");
        await report.GetByLabel("On").FillAsync(lastMonth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await report.GetByLabel("Members").FillAsync("180");
        await report.GetByLabel("Women").FillAsync("40");
        await report.GetByRole(AriaRole.Button, new() { Name = "File the report" }).ClickAsync();
        await report.GetByLabel("On").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await report.GetByLabel("Members").FillAsync("200");
        await report.GetByLabel("Women").FillAsync("50");
        await report.GetByRole(AriaRole.Button, new() { Name = "File the report" }).ClickAsync();
        await Expect(page.Locator("#reports tbody tr")).ToHaveCountAsync(2);

        var rows = page.Locator("#trend tbody tr");
        await Expect(rows.First.Locator("td")).ToHaveTextAsync([today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), "200", "50", "—", "1", "0"]);
        await Expect(rows.Nth(1).Locator("td")).ToHaveTextAsync([lastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), "180", "40", "—", "1", "0"]);
        await Expect(page.Locator("#trend-chart")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('trend-chart')) !== undefined"));

        await report.GetByLabel("On").FillAsync(today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await report.GetByLabel("Members").FillAsync("999");
        await report.GetByRole(AriaRole.Button, new() { Name = "File the report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is in the future");
        await Expect(page.Locator("#reports tbody tr")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(page, "mass-organization-body");
    }
}
