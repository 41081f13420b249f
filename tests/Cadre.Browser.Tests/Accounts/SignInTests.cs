using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Accounts;

public sealed class SignInTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Generic = "The email address or the password is wrong.";
    private const string Locked = "Too many failed attempts: this account is locked for 15 minutes.";

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_generic_error()
    {
        await browser.App.CreateUserAsync("wrong-password@example.org", Role.Administrator, null);
        var page = await browser.NewPageAsync();

        await SignInAsync(page, "wrong-password@example.org", "not the password at all");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Generic);
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));

        // Someone without an account learns nothing more than someone with a wrong password.
        await SignInAsync(page, "nobody@example.org", "not the password at all");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Generic);

        await SignInAsync(page, "wrong-password@example.org", CadreApp.Password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/sign-in"));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToContainTextAsync("wrong-password@example.org");
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        await browser.App.CreateUserAsync("locked@example.org", Role.Administrator, null);
        var page = await browser.NewPageAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SignInAsync(page, "locked@example.org", $"wrong password {attempt}");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Generic);
        }
        await SignInAsync(page, "locked@example.org", "wrong password 5");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Locked);

        await SignInAsync(page, "locked@example.org", CadreApp.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Locked);
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
