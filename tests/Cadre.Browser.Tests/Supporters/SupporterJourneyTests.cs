using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Supporters;

/// From a visitor's sign-up on the public form to an application for membership, as the branch secretary sees it.
public sealed class SupporterJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_visitor_signs_up_and_the_secretary_turns_them_into_an_applicant()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        var olga = await app.RegisterMemberAsync(tree.NorthBranch, "Olga", "Benario");
        var ernst = await app.RegisterMemberAsync(tree.NorthBranch, "Ernst", "Thälmann");
        await app.CreateUserAsync("branch.secretary@example.org", Role.Secretary, tree.NorthBranch);

        var secretary = await browser.NewPageAsync();
        await SignInAsync(secretary, "branch.secretary@example.org");
        await secretary.GotoAsync("/supporters/funnel");
        var total = secretary.Locator("#funnel-total");
        await Expect(total).ToContainTextAsync("Total");
        var before = await CellsAsync(total);

        await secretary.GotoAsync("/supporters/forms");
        await secretary.GetByLabel("Title").FillAsync("May Day with the dockworkers");
        await secretary.GetByLabel("Text").FillAsync("Join us on the first of May, and hear from the branch.");
        await secretary.GetByLabel("Consent asked for").SelectOptionAsync(new SelectOptionValue { Label = "Events" });
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        var link = secretary.Locator("#forms a.form-link").First;
        await Expect(link).ToContainTextAsync("/join/may-day-with-the-dockworkers-");
        var address = await link.GetAttributeAsync("href");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(address!);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "May Day with the dockworkers" })).ToBeVisibleAsync();
        await visitor.GetByLabel("Your name").FillAsync("Rosa Luxemburg");
        await visitor.GetByLabel("Email").FillAsync("rosa@example.org");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tick the box to give your consent");
        await visitor.GetByLabel("Your name").FillAsync("Rosa Luxemburg");
        await visitor.GetByLabel("Email").FillAsync("rosa@example.org");
        await visitor.GetByLabel("I agree that Dockworkers Branch contacts me about its events.").CheckAsync();
        await Screenshots.SaveAsync(visitor, "supporters-sign-up");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(visitor.Locator("#thanks")).ToContainTextAsync("Thank you");

        await secretary.GotoAsync("/supporters");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Rosa Luxemburg" }).ClickAsync();
        await Expect(secretary.Locator("#contact")).ToContainTextAsync("rosa@example.org");
        await Expect(secretary.Locator("#consents")).ToContainTextAsync("Events");
        await Expect(secretary.Locator("#consents")).ToContainTextAsync("web form (sign-up form)");
        await Screenshots.SaveAsync(secretary, "supporters-supporter");

        await secretary.GetByRole(AriaRole.Button, new() { Name = "Turn into an applicant" }).ClickAsync();
        await Expect(secretary.GetByLabel("Given name")).ToHaveValueAsync("Rosa");
        await Expect(secretary.GetByLabel("Family name")).ToHaveValueAsync("Luxemburg");
        await secretary.GetByLabel("Primary organization").SelectOptionAsync(new SelectOptionValue { Label = "Dockworkers Branch (N-1-1)" });
        await secretary.GetByLabel("Sponsors' member numbers").FillAsync($"{olga.Number} {ernst.Number}");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Rosa Luxemburg", Level = 1 })).ToBeVisibleAsync();
        await Expect(secretary.Locator("#member-status")).ToHaveTextAsync("Applicant");

        await secretary.GotoAsync("/members/applications");
        await Expect(secretary.Locator("main")).ToContainTextAsync("Rosa Luxemburg");
        await secretary.GotoAsync("/supporters/funnel");
        var after = await CellsAsync(total);
        Assert.Equal(before[0] + 1, after[0]);
        Assert.Equal(before[1] + 1, after[1]);
        Assert.Equal(before[2] + 1, after[2]);
        await Expect(secretary.Locator("#funnel-chart")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(secretary, "supporters-funnel");
    }

    private static async Task<int[]> CellsAsync(ILocator row) =>
        (await row.Locator("td").AllInnerTextsAsync()).Select(t => int.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
    }
}
