using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Members;

/// A district secretary's day: browse the tree to a branch, open a member, correct their data and find the
/// change in the audit trail; a secretary of another district cannot reach that member at all.
public sealed class SecretaryJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_district_secretary_edits_a_member_and_sees_the_audit_entry_while_another_district_cannot_reach_them()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        var clara = await app.RegisterMemberAsync(tree.NorthBranch, "Clara", "Zetkin");
        await app.RegisterMemberAsync(tree.NorthBranch, "August", "Bebel");
        await app.RegisterMemberAsync(tree.SouthBranch, "Rosa", "Luxemburg");
        await app.CreateUserAsync("north.secretary@example.org", Role.Secretary, tree.NorthDistrict);
        await app.CreateUserAsync("south.secretary@example.org", Role.Secretary, tree.SouthDistrict);

        var page = await browser.NewPageAsync();
        await SignInAsync(page, "north.secretary@example.org");

        // Searching the member list as one types replaces only the table (htmx) and keeps the URL shareable.
        await page.GotoAsync("/members");
        await Expect(page.Locator("#member-table")).ToContainTextAsync("Bebel");
        await page.GetByLabel("Name, member number, email address or phone").PressSequentiallyAsync("zet");
        await Expect(page.Locator("#member-table")).Not.ToContainTextAsync("Bebel");
        await Expect(page.Locator("#member-table")).ToContainTextAsync("Zetkin");
        await Expect(page).ToHaveURLAsync(new Regex("search=zet"));

        // The tree starts at the secretary's district; its branches load when it is expanded.
        await page.GotoAsync("/organizations");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Organization tree" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Riverside District" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Hillside District")).ToHaveCountAsync(0);
        await navigation.GetByRole(AriaRole.Button, new() { Name = "Show the organizations below Riverside District" }).ClickAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Dockworkers Branch" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "organizations");

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Dockworkers Branch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dockworkers Branch", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumbs" })).ToContainTextAsync("Riverside District");
        await Screenshots.SaveAsync(page, "organization");

        await page.GetByRole(AriaRole.Link, new() { Name = "Zetkin, Clara" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Clara Zetkin", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText(clara.Number).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "member");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Phone").FillAsync("+49 30 1234567");
        await page.GetByLabel("Family name").FillAsync("Zetkin-Eißner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/members/{clara.MemberId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Clara Zetkin-Eißner", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("+49 30 1234567")).ToBeVisibleAsync();

        // The change is in the audit trail: who made it, and the values before and after.
        await page.GetByRole(AriaRole.Button, new() { Name = "Personal data history" }).ClickAsync();
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync("north.secretary@example.org");
        await Expect(main).ToContainTextAsync("Zetkin-Eißner");
        await Expect(main).ToContainTextAsync("+49 30 1234567");
        await Screenshots.SaveAsync(page, "audit");

        // The other district's secretary: the member does not exist for them, by link or in the list.
        var other = await browser.NewPageAsync();
        await SignInAsync(other, "south.secretary@example.org");
        var response = await other.GotoAsync($"/members/{clara.MemberId}");
        Assert.Equal(404, response!.Status);
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        Assert.Equal(404, (await other.GotoAsync($"/members/{clara.MemberId}/edit"))!.Status);
        await other.GotoAsync("/members");
        await Expect(other.Locator("main")).ToContainTextAsync("Luxemburg");
        await Expect(other.Locator("main")).Not.ToContainTextAsync("Zetkin");
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
