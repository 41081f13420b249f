using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Directives;

/// The centre issues a directive to every primary organization; a branch secretary finds it in the inbox, acknowledges it and
/// reports with the figures; the centre sees the roll-up change and accepts the report.
public sealed class DirectiveJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_centre_issues_a_branch_reports_with_figures_and_the_centre_accepts()
    {
        var app = browser.App;
        await app.CreateTreeAsync();
        await app.CreateUserAsync("centre.secretary@example.org", Role.Secretary, (await app.CreateTreeAsync()).Centre);
        await app.CreateUserAsync("branch.secretary@example.org", Role.Secretary, (await app.CreateTreeAsync()).NorthBranch);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var centre = await browser.NewPageAsync();
        await SignInAsync(centre, "centre.secretary@example.org");
        await centre.GetByRole(AriaRole.Link, new() { Name = "Directives", Exact = true }).ClickAsync();
        await centre.GetByRole(AriaRole.Button, new() { Name = "Issue a directive" }).ClickAsync();
        await centre.GetByLabel("Title").FillAsync("Recruitment drive");
        await centre.GetByLabel("Text (Markdown)").FillAsync("Hold an **open meeting** and report how many people you reached.");
        await centre.GetByLabel("Due on").FillAsync(due);
        await centre.GetByLabel("The organizations of these levels:").CheckAsync();
        await centre.GetByLabel("Primary organization").CheckAsync();
        await centre.GetByLabel("Figure 1", new() { Exact = true }).FillAsync("members reached");
        await centre.GetByRole(AriaRole.Button, new() { Name = "Issue the directive" }).ClickAsync();
        await Expect(centre.Locator("hgroup h1")).ToHaveTextAsync("Recruitment drive");
        await Expect(centre.Locator("#rollup-total")).ToHaveTextAsync("0 of 2 reported, 0 overdue");
        var directiveUrl = centre.Url;

        var branch = await browser.NewPageAsync();
        await SignInAsync(branch, "branch.secretary@example.org");
        await branch.GetByRole(AriaRole.Link, new() { Name = "Directives", Exact = true }).ClickAsync();
        var inbox = branch.Locator("#to-act-on");
        await Expect(inbox).ToContainTextAsync("Central Committee");
        await inbox.GetByRole(AriaRole.Link, new() { Name = "Recruitment drive" }).ClickAsync();
        await Expect(branch.Locator("#assignment-status")).ToContainTextAsync("received");
        await Expect(branch.Locator("article.markdown strong")).ToHaveTextAsync("open meeting");
        await branch.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(branch.Locator("#assignment-status")).ToContainTextAsync("acknowledged");
        await branch.Locator("#report summary").ClickAsync();
        await branch.GetByLabel("Outcome").SelectOptionAsync("Implemented");
        await branch.GetByLabel("Report (Markdown)").FillAsync("One open meeting at the docks.");
        await branch.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Expect(branch.Locator(".form-errors")).ToContainTextAsync("members reached");
        await branch.GetByLabel("members reached").FillAsync("40");
        await branch.GetByLabel("Report (Markdown)").FillAsync("One open meeting at the docks.");
        await branch.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Expect(branch.Locator("#assignment-status")).ToContainTextAsync("reported");
        await Expect(branch.Locator("#figures")).ToContainTextAsync("40");

        await centre.GotoAsync(directiveUrl);
        await Expect(centre.Locator("#rollup-total")).ToHaveTextAsync("1 of 2 reported, 0 overdue");
        await Expect(centre.Locator("#by-level")).ToContainTextAsync("40");
        await Screenshots.SaveAsync(centre, "directive-rollup");
        await centre.Locator("#assignments").GetByRole(AriaRole.Link, new() { Name = "Dockworkers Branch" }).ClickAsync();
        await centre.GetByRole(AriaRole.Button, new() { Name = "Accept the report" }).ClickAsync();
        await Expect(centre.Locator("#assignment-status")).ToContainTextAsync("accepted");
        await centre.GotoAsync(directiveUrl);
        await Expect(centre.Locator("#by-level")).ToContainTextAsync("1 of 2");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
    }
}
