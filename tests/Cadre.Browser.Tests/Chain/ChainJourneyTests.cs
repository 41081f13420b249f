using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Chain;

/// The chain of leadership end to end (issue 5, point 5): the central secretariat issues a directive to every primary
/// organization; a primary secretary acknowledges it, holds a meeting whose attendance brings the quorum, adopts a decision
/// implementing the directive (picked from the branch's assignments) and reports; the district secretary sees the roll-up below
/// the district change; a member of the branch subscribes to their calendar feed and the feed is valid iCalendar with the meeting.
public sealed class ChainJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_directive_reaches_a_branch_that_decides_in_a_meeting_and_reports_and_the_district_sees_it()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        var rosa = await app.RegisterMemberAsync(tree.NorthBranch, "Rosa", "Adler");
        await app.RegisterMemberAsync(tree.NorthBranch, "Karl", "Brandt");
        await app.RegisterMemberAsync(tree.NorthBranch, "Clara", "Cohn");
        await app.CreateUserAsync("chain.centre@example.org", Role.Secretary, tree.Centre);
        await app.CreateUserAsync("chain.district@example.org", Role.Secretary, tree.NorthDistrict);
        await app.CreateUserAsync("chain.branch@example.org", Role.Secretary, tree.NorthBranch);
        await app.CreateUserAsync("chain.rosa@example.org", Role.Member, tree.NorthBranch, rosa.PersonId);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The central secretariat issues the directive to every primary organization.
        var centre = await browser.NewPageAsync();
        await SignInAsync(centre, "chain.centre@example.org");
        await centre.GetByRole(AriaRole.Link, new() { Name = "Directives", Exact = true }).ClickAsync();
        await centre.GetByRole(AriaRole.Button, new() { Name = "Issue a directive" }).ClickAsync();
        await centre.GetByLabel("Title").FillAsync("Study the programme");
        await centre.GetByLabel("Text (Markdown)").FillAsync("Every branch discusses the **programme** at a general meeting and reports.");
        await centre.GetByLabel("Due on").FillAsync(due);
        await centre.GetByLabel("The organizations of these levels:").CheckAsync();
        await centre.GetByLabel("Primary organization").CheckAsync();
        await centre.GetByLabel("Figure 1", new() { Exact = true }).FillAsync("members present");
        await centre.GetByRole(AriaRole.Button, new() { Name = "Issue the directive" }).ClickAsync();
        await Expect(centre.Locator("#rollup-total")).ToHaveTextAsync("0 of 2 reported, 0 overdue");

        // The district holds no assignment of its own; it follows the directive below it.
        var district = await browser.NewPageAsync();
        await SignInAsync(district, "chain.district@example.org");
        await district.GetByRole(AriaRole.Link, new() { Name = "Directives", Exact = true }).ClickAsync();
        await Expect(district.Locator("#reaching")).ToContainTextAsync("0 of 1");
        await district.Locator("#reaching").GetByRole(AriaRole.Link, new() { Name = "Study the programme" }).ClickAsync();
        await Expect(district.Locator("#rollup-total")).ToHaveTextAsync("0 of 1 reported, 0 overdue");
        var districtView = district.Url;

        // The branch acknowledges it.
        var branch = await browser.NewPageAsync();
        await SignInAsync(branch, "chain.branch@example.org");
        await branch.GetByRole(AriaRole.Link, new() { Name = "Directives", Exact = true }).ClickAsync();
        await branch.Locator("#to-act-on").GetByRole(AriaRole.Link, new() { Name = "Study the programme" }).ClickAsync();
        await branch.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(branch.Locator("#assignment-status")).ToContainTextAsync("acknowledged");
        var assignmentUrl = branch.Url;

        // It holds a general meeting that has just begun: attendance brings the quorum, and the decision implements the directive.
        await branch.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }).ClickAsync();
        await branch.GetByRole(AriaRole.Button, new() { Name = "Schedule a meeting" }).ClickAsync();
        var start = DateTime.UtcNow.AddMinutes(-10);
        await branch.GetByLabel("Starts (UTC)").FillAsync(start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await branch.GetByLabel("Place").FillAsync("Dockers' hall");
        await branch.GetByLabel("Agenda (one item a line)").FillAsync("The programme");
        await branch.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        await Expect(branch.Locator("#quorum")).ToContainTextAsync("No quorum");
        var meetingUrl = branch.Url;
        await TickAsync(branch, "Rosa Adler present");
        await TickAsync(branch, "Karl Brandt present");
        await Expect(branch.Locator("#quorum")).ToContainTextAsync("Quorum reached");

        await branch.Locator("#record-decision summary").ClickAsync();
        await branch.GetByLabel("Text (Markdown)").FillAsync("The branch studies the **programme** in three sessions.");
        await branch.Locator("#record-decision select[name=agendaItemId]").SelectOptionAsync(new SelectOptionValue { Label = "1. The programme" });
        var picker = branch.GetByLabel("Implements the directive");
        var option = picker.Locator("option", new() { HasText = "Study the programme" });
        await Expect(option).ToHaveCountAsync(1);
        await picker.SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await branch.GetByLabel("For", new() { Exact = true }).FillAsync("2");
        await branch.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(branch.Locator("main > .flash")).ToContainTextAsync($"Decision {start.Year}/1 is recorded.");
        await Expect(branch.Locator("#decisions .implements")).ToContainTextAsync("Implements Study the programme");

        // It reports.
        await branch.GotoAsync(assignmentUrl);
        await branch.Locator("#report summary").ClickAsync();
        await branch.GetByLabel("Outcome").SelectOptionAsync("Implemented");
        await branch.GetByLabel("Report (Markdown)").FillAsync($"Decision {start.Year}/1: three study sessions.");
        await branch.GetByLabel("members present").FillAsync("2");
        await branch.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Expect(branch.Locator("#assignment-status")).ToContainTextAsync("reported");

        // The district sees the roll-up below it change.
        await district.GotoAsync(districtView);
        await Expect(district.Locator("#rollup-total")).ToHaveTextAsync("1 of 1 reported, 0 overdue");
        await Expect(district.Locator("#by-level")).ToContainTextAsync("2");
        await Screenshots.SaveAsync(district, "chain-district-rollup");

        // A member subscribes to the calendar of their meetings; the feed is iCalendar with the branch's meeting.
        var member = await browser.NewPageAsync();
        await SignInAsync(member, "chain.rosa@example.org");
        await member.GotoAsync("/meetings/calendars");
        await member.GetByRole(AriaRole.Button, new() { Name = "Make an address for my meetings" }).ClickAsync();
        var feedUrl = (await member.Locator("#new-calendar").TextContentAsync())!.Trim();
        Assert.Matches("/calendar/[^/]+\\.ics$", feedUrl);
        var anonymous = await browser.NewPageAsync();
        var feed = await anonymous.APIRequest.GetAsync(feedUrl);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("text/calendar", feed.Headers["content-type"], StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(await feed.TextAsync())!;
        var meetingId = meetingUrl.Split('/')[^1];
        var meeting = Assert.Single(calendar.Events, e => e.Uid == $"meeting-{meetingId}@cadre");
        Assert.Equal("General meeting", meeting.Summary);
        Assert.Equal("Dockers' hall", meeting.Location);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
    }

    // One tick: wait for the server's answer and for htmx to put the new checklist in place before the next.
    private static async Task TickAsync(IPage page, string label)
    {
        await page.RunAndWaitForResponseAsync(() => page.GetByLabel(label).CheckAsync(), r => r.Url.Contains("handler=Mark", StringComparison.Ordinal));
        await Expect(page.Locator("#checklist .htmx-request")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel(label)).ToBeCheckedAsync();
    }
}
