using System.Text;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.International;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.International;

/// The international department's journeys: importing the Party Facts table through the web page (again with a change, then
/// a broken file), recording a delegation received with its members, and a joint declaration collecting its signatories
/// (signing, a later adherent, a withdrawal, the export of the list).
public sealed class InternationalJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Header = "country,partyfacts_id,technical,name_short,name,name_english,name_other,year_first,year_last,share,share_year,new,wikipedia,description,comment,created,modified";

    private static FilePayload Csv(string name, params string[] rows) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n") };

    private async Task<IPage> OfficerAsync(string email)
    {
        var tree = await browser.App.CreateTreeAsync();
        await browser.App.CreateUserAsync(email, Role.InternationalOfficer, tree.Centre);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        return page;
    }

    private Task<int> PartyAsync(string country, string name) =>
        browser.App.WithDbAsync(async db => (await RegisterParty.HandleAsync(db, Actor.System("test"), new RegisterParty.Request
        {
            Details = new PartyDetails { CountryCode = country, Name = name },
        }, CancellationToken.None)).Value);

    [Fact]
    public async Task The_department_imports_the_party_table_updates_it_and_a_broken_file_changes_nothing()
    {
        var page = await OfficerAsync("importer@example.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "International", Exact = true }).ClickAsync();
        await page.GotoAsync("/international/parties/import");
        await page.GetByLabel("File").SetInputFilesAsync(Csv("partyfacts-core-parties.csv",
            "VNM,910001,,CPV,Dang Cong san Viet Nam,Communist Party of Vietnam (import),,1930,,,,,,,,,",
            "LAO,910002,,LPRP,Phak Paxaxon Pativat Lao,Lao People's Revolutionary Party (import),,1955,,,,,,,,,",
            "CUB,910003,,PCC,Partido Comunista de Cuba (import),,,1965,,,,,,,,,",
            "CUB,910004,alliance,,Some alliance,,,,,,,,,,,,"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.Locator("#import-report")).ToHaveTextAsync("Imported 3 parties in 3 countries: 3 new, 0 updated, 0 unchanged; 1 technical row(s) left out.");

        // Importing again, with one party's English name corrected, updates it and duplicates nothing.
        await page.GetByLabel("File").SetInputFilesAsync(Csv("partyfacts-core-parties.csv",
            "VNM,910001,,CPV,Dang Cong san Viet Nam,Communist Party of Viet Nam (import),,1930,,,,,,,,,",
            "LAO,910002,,LPRP,Phak Paxaxon Pativat Lao,Lao People's Revolutionary Party (import),,1955,,,,,,,,,",
            "CUB,910003,,PCC,Partido Comunista de Cuba (import),,,1965,,,,,,,,,"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.Locator("#import-report")).ToHaveTextAsync("Imported 3 parties in 3 countries: 0 new, 1 updated, 2 unchanged; 0 technical row(s) left out.");

        // An unknown country code: the problem is named by line and column, and nothing is imported.
        await page.GetByLabel("File").SetInputFilesAsync(Csv("broken.csv",
            "VNM,910005,,,Mat Tran To Quoc (import),,,1955,,,,,,,,,",
            "XYZ,910006,,,Nowhere Party (import),,,1990,,,,,,,,,"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.Locator("#import-problems")).ToContainTextAsync("Nothing was imported");
        await Expect(page.Locator("#import-problems")).ToContainTextAsync("\"XYZ\" is not a country code");

        await page.GotoAsync("/international/parties?q=" + Uri.EscapeDataString("Viet Nam (import)"));
        await Expect(page.Locator("main")).ToContainTextAsync("Communist Party of Viet Nam (import)");
        await page.GotoAsync("/international/parties?q=" + Uri.EscapeDataString("Mat Tran To Quoc"));
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Mat Tran To Quoc (import)");
    }

    [Fact]
    public async Task The_department_records_a_delegation_received_with_its_members()
    {
        var party = await PartyAsync("NPL", "Nepal Workers and Peasants Party (journey)");
        var page = await OfficerAsync("delegations@example.org");
        await page.GotoAsync($"/international/parties/{party}");
        await Expect(page.Locator("#no-relations")).ToBeVisibleAsync();

        await page.GetByText("Set the relation").ClickAsync();
        var relation = page.Locator("#relation-form");
        await relation.GetByLabel("Status").SelectOptionAsync("Friendly");
        await relation.GetByLabel("On", new() { Exact = true }).FillAsync("2023-05-01");
        await relation.GetByLabel("Note").FillAsync("Talks at the congress");
        await relation.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Expect(page.Locator("#relations .relation-status")).ToHaveTextAsync("Friendly");

        await page.GetByText("Record an exchange").ClickAsync();
        var exchange = page.Locator("#exchange-form");
        await exchange.GetByLabel("Kind").SelectOptionAsync("DelegationReceived");
        await exchange.GetByLabel("Title").FillAsync("Delegation to our anniversary");
        await exchange.GetByLabel("On", new() { Exact = true }).FillAsync("2024-11-02");
        await exchange.GetByLabel("Until").FillAsync("2024-11-06");
        await exchange.GetByLabel("Place").FillAsync("The capital");
        await exchange.GetByLabel("Members of the delegation").FillAsync("Bhim Rawal, head of delegation\nSita Devi, international department\nRam Kumar");
        await exchange.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The exchange is recorded.");
        var row = page.Locator("#exchanges tbody tr").First;
        await Expect(row).ToContainTextAsync("Delegation received");
        await Expect(row).ToContainTextAsync("2024-11-02 – 2024-11-06");
        await Expect(row).ToContainTextAsync("Bhim Rawal (head of delegation); Sita Devi (international department); Ram Kumar");

        // A delegation that ends before it starts is refused and nothing is added.
        await page.GetByText("Record an exchange").ClickAsync();
        await exchange.GetByLabel("Kind").SelectOptionAsync("DelegationSent");
        await exchange.GetByLabel("Title").FillAsync("Backwards visit");
        await exchange.GetByLabel("On", new() { Exact = true }).FillAsync("2024-12-10");
        await exchange.GetByLabel("Until").FillAsync("2024-12-01");
        await exchange.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The end is on or after the start.");
        await Expect(page.Locator("#exchanges tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_declaration_collects_signatories_a_later_adherent_and_a_withdrawal_and_exports_the_list()
    {
        await PartyAsync("VNM", "Zemblan Workers Party");
        await PartyAsync("CUB", "Zemblan Peasants Union");
        await PartyAsync("LAO", "Zemblan Youth Front");
        var page = await OfficerAsync("declarations@example.org");
        await page.GotoAsync("/international/declarations");
        var form = page.Locator("#declaration-form");
        await form.GetByLabel("Title").FillAsync("Declaration of the Zemblan meeting");
        await form.GetByLabel("Adopted on").FillAsync("2024-04-20");
        await form.GetByLabel("Place").FillAsync("Zembla");
        await form.GetByLabel("Text", new() { Exact = true }).FillAsync("The parties gathered here declare their solidarity.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Expect(page.Locator("hgroup h1")).ToHaveTextAsync("Declaration of the Zemblan meeting");

        // Two parties sign on the day of adoption.
        await page.GetByLabel("Find parties to add").FillAsync("Zemblan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByLabel("Zemblan Workers Party").CheckAsync();
        await page.GetByLabel("Zemblan Peasants Union").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the signatories" }).ClickAsync();
        await Expect(page.Locator("#signatories-heading")).ToHaveTextAsync("Signatories: 2 of 2 (2 original, 0 adherent(s), 0 withdrawn)");

        // A third adheres later.
        await page.GetByLabel("Find parties to add").FillAsync("Zemblan Youth");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByLabel("Zemblan Youth Front").CheckAsync();
        await page.GetByLabel("Signed on").FillAsync("2024-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the signatories" }).ClickAsync();
        await Expect(page.Locator("#signatories-heading")).ToHaveTextAsync("Signatories: 3 of 3 (2 original, 1 adherent(s), 0 withdrawn)");
        await Expect(page.Locator("#signatories tr", new() { HasText = "Zemblan Youth Front" })).ToContainTextAsync("2024-06-01 (adherent)");

        // A withdrawal dated before the signing is refused; on a later date it is recorded.
        var peasants = page.Locator("#signatories tr", new() { HasText = "Zemblan Peasants Union" });
        await peasants.GetByLabel("Withdrawn on").FillAsync("2024-03-01");
        await peasants.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(page.Locator("#signatories-heading")).ToHaveTextAsync("Signatories: 3 of 3 (2 original, 1 adherent(s), 0 withdrawn)");
        peasants = page.Locator("#signatories tr", new() { HasText = "Zemblan Peasants Union" });
        await peasants.GetByLabel("Withdrawn on").FillAsync("2025-01-10");
        await peasants.GetByLabel("Reason").FillAsync("Merged into another party");
        await peasants.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(page.Locator("#signatories-heading")).ToHaveTextAsync("Signatories: 2 of 3 (2 original, 1 adherent(s), 1 withdrawn)");
        await Expect(page.Locator("#signatories tr", new() { HasText = "Zemblan Peasants Union" })).ToContainTextAsync("2025-01-10 (Merged into another party)");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export the signatories (CSV)" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!, TestContext.Current.CancellationToken);
        Assert.StartsWith("party,short_name,country_code,country,region,signed_on,kind,withdrawn_on,withdrawal_note", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(4, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Zemblan Peasants Union", csv, StringComparison.Ordinal);
        Assert.Contains("2025-01-10", csv, StringComparison.Ordinal);
        Assert.Contains("2024-06-01", csv, StringComparison.Ordinal);
    }
}
