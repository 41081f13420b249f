using System.Globalization;
using System.Net;
using Cadre.Accounts;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Members;

public sealed class MembershipPagesTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private Task<MemberStatus> StatusAsync(int memberId) => app.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Status).SingleAsync(Ct));

    [Fact]
    public async Task A_secretary_submits_an_application_admits_and_confirms_it_from_the_member_page()
    {
        var tree = await app.CreateTreeAsync("PG1");
        var sponsors = new[]
        {
            (await app.RegisterMemberAsync(tree.NorthBranch, "Olga", CadreApp.UniqueName("Sponsor"))).Number,
            (await app.RegisterMemberAsync(tree.NorthBranch, "Pavel", CadreApp.UniqueName("Sponsor"))).Number,
        };
        var family = CadreApp.UniqueName("Applicant");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);

        var bad = await CadreApp.PostFormAsync(browser, "/members/applications/new", new()
        {
            ["Input.Person.GivenName"] = "Iva", ["Input.Person.FamilyName"] = family, ["Input.OrganizationId"] = tree.NorthBranch.ToString(CultureInfo.InvariantCulture),
            ["Input.JoinedOn"] = Day(Today.AddYears(-2)), ["Sponsors"] = sponsors[0],
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("The statutes require 2 sponsor(s).", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var submitted = await CadreApp.PostFormAsync(browser, "/members/applications/new", new()
        {
            ["Input.Person.GivenName"] = "Iva", ["Input.Person.FamilyName"] = family, ["Input.OrganizationId"] = tree.NorthBranch.ToString(CultureInfo.InvariantCulture),
            ["Input.JoinedOn"] = Day(Today.AddYears(-2)), ["Sponsors"] = string.Join(" ", sponsors),
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var page = submitted.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Contains(family, await browser.GetStringAsync("/members/applications", Ct), StringComparison.Ordinal);

        var admitted = await CadreApp.PostFormAsync(browser, page, new()
        {
            ["step"] = "Admit", ["decision.On"] = Day(Today.AddYears(-2).AddDays(7)), ["decision.Reference"] = "Minutes 5",
        }, page + "?handler=Step");
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        Assert.Equal(MemberStatus.Candidate, await StatusAsync(id));
        Assert.Contains(family, await browser.GetStringAsync("/members/overdue", Ct), StringComparison.Ordinal);

        var confirmed = await CadreApp.PostFormAsync(browser, page, new() { ["step"] = "Confirm", ["decision.On"] = Day(Today) }, page + "?handler=Step");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(MemberStatus.Member, await StatusAsync(id));
        var html = await browser.GetStringAsync(page, Ct);
        Assert.Contains("Confirmation as full member", html, StringComparison.Ordinal);
        Assert.Contains("Minutes 5", html, StringComparison.Ordinal);
        Assert.DoesNotContain(family, await browser.GetStringAsync("/members/overdue", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_the_status_does_not_allow_is_shown_as_an_error_and_changes_nothing()
    {
        var tree = await app.CreateTreeAsync("PG2");
        var ana = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", CadreApp.UniqueName("Member"));
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        var page = $"/members/{ana.MemberId}";

        var response = await CadreApp.PostFormAsync(browser, page, new() { ["step"] = "Confirm", ["decision.On"] = Day(Today) }, page + "?handler=Step");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot take the step Confirm", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(MemberStatus.Member, await StatusAsync(ana.MemberId));
    }

    [Fact]
    public async Task Another_branch_secretary_cannot_act_on_a_member_from_the_page()
    {
        var tree = await app.CreateTreeAsync("PG3");
        var ana = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", CadreApp.UniqueName("Member"));
        var own = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        var other = await app.SignedInAsAsync(Role.Secretary, tree.SouthBranch);

        // The other secretary takes a valid form (and token) from a page of their own and posts it at this member.
        var ownMember = await app.RegisterMemberAsync(tree.SouthBranch, "Own", CadreApp.UniqueName("Member"));
        var response = await CadreApp.PostFormAsync(other, $"/members/{ownMember.MemberId}", new() { ["step"] = "Resign", ["decision.On"] = Day(Today) },
            $"/members/{ana.MemberId}?handler=Step");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(MemberStatus.Member, await StatusAsync(ana.MemberId));
        Assert.Contains("Record resignation", await own.GetStringAsync($"/members/{ana.MemberId}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_requested_from_the_member_page_is_accepted_on_the_receiving_transfers_page()
    {
        var tree = await app.CreateTreeAsync("PG4");
        var family = CadreApp.UniqueName("Mover");
        var ana = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", family);
        var sending = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var receiving = await app.SignedInAsAsync(Role.Secretary, tree.SouthDistrict);
        var page = $"/members/{ana.MemberId}";

        var dissolvedTarget = await CadreApp.PostFormAsync(sending, page, new() { ["toCode"] = "NO-SUCH-CODE", ["on"] = Day(Today) }, page + "?handler=Transfer");
        Assert.Contains("There is no such organization.", await dissolvedTarget.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var requested = await CadreApp.PostFormAsync(sending, page, new() { ["toCode"] = "pg4-s-1-1", ["on"] = Day(Today), ["reason"] = "Moved" },
            page + "?handler=Transfer");
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);

        var outgoing = await sending.GetStringAsync("/members/transfers", Ct);
        Assert.Contains(family, outgoing, StringComparison.Ordinal);
        Assert.DoesNotContain("Accept the transfer", outgoing, StringComparison.Ordinal);
        var incoming = await receiving.GetStringAsync("/members/transfers", Ct);
        Assert.Contains($"Accept the transfer of Ana {family}", incoming, StringComparison.Ordinal);
        var transferId = await app.WithDbAsync(db => db.TransferRequests.Where(t => t.MemberId == ana.MemberId).Select(t => t.Id).SingleAsync(Ct));

        var accepted = await CadreApp.PostFormAsync(receiving, "/members/transfers",
            new() { ["transferId"] = transferId.ToString(CultureInfo.InvariantCulture), ["on"] = Day(Today) }, "/members/transfers?handler=Accept");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(tree.SouthBranch, await app.WithDbAsync(db => db.Members.Where(m => m.Id == ana.MemberId).Select(m => m.OrganizationId).SingleAsync(Ct)));
        Assert.Contains("Transferred", await receiving.GetStringAsync(page, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_edits_the_membership_rules_and_a_secretary_cannot()
    {
        var tree = await app.CreateTreeAsync("PG5");
        var secretary = await app.SignedInAsAsync(Role.Secretary, tree.Centre);
        var response = await secretary.GetAsync("/settings/membership", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var admin = await app.SignedInAsAsync(Role.Administrator, null);
        var invalid = await CadreApp.PostFormAsync(admin, "/settings/membership", new()
        {
            ["Input.SponsorsRequired"] = "11", ["Input.SponsorSeniorityYears"] = "1", ["Input.ProbationMonths"] = "12", ["Input.RatificationRequired"] = "false",
        });
        Assert.Equal("Between 0 and 10 sponsors.", CadreApp.FieldError(await invalid.Content.ReadAsStringAsync(Ct), "Input.SponsorsRequired"));

        var saved = await CadreApp.PostFormAsync(admin, "/settings/membership", new()
        {
            ["Input.SponsorsRequired"] = "2", ["Input.SponsorSeniorityYears"] = "1", ["Input.ProbationMonths"] = "18", ["Input.RatificationRequired"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("18", CadreApp.FormValue(await admin.GetStringAsync("/settings/membership", Ct), "Input.ProbationMonths"));
        await CadreApp.PostFormAsync(admin, "/settings/membership", new()
        {
            ["Input.SponsorsRequired"] = "2", ["Input.SponsorSeniorityYears"] = "1", ["Input.ProbationMonths"] = "12", ["Input.RatificationRequired"] = "false",
        });
    }
}
