using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Health;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Health;

/// A district secretary opens the health dashboard, finds the branch with the most lapses, drills into the members
/// behind the number, acknowledges a warning, and opens the district's composition.
public sealed class HealthJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_district_secretary_finds_the_weakest_branch_drills_into_its_rows_and_acknowledges_a_warning()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        var railway = await app.CreateOrganizationAsync("N-1-2", "Railway Branch", 3, tree.NorthDistrict);
        await app.RegisterMemberAsync(tree.NorthBranch, "Ana", "Stays");
        await app.RegisterMemberAsync(tree.NorthBranch, "Rui", "Stays");
        var lapsed = (await app.RegisterMemberAsync(tree.NorthBranch, "Lea", "Lapsed")).MemberId;
        await app.RegisterMemberAsync(railway, "Ivo", "Rails");
        await app.RegisterMemberAsync(railway, "Eva", "Rails");
        await app.WithDbAsync(async db =>
        {
            var admin = Actor.System("test");
            Assert.True((await RecordLapse.HandleAsync(db, admin, lapsed, new DecisionRequest { Reference = "dues", Reason = "unpaid" }, CancellationToken.None)).IsSuccess);
            Assert.True((await CreateOffice.HandleAsync(db, admin, railway, new CreateOffice.Request { Title = "Secretary", Kind = OfficeKind.Secretary }, CancellationToken.None)).IsSuccess);
        });
        await app.WithDbAsync(db => ComputeHealth.RunAsync(db, CancellationToken.None, flowMonths: 2));
        await app.CreateUserAsync("district@example.org", Role.Secretary, tree.NorthDistrict);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("district@example.org");
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));

        // The dashboard of the district, with its trends drawn.
        await page.GetByRole(AriaRole.Link, new() { Name = "Health", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Health: Riverside District");
        await Expect(page.Locator("#trend-charts canvas").First).ToBeVisibleAsync();
        await Expect(page.Locator("#weakest tr[data-indicator=lapses]")).ToContainTextAsync("Dockworkers Branch");

        // The comparison on lapses puts Dockworkers first; its count leads to the member who lapsed.
        await page.Locator("#weakest tr[data-indicator=lapses]").GetByRole(AriaRole.Link, new() { Name = "Lapsed" }).ClickAsync();
        await Expect(page.Locator("#comparison tbody tr").First).ToHaveAttributeAsync("data-organization", "N-1-1");
        await page.Locator("#comparison tbody tr").First.Locator("td").Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#rows tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#rows")).ToContainTextAsync("Lea Lapsed");

        // Back on the dashboard, the open warning for the Railway secretary's office is acknowledged with a note.
        await page.GotoAsync("/dashboard");
        await page.Locator("#open-warnings").GetByRole(AriaRole.Link, new() { Name = "The secretary's office is vacant" }).ClickAsync();
        var warning = page.Locator("article", new() { HasText = "The secretary's office is vacant" });
        await warning.GetByLabel("Note").FillAsync("Election called for the next meeting.");
        await warning.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Acknowledged.");
        await Expect(page.Locator("article", new() { HasText = "The secretary's office is vacant" }).Locator(".warning-status")).ToHaveTextAsync("Acknowledged");

        // The district's composition: the charts drawn, and today's count of women leads to the four who are members today.
        await page.GotoAsync("/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "Composition", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Composition: Riverside District");
        await Expect(page.Locator("#composition-charts canvas").First).ToBeVisibleAsync();
        await page.Locator("#sex-fullmembers tr[data-category='1'] td").Last.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#rows tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#rows")).Not.ToContainTextAsync("Lea Lapsed");
    }
}
