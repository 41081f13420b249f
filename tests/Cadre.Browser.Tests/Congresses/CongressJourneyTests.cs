using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Congresses;

/// The centre's secretary convenes a congress, apportions the delegates and records them; the delegates are checked in; a
/// committee is elected by Scottish STV with five delegates voting in their own browsers; a voter finds their receipt in the
/// published list with every stage shown; then a delegate's motion is supported, amended and adopted with the amendment merged in.
public sealed partial class CongressJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly (string Given, string Family, bool North)[] People =
        [("Rosa", "Adler", true), ("Karl", "Brandt", true), ("Clara", "Cohn", true), ("Anna", "Dorn", false), ("Emil", "Engel", false)];

    // Preferences of the five delegates among Ana (1), Ben (2) and Cai (3), in order.
    private static readonly int[][] Rankings = [[1, 2], [1, 3], [1, 2], [2, 1], [3, 2]];

    [Fact]
    public async Task A_congress_elects_a_committee_by_STV_in_the_browser_publishes_its_stages_and_adopts_an_amended_motion()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        var delegates = new List<(string Name, string Number, string Email, bool North)>();
        foreach (var (given, family, north) in People)
        {
            var member = await app.RegisterMemberAsync(north ? tree.NorthBranch : tree.SouthBranch, given, family);
            var email = $"{given.ToLowerInvariant()}@example.org";
            await app.CreateUserAsync(email, Role.Member, north ? tree.NorthBranch : tree.SouthBranch, member.PersonId);
            delegates.Add(($"{given} {family}", member.Number, email, north));
        }
        await app.CreateUserAsync("presidium@example.org", Role.Secretary, tree.Centre);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var presidium = await SignInAsync("presidium@example.org");
        await presidium.GotoAsync("/congresses");
        await presidium.Locator("#convene summary").ClickAsync();
        await presidium.Locator("input[name=organizationCode]").FillAsync("CC");
        await presidium.Locator("input[name=number]").FillAsync("9");
        await presidium.Locator("input[name=opensOn]").FillAsync(today);
        await presidium.Locator("input[name=closesOn]").FillAsync(today);
        await presidium.Locator("input[name=place]").FillAsync("Union hall");
        await presidium.Locator("input[name=cutOffOn]").FillAsync(today);
        await presidium.Locator("input[name=delegateSeats]").FillAsync("5");
        await presidium.Locator("select[name=method]").SelectOptionAsync("DHondt");
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Convene" }).ClickAsync();
        await Expect(presidium).ToHaveURLAsync(new Regex(@"/congresses/\d+$"));
        var congressUrl = new Uri(presidium.Url).AbsolutePath;

        await presidium.GetByRole(AriaRole.Button, new() { Name = "Apportion the delegates" }).ClickAsync();
        await Expect(presidium.Locator("#allocation tbody tr")).ToHaveCountAsync(2);
        await Expect(presidium.Locator("#allocation tbody tr").Filter(new() { HasText = "North Region" })).ToContainTextAsync("3");
        await Expect(presidium.Locator("#allocation tbody tr").Filter(new() { HasText = "South Region" })).ToContainTextAsync("2");
        for (var i = 0; i < delegates.Count; i++)
        {
            var d = delegates[i];
            await presidium.Locator("#elect summary").ClickAsync();
            await presidium.Locator("#elect input[name=organizationCode]").FillAsync(d.North ? "N" : "S");
            await presidium.Locator("#elect input[name=memberNumber]").FillAsync(d.Number);
            await presidium.Locator("#elect input[name=electedAt]").FillAsync("Regional conference, minutes 1");
            await presidium.GetByRole(AriaRole.Button, new() { Name = "Record the delegate" }).ClickAsync();
            await Expect(presidium.Locator("#delegates tbody tr")).ToHaveCountAsync(i + 1);
        }
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Check the mandates" }).ClickAsync();
        await Expect(presidium.Locator("main > .flash")).ToContainTextAsync("5 confirmed, 0 refused");
        foreach (var d in delegates)
        {
            await presidium.GetByRole(AriaRole.Button, new() { Name = $"Check in {d.Name}" }).ClickAsync();
            await Expect(presidium.GetByRole(AriaRole.Button, new() { Name = $"Check out {d.Name}" })).ToBeVisibleAsync();
        }
        await Expect(presidium.Locator("#present-count")).ToHaveTextAsync("5");
        await Expect(presidium.Locator("#quorum")).ToHaveTextAsync("reached");

        await presidium.Locator("#new-poll summary").ClickAsync();
        await presidium.Locator("#new-poll input[name=title]").FillAsync("Central committee");
        await presidium.Locator("#new-poll select[name=method]").SelectOptionAsync("ScottishStv");
        await presidium.Locator("#new-poll input[name=seats]").FillAsync("2");
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Create the poll" }).ClickAsync();
        await Expect(presidium).ToHaveURLAsync(new Regex(@"/polls/\d+$"));
        var pollUrl = new Uri(presidium.Url).AbsolutePath;
        string[] candidates = ["Ana", "Ben", "Cai"];
        for (var i = 0; i < candidates.Length; i++)
        {
            await presidium.GetByLabel("Candidate's name").FillAsync(candidates[i]);
            await presidium.GetByRole(AriaRole.Button, new() { Name = "Nominate" }).ClickAsync();
            await Expect(presidium.Locator("#candidates li")).ToHaveCountAsync(i + 1);
        }
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Open the poll" }).ClickAsync();
        await Expect(presidium.Locator("#ballots-cast")).ToContainTextAsync("the poll is open");

        // Each delegate votes on their own device; the first keeps their receipt code.
        string? receipt = null;
        for (var i = 0; i < delegates.Count; i++)
        {
            var voter = await SignInAsync(delegates[i].Email);
            await voter.GotoAsync(pollUrl);
            for (var rank = 0; rank < Rankings[i].Length; rank++)
                await voter.GetByLabel($"Preference for {candidates[Rankings[i][rank] - 1]}").FillAsync((rank + 1).ToString(CultureInfo.InvariantCulture));
            await voter.GetByRole(AriaRole.Button, new() { Name = "Cast my ballot" }).ClickAsync();
            await Expect(voter.Locator("#receipt-code")).ToHaveTextAsync(ReceiptPattern());
            if (i == 0) receipt = await voter.Locator("#receipt-code").TextContentAsync();
            await voter.Context.CloseAsync();
        }
        // The live count comes by htmx every two seconds.
        await Expect(presidium.Locator("#cast-count")).ToHaveTextAsync("5", new() { Timeout = 10_000 });
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Close the poll and count" }).ClickAsync();
        await Expect(presidium.Locator("#result-heading")).ToContainTextAsync("not yet published");
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Publish the result" }).ClickAsync();
        await Expect(presidium.Locator("#elected")).ToContainTextAsync("Ana");
        await Expect(presidium.Locator("#stages thead th")).Not.ToHaveCountAsync(1);
        await Screenshots.SaveAsync(presidium, "congresses-poll");

        var first = await SignInAsync(delegates[0].Email);
        await first.GotoAsync(pollUrl);
        await Expect(first.Locator("#stages")).ToContainTextAsync("Stage 1");
        await first.GetByLabel("Receipt code").FillAsync(receipt!.ToLowerInvariant());
        await first.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Expect(first.Locator("#receipt-check")).ToContainTextAsync($"Counted: {receipt}");
        await Expect(first.Locator("#receipt-check")).ToContainTextAsync("Ana, Ben");

        // A motion: submitted by the first delegate, supported by the second (htmx), amended by the third, adopted.
        await first.GotoAsync($"{congressUrl}/motions");
        await first.Locator("input[name=title]").FillAsync("Party schools");
        await first.Locator("textarea[name=text]").FillAsync("The congress resolves:\nto open a school in every district;\nto report on it yearly.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Submit the motion" }).ClickAsync();
        await Expect(first.Locator("hgroup h1")).ToHaveTextAsync("M1 Party schools");
        var motionUrl = new Uri(first.Url).AbsolutePath;

        var second = await SignInAsync(delegates[1].Email);
        await second.GotoAsync(motionUrl);
        await second.GetByRole(AriaRole.Button, new() { Name = "Support this motion" }).ClickAsync();
        await Expect(second.Locator("#supporter-count")).ToHaveTextAsync("1");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Take back my support" })).ToBeVisibleAsync();

        var third = await SignInAsync(delegates[2].Email);
        await third.GotoAsync(motionUrl);
        await third.Locator("#propose summary").ClickAsync();
        await third.Locator("#propose select[name=kind]").SelectOptionAsync("Replace");
        await third.Locator("#propose input[name=fromLine]").FillAsync("2");
        await third.Locator("#propose textarea[name=text]").FillAsync("to open a school in every district and region;");
        await third.GetByRole(AriaRole.Button, new() { Name = "Propose the amendment" }).ClickAsync();
        await Expect(third.Locator("#amendment-1 del")).ToHaveTextAsync("to open a school in every district;");
        await Expect(third.Locator("#amendment-1 ins")).ToHaveTextAsync("to open a school in every district and region;");

        await presidium.GotoAsync(motionUrl);
        await presidium.Locator("#amendment-1 details summary").ClickAsync();
        await presidium.GetByLabel("Recommendation on A1").SelectOptionAsync("Adopt");
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Record the recommendation" }).ClickAsync();
        await Expect(presidium.Locator("#amendment-1 .recommendation")).ToContainTextAsync("adopt");
        await presidium.GetByLabel("For A1").FillAsync("4");
        await presidium.GetByLabel("Against A1").FillAsync("1");
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Record the vote on A1" }).ClickAsync();
        await Expect(presidium.Locator("#amendment-1 .amendment-status")).ToHaveTextAsync("adopted");
        await presidium.GetByLabel("For the motion").FillAsync("5");
        await presidium.GetByLabel("Against the motion").FillAsync("0");
        await presidium.GetByRole(AriaRole.Button, new() { Name = "Record the vote on the motion" }).ClickAsync();
        await Expect(presidium.Locator("#motion-status")).ToHaveTextAsync("adopted");
        await Expect(presidium.Locator("#adopted-text")).ToContainTextAsync("to open a school in every district and region;");
        await Expect(presidium.Locator("#versions li")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(presidium, "congresses-motion");
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        return page;
    }

    [GeneratedRegex("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")]
    private static partial Regex ReceiptPattern();
}
