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

    private static readonly string[] SponsorNames = ["Olga", "Pavel"];

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
    public async Task A_suspension_is_imposed_appealed_and_overturned_from_the_member_page()
    {
        var tree = await app.CreateTreeAsync("PG6");
        var ana = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", CadreApp.UniqueName("Member"));
        var branch = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        var district = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var page = $"/members/{ana.MemberId}";
        var sanction = new Dictionary<string, string>
        {
            ["kind"] = "Suspension", ["decision.On"] = Day(Today.AddDays(-20)), ["decision.Reason"] = "Absent from six meetings",
        };

        var missingEnd = await CadreApp.PostFormAsync(branch, page, new(sanction), page + "?handler=Sanction");
        Assert.Contains("A suspension needs an end date after the decision.", await missingEnd.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(MemberStatus.Member, await StatusAsync(ana.MemberId));
        sanction["suspendedUntil"] = Day(Today.AddMonths(3));
        Assert.Equal(HttpStatusCode.Redirect, (await CadreApp.PostFormAsync(branch, page, sanction, page + "?handler=Sanction")).StatusCode);
        Assert.Equal(MemberStatus.Suspended, await StatusAsync(ana.MemberId));
        var sanctionId = await app.WithDbAsync(db => db.Sanctions.Where(s => s.MemberId == ana.MemberId).Select(s => s.Id).SingleAsync(Ct));

        var appealed = await CadreApp.PostFormAsync(branch, page, new()
        {
            ["sanctionId"] = sanctionId.ToString(CultureInfo.InvariantCulture), ["appealToCode"] = "PG6-N-1", ["on"] = Day(Today.AddDays(-10)),
        }, page + "?handler=Appeal");
        Assert.Equal(HttpStatusCode.Redirect, appealed.StatusCode);
        var byBranch = await CadreApp.PostFormAsync(branch, page, new()
        {
            ["sanctionId"] = sanctionId.ToString(CultureInfo.InvariantCulture), ["overturned"] = "true", ["on"] = Day(Today),
        }, page + "?handler=DecideAppeal");
        Assert.Contains("An appeal is decided by a secretary of the organization it was lodged with.", await byBranch.Content.ReadAsStringAsync(Ct),
            StringComparison.Ordinal);
        Assert.Equal(MemberStatus.Suspended, await StatusAsync(ana.MemberId));

        var overturned = await CadreApp.PostFormAsync(district, page, new()
        {
            ["sanctionId"] = sanctionId.ToString(CultureInfo.InvariantCulture), ["overturned"] = "true", ["on"] = Day(Today),
        }, page + "?handler=DecideAppeal");
        Assert.Equal(HttpStatusCode.Redirect, overturned.StatusCode);
        Assert.Equal(MemberStatus.Member, await StatusAsync(ana.MemberId));
        Assert.Contains("Decision overturned on appeal", await district.GetStringAsync(page, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_ratification_is_required_only_the_district_secretary_is_offered_and_takes_it()
    {
        var tree = await app.CreateTreeAsync("PG7");
        var id = await app.WithDbAsync(async db =>
        {
            var sponsors = new List<string>();
            foreach (var name in SponsorNames)
                sponsors.Add((await RegisterMember.HandleAsync(db, Actor.System("test"), new RegisterMember.Request
                {
                    OrganizationId = tree.NorthBranch, JoinedOn = new DateOnly(2020, 1, 1), Person = new PersonalData { GivenName = name, FamilyName = CadreApp.UniqueName("Sponsor") },
                }, Ct)).Value.Number);
            return (await SubmitApplication.HandleAsync(db, Actor.System("test"), new SubmitApplication.Request
            {
                OrganizationId = tree.NorthBranch, Sponsors = sponsors, On = Today.AddDays(-30),
                Person = new PersonalData { GivenName = "Iva", FamilyName = CadreApp.UniqueName("Ratified") },
            }, Ct)).Value.MemberId;
        });
        await app.WithDbAsync(db => ChangeMembershipRules.HandleAsync(db, Actor.System("test"), new(2, 1, true, 12), Ct));
        try
        {
            var branch = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
            var district = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
            var page = $"/members/{id}";
            Assert.Equal(HttpStatusCode.Redirect, (await CadreApp.PostFormAsync(branch, page, new()
            {
                ["step"] = "Admit", ["decision.On"] = Day(Today.AddDays(-20)), ["decision.Reference"] = "Minutes 9",
            }, page + "?handler=Step")).StatusCode);
            Assert.Equal(MemberStatus.Admitted, await StatusAsync(id));

            Assert.DoesNotContain("Ratify admission", await branch.GetStringAsync(page, Ct), StringComparison.Ordinal);
            Assert.Contains("Ratify admission", await district.GetStringAsync(page, Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await CadreApp.PostFormAsync(district, page, new()
            {
                ["step"] = "Ratify", ["decision.On"] = Day(Today.AddDays(-10)), ["decision.Reference"] = "DC 3",
            }, page + "?handler=Step")).StatusCode);
            Assert.Equal(MemberStatus.Candidate, await StatusAsync(id));
        }
        finally
        {
            await app.WithDbAsync(db => ChangeMembershipRules.HandleAsync(db, Actor.System("test"), new(2, 1, false, 12), Ct));
        }
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
