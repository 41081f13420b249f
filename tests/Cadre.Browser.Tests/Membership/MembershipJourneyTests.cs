using System.Globalization;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Membership;

/// The lifecycle as secretaries live it. Dates lie in the past, so the probation has run its course by today
/// without a clock to move.
public sealed class MembershipJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_application_goes_through_admission_and_probation_to_full_membership()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        var olga = await app.RegisterMemberAsync(tree.NorthBranch, "Olga", "Benario");
        var ernst = await app.RegisterMemberAsync(tree.NorthBranch, "Ernst", "Thälmann");
        await app.CreateUserAsync("branch.secretary@example.org", Role.Secretary, tree.NorthBranch);

        var page = await browser.NewPageAsync();
        await SignInAsync(page, "branch.secretary@example.org");
        await page.GotoAsync("/members");
        await page.GetByRole(AriaRole.Link, new() { Name = "Applications" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New application" }).ClickAsync();
        await page.GetByLabel("Given name").FillAsync("Käthe");
        await page.GetByLabel("Family name").FillAsync("Kollwitz");
        await page.GetByLabel("Primary organization").SelectOptionAsync(new SelectOptionValue { Label = "Dockworkers Branch (N-1-1)" });
        await page.GetByLabel("Date of application").FillAsync(Day(Today.AddYears(-2)));
        await page.GetByLabel("Sponsors' member numbers").FillAsync($"{olga.Number} {olga.Number}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Or(page.Locator(".field-validation-error")).First)
            .ToContainTextAsync($"The member {olga.Number} is named twice as a sponsor.");
        await page.GetByLabel("Sponsors' member numbers").FillAsync($"{olga.Number} {ernst.Number}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Käthe Kollwitz", Level = 1 })).ToBeVisibleAsync();
        var status = page.Locator("#member-status");
        await Expect(status).ToHaveTextAsync("Applicant");

        var admit = page.Locator("#step-Admit");
        await admit.Locator("summary").ClickAsync();
        await admit.GetByLabel("Date").FillAsync(Day(Today.AddYears(-2).AddDays(14)));
        await admit.GetByLabel("Reference (minutes, resolution)").FillAsync("Branch meeting 4/" + Today.AddYears(-2).Year);
        await admit.GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Candidate member");
        await Screenshots.SaveAsync(page, "membership-candidate");

        // A year later the probation has ended: the candidate is on the overdue list.
        await page.GotoAsync("/members/overdue");
        await page.GetByRole(AriaRole.Link, new() { Name = "Käthe Kollwitz" }).ClickAsync();
        var confirm = page.Locator("#step-Confirm");
        await confirm.Locator("summary").ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm as full member" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Member");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "History" });
        await Expect(history).ToContainTextAsync("Confirmation as full member");
        await Expect(history).ToContainTextAsync("Admission");
        await Expect(history).ToContainTextAsync("Application");
        await Screenshots.SaveAsync(page, "membership-history");
        await page.GotoAsync("/members/overdue");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Kollwitz");
    }

    [Fact]
    public async Task A_transfer_between_two_districts_is_requested_and_accepted_by_the_receiving_secretary()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        var mover = await app.RegisterMemberAsync(tree.NorthBranch, "Willi", "Münzenberg");
        await app.CreateUserAsync("north.district@example.org", Role.Secretary, tree.NorthDistrict);
        await app.CreateUserAsync("south.district@example.org", Role.Secretary, tree.SouthDistrict);

        var sending = await browser.NewPageAsync();
        await SignInAsync(sending, "north.district@example.org");
        await sending.GotoAsync($"/members/{mover.MemberId}");
        var transfer = sending.Locator("#transfer");
        await transfer.Locator("summary").ClickAsync();
        await transfer.GetByLabel("To the primary organization (code)").FillAsync("S-1-1");
        await transfer.GetByLabel("Reason").FillAsync("Moved to the hills");
        await transfer.GetByRole(AriaRole.Button, new() { Name = "Request transfer" }).ClickAsync();
        await Expect(sending.Locator("main")).ToContainTextAsync("From Dockworkers Branch to Farmers Branch");
        await sending.GotoAsync("/members/transfers");
        await Expect(sending.GetByRole(AriaRole.Region, new() { Name = "Outgoing: waiting for the receiving organization" })).ToContainTextAsync("Münzenberg");

        var receiving = await browser.NewPageAsync();
        await SignInAsync(receiving, "south.district@example.org");
        await receiving.GotoAsync("/members/transfers");
        await Screenshots.SaveAsync(receiving, "membership-transfers");
        await receiving.GetByRole(AriaRole.Button, new() { Name = "Accept the transfer of Willi Münzenberg" }).ClickAsync();
        await Expect(receiving.Locator("main")).ToContainTextAsync("No incoming transfer is pending.");

        await receiving.GotoAsync($"/members/{mover.MemberId}");
        await Expect(receiving.GetByText(mover.Number).First).ToBeVisibleAsync();
        await Expect(receiving.GetByRole(AriaRole.Table, new() { Name = "History" })).ToContainTextAsync("Transferred");
        Assert.Equal(404, (await sending.GotoAsync($"/members/{mover.MemberId}"))!.Status);
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
