using System.Text;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Import;

/// A secretary imports a register: the file with one bad row is shown with the problem and refused; the corrected
/// file is previewed, confirmed and its members are in the list.
public sealed class ImportJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Header = "member_number,given_name,family_name,date_of_birth,sex,occupation,education,email,phone,address,organization_code,joined_on,status";

    [Fact]
    public async Task An_import_with_one_bad_row_is_shown_refused_corrected_and_accepted()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        await app.CreateUserAsync("import.secretary@example.org", Role.Secretary, tree.NorthDistrict);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "import.secretary@example.org");

        await page.GotoAsync("/members");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import members", Level = 1 })).ToBeVisibleAsync();

        var bad = $"{Header}\n,Louise,Michel,1980-05-29,f,,,,,\"Rue 1, Paris\",N-1-1,2020-05-01,member\n,Jean,Jaurès,1979-09-03,m,,,,,,N-1-1,31/02/2020,member\n";
        await UploadAsync(page, bad);
        var refused = page.Locator("#import-refused");
        await Expect(refused).ToBeVisibleAsync();
        await Expect(refused).ToContainTextAsync("Nothing will be imported");
        var problems = page.Locator("#import-problems");
        await Expect(problems).ToContainTextAsync("joined_on");
        await Expect(problems).ToContainTextAsync("\"31/02/2020\" is not a date written yyyy-MM-dd");
        await Expect(problems.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync("3");
        await Expect(page.Locator("#import-rows")).ToContainTextAsync("Jaurès");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Import \\d") })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "import-refused");

        await UploadAsync(page, bad.Replace("31/02/2020", "2020-02-29", StringComparison.Ordinal));
        await Expect(page.Locator("#import-refused")).ToHaveCountAsync(0);
        await Expect(page.Locator("#import-preview")).ToContainTextAsync("2 to create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 row(s)" }).ClickAsync();
        await Expect(page.Locator("#import-done")).ToContainTextAsync("2 created");

        await page.GetByRole(AriaRole.Button, new() { Name = "Go to the members" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Jaurès");
        await Expect(page.Locator("main")).ToContainTextAsync("Michel");
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "register.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.Locator("#import-preview")).ToBeVisibleAsync();
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
