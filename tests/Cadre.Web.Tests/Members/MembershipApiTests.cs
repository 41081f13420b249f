using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Members;

public sealed class MembershipApiTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static object Person(string given, string family) => new { givenName = given, familyName = family, dateOfBirth = "1990-01-01" };

    private async Task<string[]> SponsorsAsync(int organizationId) =>
    [
        (await app.RegisterMemberAsync(organizationId, "Olga", CadreApp.UniqueName("Sponsor"))).Number,
        (await app.RegisterMemberAsync(organizationId, "Pavel", CadreApp.UniqueName("Sponsor"))).Number,
    ];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task An_application_goes_through_admission_and_probation_to_full_membership()
    {
        var tree = await app.CreateTreeAsync("API1");
        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var sponsors = await SponsorsAsync(tree.NorthBranch);

        var applied = await api.PostAsJsonAsync("/api/v1/applications", new
        {
            person = Person("Iva", CadreApp.UniqueName("Novak")), organizationId = tree.NorthBranch, sponsors, on = Today.AddYears(-2),
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var id = (await applied.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("memberId").GetInt32();
        Assert.Contains(await api.GetFromJsonAsync<JsonElement[]>("/api/v1/applications", Ct) ?? [], a => a.GetProperty("memberId").GetInt32() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/v1/members/{id}/admit",
            new { on = Today.AddYears(-2).AddDays(10), reference = "Minutes 1" }, Ct)).StatusCode);
        Assert.Contains(await api.GetFromJsonAsync<JsonElement[]>("/api/v1/members/overdue-confirmations", Ct) ?? [], c => c.GetProperty("memberId").GetInt32() == id);
        var early = await api.PostAsJsonAsync($"/api/v1/members/{id}/confirm", new { on = Today.AddYears(-2).AddDays(20) }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("ProbationNotOver", (await ProblemAsync(early)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/v1/members/{id}/confirm", new { on = Today, reference = "Minutes 2" }, Ct)).StatusCode);

        var history = await api.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}/history", Ct);
        Assert.Equal(["Confirm", "Admit", "Apply"], history.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("Member", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}", Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Self_sponsorship_is_a_problem_naming_the_field_and_nothing_is_stored()
    {
        var tree = await app.CreateTreeAsync("API2");
        var family = CadreApp.UniqueName("Self");
        var self = await app.RegisterMemberAsync(tree.NorthBranch, "Iva", family, new DateOnly(1990, 1, 1));
        var other = (await SponsorsAsync(tree.NorthBranch))[0];
        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);

        var response = await api.PostAsJsonAsync("/api/v1/applications", new
        {
            person = Person("Iva", family), organizationId = tree.NorthBranch, sponsors = new[] { self.Number, other },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("CannotSponsorYourself", problem.GetProperty("code").GetString());
        Assert.Contains(self.Number, problem.GetProperty("errors").GetProperty("sponsors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family, Ct)));
    }

    [Fact]
    public async Task A_transfer_between_districts_is_accepted_by_the_receiving_side_only()
    {
        var tree = await app.CreateTreeAsync("API3");
        var ana = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", CadreApp.UniqueName("Mover"));
        var sending = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var receiving = await app.ApiClientAsync(Role.Secretary, tree.SouthDistrict);

        var requested = await sending.PostAsJsonAsync("/api/v1/transfers", new { memberId = ana.MemberId, toOrganizationId = tree.SouthBranch, reason = "Moved" }, Ct);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var transferId = (await requested.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var outgoing = Assert.Single(await sending.GetFromJsonAsync<JsonElement[]>("/api/v1/transfers", Ct) ?? []);
        var incoming = Assert.Single(await receiving.GetFromJsonAsync<JsonElement[]>("/api/v1/transfers", Ct) ?? []);
        Assert.False(outgoing.GetProperty("incoming").GetBoolean());
        Assert.True(incoming.GetProperty("incoming").GetBoolean());

        Assert.Equal(HttpStatusCode.Forbidden, (await sending.PostAsJsonAsync($"/api/v1/transfers/{transferId}/accept", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await receiving.PostAsJsonAsync($"/api/v1/transfers/{transferId}/accept", new { }, Ct)).StatusCode);

        var member = await receiving.GetFromJsonAsync<JsonElement>($"/api/v1/members/{ana.MemberId}", Ct);
        Assert.Equal((tree.SouthBranch, ana.Number), (member.GetProperty("organizationId").GetInt32(), member.GetProperty("number").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await sending.GetAsync($"/api/v1/members/{ana.MemberId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_transfer_to_a_dissolved_organization_is_refused_by_name()
    {
        var tree = await app.CreateTreeAsync("API4");
        var closed = await app.CreateOrganizationAsync("API4-S-1-2", "Closed Branch", 3, tree.SouthDistrict);
        await app.WithDbAsync(db => DissolveOrganization.HandleAsync(db, Actor.System("test"), closed, new DissolveOrganization.Request(), Ct));
        var ana = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", CadreApp.UniqueName("Stayer"));
        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);

        var response = await api.PostAsJsonAsync("/api/v1/transfers", new { memberId = ana.MemberId, toOrganizationId = closed }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("TransferToDissolvedOrganization", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("toOrganizationId", out _));
        Assert.False(await app.WithDbAsync(db => db.TransferRequests.AnyAsync(t => t.MemberId == ana.MemberId, Ct)));
    }

    [Fact]
    public async Task An_expulsion_appeal_is_decided_only_by_the_higher_body_and_unseen_by_another_branch()
    {
        var tree = await app.CreateTreeAsync("API5");
        var ana = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", CadreApp.UniqueName("Expelled"));
        var branch = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var district = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var elsewhere = await app.ApiClientAsync(Role.Secretary, tree.SouthBranch);

        var imposed = await branch.PostAsJsonAsync($"/api/v1/members/{ana.MemberId}/sanctions",
            new { kind = "Expulsion", reason = "Broke the statutes", on = Today.AddDays(-10) }, Ct);
        Assert.Equal(HttpStatusCode.Created, imposed.StatusCode);
        var sanctionId = (await imposed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/v1/sanctions/{sanctionId}/appeal",
            new { appealToId = tree.NorthDistrict }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await branch.PostAsJsonAsync($"/api/v1/sanctions/{sanctionId}/appeal",
            new { appealToId = tree.NorthDistrict, on = Today.AddDays(-5) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/v1/sanctions/{sanctionId}/decision", new { overturned = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await branch.PostAsJsonAsync($"/api/v1/sanctions/{sanctionId}/decision", new { overturned = true }, Ct)).StatusCode);
        Assert.Equal("Expelled", (await branch.GetFromJsonAsync<JsonElement>($"/api/v1/members/{ana.MemberId}", Ct)).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await district.PostAsJsonAsync($"/api/v1/sanctions/{sanctionId}/decision",
            new { overturned = true, reference = "DC 9" }, Ct)).StatusCode);
        Assert.Equal("Member", (await branch.GetFromJsonAsync<JsonElement>($"/api/v1/members/{ana.MemberId}", Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_an_administrator_changes_the_membership_rules()
    {
        var tree = await app.CreateTreeAsync("API6");
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var admin = await app.ApiClientAsync(Role.Administrator, null);
        var rules = new { sponsorsRequired = 3, sponsorSeniorityYears = 2, ratificationRequired = false, probationMonths = 9 };

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PutAsJsonAsync("/api/v1/settings/membership", rules, Ct)).StatusCode);
        var invalid = await admin.PutAsJsonAsync("/api/v1/settings/membership", rules with { probationMonths = 100 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/membership", rules, Ct)).StatusCode);
        Assert.Equal(9, (await secretary.GetFromJsonAsync<JsonElement>("/api/v1/settings/membership", Ct)).GetProperty("probationMonths").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/membership", new
        {
            sponsorsRequired = 2, sponsorSeniorityYears = 1, ratificationRequired = false, probationMonths = 12,
        }, Ct)).StatusCode);
    }
}
