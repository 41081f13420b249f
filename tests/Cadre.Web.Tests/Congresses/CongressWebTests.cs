using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Congresses;

/// A congress over HTTP: apportionment, delegates, check-in, a secret election with receipts, named errors, scope; the pages render.
public sealed class CongressWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static readonly int[][] Rankings = [[1, 2], [2], [1]];
    private static readonly int[] First = [1];
    private static readonly int[] Second = [2];
    private static readonly int[] Ninth = [9];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private async Task<HttpClient> DelegateClientAsync(int personId, int organizationId)
    {
        var userId = await app.CreateUserAsync($"delegate-{Guid.NewGuid():N}@example.org", Role.Member, organizationId, personId);
        var secret = await app.WithDbAsync(async db =>
        {
            var (token, secret) = PersonalAccessToken.Issue(userId, "test", DateTime.UtcNow, null);
            db.AccessTokens.Add(token);
            await db.SaveChangesAsync();
            return secret;
        });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_congress_apportions_elects_and_publishes_a_secret_election_that_each_voter_can_check()
    {
        var tree = await app.CreateTreeAsync();
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var members = new List<(Cadre.Members.RegisterMember.Registered R, int Org)>();
        foreach (var (org, region, name) in new[] { (tree.NorthBranch, tree.North, "Nord"), (tree.NorthBranch, tree.North, "Nordin"), (tree.SouthBranch, tree.South, "Sud") })
            members.Add((await app.RegisterMemberAsync(org, "Web", name), region));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var created = await secretary.PostAsJsonAsync("/api/v1/congresses", new
        {
            organizationId = tree.Centre, number = 71, opensOn = today, closesOn = today.AddDays(1), cutOffOn = today, delegateSeats = 3, method = "DHondt", minimumSeats = 1,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var congress = (await JsonOf(created)).GetProperty("id").GetInt32();
        var apportioned = await secretary.PostAsync($"/api/v1/congresses/{congress}/apportionment", null, Ct);
        Assert.Equal(HttpStatusCode.OK, apportioned.StatusCode);
        Assert.Equal(3, (await JsonOf(apportioned)).GetProperty("result").GetProperty("allocation").EnumerateArray().Sum(e => e.GetInt32()));

        var voters = new List<HttpClient>();
        foreach (var (r, org) in members)
        {
            var elected = await secretary.PostAsJsonAsync($"/api/v1/congresses/{congress}/delegates", new
            {
                organizationId = org, memberNumber = r.Number, electedAt = "Regional conference", electedOn = today,
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, elected.StatusCode);
            voters.Add(await DelegateClientAsync(r.PersonId, org));
        }
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsync($"/api/v1/congresses/{congress}/mandates", null, Ct)).StatusCode);
        var delegates = (await JsonOf(await secretary.GetAsync($"/api/v1/congresses/{congress}/delegates", Ct))).EnumerateArray().Select(d => d.GetProperty("id").GetInt32()).ToList();
        foreach (var d in delegates)
            Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsync($"/api/v1/congresses/{congress}/delegates/{d}/check-in", null, Ct)).StatusCode);
        var presence = await JsonOf(await secretary.GetAsync($"/api/v1/congresses/{congress}/presence", Ct));
        Assert.True(presence.GetProperty("quorumReached").GetBoolean());

        var poll = (await JsonOf(await secretary.PostAsJsonAsync($"/api/v1/congresses/{congress}/polls",
            new { title = "Control commission", kind = "Election", method = "Meek", seats = 1 }, Ct))).GetProperty("id").GetInt32();
        foreach (var name in (string[])["Ana", "Ben"])
            Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync($"/api/v1/polls/{poll}/candidates", new { name }, Ct)).StatusCode);
        var early = await voters[0].PostAsJsonAsync($"/api/v1/polls/{poll}/ballots", new { ranking = First }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("PollNotOpen", (await JsonOf(early)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsync($"/api/v1/polls/{poll}/open", null, Ct)).StatusCode);

        var receipts = new List<string>();
        foreach (var (voter, ranking) in voters.Zip(Rankings))
        {
            var cast = await voter.PostAsJsonAsync($"/api/v1/polls/{poll}/ballots", new { ranking }, Ct);
            Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
            receipts.Add((await JsonOf(cast)).GetProperty("receipt").GetString()!);
        }
        var again = await voters[0].PostAsJsonAsync($"/api/v1/polls/{poll}/ballots", new { ranking = Second }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("AlreadyVoted", (await JsonOf(again)).GetProperty("code").GetString());
        var bad = await voters[0].PostAsJsonAsync($"/api/v1/polls/{poll}/ballots", new { ranking = Ninth }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(3, (await JsonOf(await voters[1].GetAsync($"/api/v1/polls/{poll}", Ct))).GetProperty("ballotsCast").GetInt32());

        var closed = await secretary.PostAsync($"/api/v1/polls/{poll}/close", null, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Ana", (await JsonOf(closed)).GetProperty("elected")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await voters[2].PostAsJsonAsync($"/api/v1/polls/{poll}/ballots", new { ranking = Second }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await voters[0].GetAsync($"/api/v1/polls/{poll}/ballots", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsync($"/api/v1/polls/{poll}/publish", null, Ct)).StatusCode);

        var mine = await voters[1].GetAsync($"/api/v1/polls/{poll}/receipts/{receipts[1]}", Ct);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("2", (await JsonOf(mine)).GetProperty("marks").GetString());
        var blt = await voters[2].GetStringAsync($"/api/v1/polls/{poll}/ballots.blt", Ct);
        Assert.StartsWith("2 1", blt, StringComparison.Ordinal);
        var page = await (await app.SignedInClientAsync(await SecretaryEmailAsync(tree.Centre))).GetAsync($"/polls/{poll}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Stage 1", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var congressPage = await (await app.SignedInClientAsync(await SecretaryEmailAsync(tree.Centre))).GetStringAsync($"/congresses/{congress}", Ct);
        Assert.Contains("quorum", congressPage, StringComparison.Ordinal);
    }

    private async Task<string> SecretaryEmailAsync(int organizationId)
    {
        var email = $"secretary-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Role.Secretary, organizationId);
        return email;
    }

    [Fact]
    public async Task A_congress_outside_the_subtree_is_not_found_and_bad_input_is_a_named_error()
    {
        var tree = await app.CreateTreeAsync();
        var south = await app.ApiClientAsync(Role.Secretary, tree.South);
        var centre = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await centre.PostAsJsonAsync("/api/v1/congresses", new
        {
            organizationId = tree.Centre, number = 72, opensOn = today, closesOn = today, cutOffOn = today, delegateSeats = 5,
        }, Ct);
        var congress = (await JsonOf(created)).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/congresses/{congress}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.PostAsync($"/api/v1/congresses/{congress}/apportionment", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/congresses/{congress}", Ct)).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect
            ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        var bad = await centre.PostAsJsonAsync("/api/v1/congresses", new
        {
            organizationId = tree.Centre, number = 0, opensOn = today, closesOn = today.AddDays(-1), cutOffOn = today.AddDays(3), delegateSeats = 0,
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var taken = await centre.PostAsJsonAsync("/api/v1/congresses", new
        {
            organizationId = tree.Centre, number = 72, opensOn = today, closesOn = today, cutOffOn = today, delegateSeats = 5,
        }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var early = await centre.PostAsJsonAsync($"/api/v1/congresses/{congress}/delegates", new { organizationId = tree.North, memberNumber = "X", electedAt = "m" }, Ct);
        Assert.Equal("NotApportioned", (await JsonOf(early)).GetProperty("code").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Congresses.CountAsync(c => c.Number == 72, Ct)));
    }

    [Fact]
    public async Task A_delegate_votes_on_the_poll_page_and_gets_a_receipt_once()
    {
        var tree = await app.CreateTreeAsync();
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        // In the north, so that the other tests' apportionment (north ahead of south) stays as it is whatever the order.
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Page", "Voter");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var congress = (await JsonOf(await secretary.PostAsJsonAsync("/api/v1/congresses", new
        {
            organizationId = tree.Centre, number = 73, opensOn = today, closesOn = today, cutOffOn = today, delegateSeats = 2,
        }, Ct))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsync($"/api/v1/congresses/{congress}/apportionment", null, Ct)).StatusCode);
        var delegateId = (await JsonOf(await secretary.PostAsJsonAsync($"/api/v1/congresses/{congress}/delegates", new
        {
            organizationId = tree.North, memberNumber = member.Number, electedAt = "Regional conference", electedOn = today,
        }, Ct))).GetProperty("id").GetInt32();
        await secretary.PostAsync($"/api/v1/congresses/{congress}/mandates", null, Ct);
        await secretary.PostAsync($"/api/v1/congresses/{congress}/delegates/{delegateId}/check-in", null, Ct);
        var poll = (await JsonOf(await secretary.PostAsJsonAsync($"/api/v1/congresses/{congress}/polls",
            new { title = "Chair", kind = "Election", method = "InstantRunoff", seats = 1 }, Ct))).GetProperty("id").GetInt32();
        foreach (var name in (string[])["Ana", "Ben"]) await secretary.PostAsJsonAsync($"/api/v1/polls/{poll}/candidates", new { name }, Ct);
        await secretary.PostAsync($"/api/v1/polls/{poll}/open", null, Ct);
        var email = $"page-voter-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Role.Member, tree.NorthBranch, member.PersonId);
        var browser = await app.SignedInClientAsync(email);

        var voted = await CadreApp.PostFormAsync(browser, $"/polls/{poll}", new() { ["preference[2]"] = "1", ["preference[1]"] = "2" }, $"/polls/{poll}?handler=Vote");

        Assert.Equal(HttpStatusCode.OK, voted.StatusCode);
        var html = await voted.Content.ReadAsStringAsync(Ct);
        Assert.Contains("receipt-code", html, StringComparison.Ordinal);
        var again = await browser.GetStringAsync($"/polls/{poll}", Ct);
        Assert.Contains("You have voted.", again, StringComparison.Ordinal);
        Assert.DoesNotContain("receipt-code", again, StringComparison.Ordinal);
        Assert.Equal("2 1", await app.WithDbAsync(db => db.Ballots.Where(b => b.PollId == poll).Select(b => b.Marks).SingleAsync(Ct)));
    }
}
