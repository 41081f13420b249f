using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Congresses;

/// The analog mode in Chromium: a teller of the presidium enters a paper-only question's totals and imports a paper-only
/// election's ranked ballots from BLT; the published results show the paper counts.
public sealed class PaperJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    // Ana 3 first preferences, Ben 3, Cai 1 (whose paper goes to Ana): the quota is 4 of 7 papers.
    private const string Tellers = "3 1\n3 1 0\n2 2 0\n1 3 1 0\n1 2 1 0\n0\n\"Ana\"\n\"Ben\"\n\"Cai\"\n\"Chair\"\n";

    [Fact]
    public async Task A_teller_enters_paper_totals_and_imports_paper_ballots_and_the_published_results_show_them()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        await app.CreateUserAsync("teller@example.org", Role.Secretary, tree.Centre);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var teller = await browser.NewPageAsync();
        await teller.GotoAsync("/account/sign-in");
        await teller.GetByLabel("Email address").FillAsync("teller@example.org");
        await teller.GetByLabel("Password").FillAsync(CadreApp.Password);
        await teller.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(teller).ToHaveURLAsync(new Regex("/$"));

        await teller.GotoAsync("/congresses");
        await teller.Locator("#convene summary").ClickAsync();
        await teller.Locator("input[name=organizationCode]").FillAsync("CC");
        await teller.Locator("input[name=number]").FillAsync("11");
        await teller.Locator("input[name=opensOn]").FillAsync(today);
        await teller.Locator("input[name=closesOn]").FillAsync(today);
        await teller.Locator("input[name=place]").FillAsync("Union hall");
        await teller.Locator("input[name=cutOffOn]").FillAsync(today);
        await teller.Locator("input[name=delegateSeats]").FillAsync("5");
        await teller.GetByRole(AriaRole.Button, new() { Name = "Convene" }).ClickAsync();
        await Expect(teller).ToHaveURLAsync(new Regex(@"/congresses/\d+$"));
        var congressUrl = new Uri(teller.Url).AbsolutePath;

        // A question voted with paper cards.
        await teller.Locator("#new-poll summary").ClickAsync();
        await teller.Locator("#new-poll input[name=title]").FillAsync("Adopt the report");
        await teller.Locator("#new-poll select[name=kind]").SelectOptionAsync("Question");
        await teller.Locator("#new-poll select[name=majority]").SelectOptionAsync("TwoThirds");
        await teller.Locator("#new-poll input[name=paperOnly]").CheckAsync();
        await teller.GetByRole(AriaRole.Button, new() { Name = "Create the poll" }).ClickAsync();
        await Expect(teller).ToHaveURLAsync(new Regex(@"/polls/\d+$"));
        await Expect(teller.Locator("hgroup")).ToContainTextAsync("voted on paper");
        await teller.GetByRole(AriaRole.Button, new() { Name = "Open the poll" }).ClickAsync();
        await teller.GetByLabel("Yes").FillAsync("40");
        await teller.GetByLabel("No", new() { Exact = true }).FillAsync("20");
        await teller.GetByLabel("Abstaining").FillAsync("3");
        await teller.GetByLabel("Spoilt papers").FillAsync("1");
        await teller.GetByRole(AriaRole.Button, new() { Name = "Enter the paper totals" }).ClickAsync();
        await Expect(teller.Locator("main > .flash")).ToContainTextAsync("paper totals are entered");
        await teller.GetByRole(AriaRole.Button, new() { Name = "Publish the result" }).ClickAsync();
        // 40 of 63 valid votes is short of two thirds (42).
        await Expect(teller.Locator("#outcome")).ToHaveTextAsync("Not carried");
        await Expect(teller.Locator("#paper-count")).ToContainTextAsync("40 yes, 20 no, 3 abstaining; 1 spoilt");

        // An election counted from the tellers' transcription of the ranked papers.
        await teller.GotoAsync(congressUrl);
        await teller.Locator("#new-poll summary").ClickAsync();
        await teller.Locator("#new-poll input[name=title]").FillAsync("Chair");
        await teller.Locator("#new-poll select[name=method]").SelectOptionAsync("ScottishStv");
        await teller.Locator("#new-poll input[name=paperOnly]").CheckAsync();
        await teller.GetByRole(AriaRole.Button, new() { Name = "Create the poll" }).ClickAsync();
        foreach (var name in (string[])["Ana", "Ben", "Cai"])
        {
            await teller.Locator("input[name=name]").FillAsync(name);
            await teller.GetByRole(AriaRole.Button, new() { Name = "Nominate" }).ClickAsync();
            await Expect(teller.Locator("#candidates")).ToContainTextAsync(name);
        }
        await teller.GetByRole(AriaRole.Button, new() { Name = "Open the poll" }).ClickAsync();
        await teller.Locator("#paper-ballots input[type=file]").SetInputFilesAsync(new FilePayload { Name = "tellers.blt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Tellers) });
        await teller.GetByRole(AriaRole.Button, new() { Name = "Import the paper ballots" }).ClickAsync();
        await Expect(teller.Locator("main > .flash")).ToContainTextAsync("4 paper ballot(s), 7 vote(s)");
        await Expect(teller.Locator("#result-heading")).ToContainTextAsync("not yet published");
        await teller.GetByRole(AriaRole.Button, new() { Name = "Publish the result" }).ClickAsync();
        await Expect(teller.Locator("#elected")).ToHaveTextAsync("Ana");
        await Expect(teller.Locator("#paper-count")).ToContainTextAsync("4 ballot(s), 7 vote(s)");
        await Expect(teller.Locator("#stages tbody tr").First).ToContainTextAsync("3.00000");
        await Expect(teller.Locator("#ballot-list")).ToContainTextAsync("on paper");
        await Screenshots.SaveAsync(teller, "congresses-paper");
    }
}
