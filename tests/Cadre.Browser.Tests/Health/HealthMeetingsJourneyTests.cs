using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Health;
using Cadre.Meetings;
using Cadre.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Health;

/// A district secretary opens the health dashboard, finds the branch with the weakest attendance, drills into its
/// meetings, and acknowledges the warning about it (issue 9, point 7).
public sealed class HealthMeetingsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_district_secretary_finds_the_branch_with_the_weakest_attendance_drills_into_its_meetings_and_acknowledges_the_warning()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        var railway = await app.CreateOrganizationAsync("N-1-2", "Railway Branch", 3, tree.NorthDistrict);
        await app.RegisterMemberAsync(tree.NorthBranch, "Ana", "Docks");
        await app.RegisterMemberAsync(tree.NorthBranch, "Rui", "Docks");
        await app.RegisterMemberAsync(railway, "Ivo", "Rails");
        await app.RegisterMemberAsync(railway, "Eva", "Rails");
        await MeetingAsync(app, tree.NorthBranch, 2, AttendanceStatus.Present, AttendanceStatus.Late);
        await MeetingAsync(app, railway, 3, AttendanceStatus.Present, AttendanceStatus.Absent);
        await MeetingAsync(app, railway, 2, AttendanceStatus.Absent, AttendanceStatus.Excused);
        await MeetingAsync(app, railway, 1, AttendanceStatus.Absent, AttendanceStatus.Absent);
        await app.WithDbAsync(db => ComputeHealth.RunAsync(db, CancellationToken.None, flowMonths: 2));
        await app.CreateUserAsync("district@example.org", Role.Secretary, tree.NorthDistrict);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("district@example.org");
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));

        // The dashboard names Railway as the weakest on attendance; the comparison of the branches puts it first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Health", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Health: Riverside District");
        var weakest = page.Locator("#weakest tr[data-indicator=attendance_recent]");
        await Expect(weakest).ToContainTextAsync("Railway Branch");
        await Expect(weakest).ToContainTextAsync("16.7 %");
        await weakest.GetByRole(AriaRole.Link, new() { Name = "Attendance at the last three general meetings" }).ClickAsync();
        await Expect(page.Locator("#comparison tbody tr").First).ToHaveAttributeAsync("data-organization", "N-1-2");
        await Expect(page.Locator("#comparison tbody tr").Last).ToHaveAttributeAsync("data-organization", "N-1-1");

        // Its number leads to its three meetings with their attendance, and each to the meeting itself.
        await page.Locator("#comparison tbody tr").First.Locator("td").Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#rows tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#rows")).ToContainTextAsync("1 of 2 (50 %)");
        await Expect(page.Locator("#rows")).ToContainTextAsync("0 of 2 (0 %)");
        await page.Locator("#rows tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/meetings/\\d+$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("General meeting");

        // Back on the dashboard, the warning about Railway's attendance is acknowledged with a note.
        await page.GotoAsync("/dashboard");
        await page.Locator("#open-warnings").GetByRole(AriaRole.Link, new() { Name = "Attendance below 50 % at the last three general meetings" }).ClickAsync();
        var warning = page.Locator("article", new() { HasText = "Attendance below 50 % at the last three general meetings" });
        await Expect(warning).ToContainTextAsync("Railway Branch");
        await warning.GetByLabel("Note").FillAsync("The branch committee visits every member before the next meeting.");
        await warning.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Acknowledged.");
        await Expect(page.Locator("article", new() { HasText = "Attendance below 50 % at the last three general meetings" }).Locator(".warning-status"))
            .ToHaveTextAsync("Acknowledged");
    }

    // A general meeting some days ago, its roll marked in order.
    private static Task MeetingAsync(CadreApp app, int organizationId, int daysAgo, params AttendanceStatus[] statuses) => app.WithDbAsync(async db =>
    {
        var admin = Actor.System("test");
        var kind = await db.MeetingKinds.Where(k => k.Name == "General meeting").Select(k => k.Id).SingleAsync();
        var scheduled = await ScheduleMeeting.HandleAsync(db, admin, new ScheduleMeeting.Request
        {
            OrganizationId = organizationId, KindId = kind, StartsAt = db.Now.AddDays(-daysAgo), Place = "Hall",
        }, CancellationToken.None);
        Assert.True(scheduled.IsSuccess);
        var roll = await db.Attendees.Where(a => a.MeetingId == scheduled.Value).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        Assert.True((await RecordAttendance.HandleAsync(db, admin, scheduled.Value,
            new RecordAttendance.Request([.. roll.Zip(statuses, (a, s) => new RecordAttendance.Mark(a, s))]), CancellationToken.None)).IsSuccess);
    });
}
