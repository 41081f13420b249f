using System.Text.RegularExpressions;
using Cadre.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Setup;

/// A first start on an empty database: the setup page creates the first administrator, then disappears.
public sealed partial class FirstAdministratorTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Email = "founder@example.org";
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task An_empty_installation_leads_to_setup_which_creates_the_administrator_and_then_is_gone()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(EndsWith("/setup"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up Cadre" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "setup");

        // A password the rules refuse: the error appears beside the password field and nothing is created.
        await FillAsync(page, Email, "too short");
        await Expect(page).ToHaveURLAsync(EndsWith("/setup"));
        await Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToContainTextAsync("at least 10 characters");
        await Expect(page.GetByLabel("Email address")).ToHaveValueAsync(Email);

        await FillAsync(page, Email, Password);
        await Expect(page).ToHaveURLAsync(EndsWith("/organizations"));
        // Signed in as the new administrator: the navigation names the account and offers the administration pages.
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(navigation).ToContainTextAsync(Email);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToBeVisibleAsync();

        var setupAgain = await page.GotoAsync("/setup");
        Assert.Equal(404, setupAgain!.Status);

        // A stranger arriving now gets the sign-in page, not the setup page.
        var stranger = await browser.NewPageAsync();
        await stranger.GotoAsync("/");
        await Expect(stranger).ToHaveURLAsync(new Regex("/account/sign-in"));
        Assert.Equal(404, (await stranger.GotoAsync("/setup"))!.Status);
    }

    private static async Task FillAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password (at least 10 characters)").FillAsync(password);
        await page.GetByLabel("Repeat the password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static Regex EndsWith(string path) => new($"{Regex.Escape(path)}$");
}
