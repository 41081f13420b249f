using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Meetings;

/// A branch secretary schedules a general meeting that has just begun, ticks the attendance on the checklist and sees
/// the quorum come (a candidate ticked does not bring it), records a numbered decision and writes the minutes.
public sealed class MeetingJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_secretary_schedules_a_meeting_ticks_attendance_reaches_quorum_and_records_a_decision_and_minutes()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        foreach (var (given, family) in new[] { ("Rosa", "Adler"), ("Karl", "Brandt"), ("Clara", "Cohn") })
            await app.RegisterMemberAsync(tree.NorthBranch, given, family);
        await app.CreateUserAsync("secretary@example.org", Role.Secretary, tree.NorthBranch);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("secretary@example.org");
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule a meeting" }).ClickAsync();
        // The monthly general meeting is the kind offered first.
        await Expect(page.Locator("select[name=KindId] option:checked")).ToHaveTextAsync("General meeting");
        var start = DateTime.UtcNow.AddMinutes(-10);
        await page.GetByLabel("Starts (UTC)").FillAsync(start.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Place").FillAsync("Dockers' hall");
        await page.GetByLabel("Agenda (one item a line)").FillAsync("Report of the committee\nThe campaign");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        await Expect(page.Locator("hgroup h1")).ToHaveTextAsync("General meeting");
        await Expect(page.Locator("#agenda li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#quorum")).ToContainTextAsync("No quorum");
        await Expect(page.Locator("#quorum")).ToContainTextAsync("0 of 3 full members present, 2 needed");

        // Each tick goes back to the server and the checklist comes back with the quorum as it now stands.
        await TickAsync(page, "Rosa Adler present");
        await Expect(page.Locator("#quorum")).ToContainTextAsync("1 of 3 full members present");
        await TickAsync(page, "Clara Cohn excused");
        await TickAsync(page, "Karl Brandt late");
        await Expect(page.Locator("#quorum")).ToContainTextAsync("Quorum reached");
        await Expect(page.Locator("#quorum")).ToContainTextAsync("2 of 3 full members present, 2 needed");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Karl Brandt late")).ToBeCheckedAsync();

        await page.Locator("#record-decision summary").ClickAsync();
        await page.GetByLabel("Text (Markdown)").FillAsync("The branch joins the **campaign**.");
        await page.Locator("#record-decision select[name=agendaItemId]").SelectOptionAsync(new SelectOptionValue { Label = "2. The campaign" });
        await page.GetByLabel("For", new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        var number = $"{start.Year}/1";
        await Expect(page.Locator("main > .flash")).ToContainTextAsync($"Decision {number} is recorded.");
        await Expect(page.Locator("#decisions tbody tr")).ToContainTextAsync(number);
        await Expect(page.Locator("#decisions strong")).ToHaveTextAsync("campaign");

        await page.Locator("#write-minutes summary").ClickAsync();
        await page.GetByLabel("Minutes (Markdown)").FillAsync("# Minutes\n\nThe committee reported; the branch joined the campaign (decision " + number + ").");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the minutes" }).ClickAsync();
        await Expect(page.Locator("#minutes h1")).ToHaveTextAsync("Minutes");
        await Expect(page.Locator("#minutes")).ToContainTextAsync("decision " + number);
        await Screenshots.SaveAsync(page, "meetings-meeting");
    }

    // One tick: wait for the server's answer and for htmx to put the new checklist in place before the next.
    private static async Task TickAsync(IPage page, string label)
    {
        await page.RunAndWaitForResponseAsync(() => page.GetByLabel(label).CheckAsync(), r => r.Url.Contains("handler=Mark", StringComparison.Ordinal));
        await Expect(page.Locator("#checklist .htmx-request")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel(label)).ToBeCheckedAsync();
    }
}
