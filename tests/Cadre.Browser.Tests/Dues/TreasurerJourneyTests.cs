using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Dues;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Dues;

/// A district treasurer's monthly round: two members of a branch are behind; the treasurer records the branch's
/// collection for each unpaid month on one screen, and the arrears list clears.
public sealed class TreasurerJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_treasurer_records_a_branchs_payments_and_the_members_arrears_clear()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        var thisMonth = Months.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        var first = thisMonth.AddMonths(-2);
        await app.WithDbAsync(async db => (await ChangeDuesRules.HandleAsync(db, Actor.System("test"),
            new ChangeDuesRules.Request { AccountingFrom = first, Bands = [new(0, 1m), new(1000, 1.5m)] }, CancellationToken.None)).Value);
        var clara = await app.RegisterMemberAsync(tree.NorthBranch, "Clara", "Zetkin");
        var august = await app.RegisterMemberAsync(tree.NorthBranch, "August", "Bebel");
        foreach (var (member, income) in new[] { (clara.MemberId, 2000m), (august.MemberId, 800m) })
            await app.WithDbAsync(async db => (await DeclareIncome.HandleAsync(db, Actor.System("test"),
                new DeclareIncome.Request(member, first, income), CancellationToken.None)).Value);
        await app.CreateUserAsync("north.treasurer@example.org", Role.Treasurer, tree.NorthDistrict);

        var page = await browser.NewPageAsync();
        await SignInAsync(page, "north.treasurer@example.org");

        // Both members are two months behind.
        await page.GotoAsync("/dues/arrears?org=N-1");
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync("Zetkin, Clara");
        await Expect(main).ToContainTextAsync("Bebel, August");

        // The collection sheet of the first unpaid month, reached from the dues page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Dues", Exact = true }).ClickAsync();
        await page.GetByLabel("Primary organization").FillAsync("N-1-1");
        await page.GetByLabel("Month", new() { Exact = true }).FillAsync(Months.Format(first));
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the collection sheet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dues for");
        var claraAmount = page.GetByLabel("Amount received from Clara Zetkin");
        await Expect(claraAmount).ToHaveValueAsync("30.00");
        await Expect(page.GetByLabel("Amount received from August Bebel")).ToHaveValueAsync("8.00");
        await page.GetByLabel("Reference for Clara Zetkin").FillAsync("cash book p. 12");
        await Screenshots.SaveAsync(page, "dues-collection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record payments" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 payment(s) recorded, 38.00 EUR in all");
        await Expect(claraAmount).ToHaveValueAsync("");

        // The next month: Clara pays part; what she still owes is prefilled next time.
        await page.GetByRole(AriaRole.Link, new() { Name = "Next month →" }).ClickAsync();
        await page.GetByLabel("Amount received from Clara Zetkin").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record payments" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("28.00 EUR in all");
        await Expect(page.GetByLabel("Amount received from Clara Zetkin")).ToHaveValueAsync("10.00");

        // A negative amount is refused beside its field, and nothing is recorded.
        await page.GetByLabel("Amount received from Clara Zetkin").FillAsync("-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record payments" }).ClickAsync();
        await Expect(main).ToContainTextAsync("A payment is a positive amount.");
        await page.GetByLabel("Amount received from Clara Zetkin").FillAsync("10.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record payments" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 payment(s) recorded, 10.00 EUR in all");

        // The arrears are cleared; Clara's own page shows the payments with their receipts and nothing owed for past months.
        await page.GetByRole(AriaRole.Link, new() { Name = "Arrears" }).ClickAsync();
        await Expect(page.GetByTestId("no-arrears")).ToBeVisibleAsync();
        await page.GotoAsync("/dues/arrears?org=N-1");
        await Expect(page.GetByTestId("no-arrears")).ToBeVisibleAsync();
        await page.GotoAsync($"/dues/members/{clara.MemberId}");
        await Expect(main).ToContainTextAsync("cash book p. 12");
        await Expect(page.Locator("main table").Last.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("balance")).ToHaveTextAsync("30.00 EUR"); // only the current month is open
        await Screenshots.SaveAsync(page, "dues-member");
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
