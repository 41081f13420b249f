using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Congresses.Motions;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Congresses;

/// Motions over HTTP and on the pages: submission, support (htmx), amendments with their diff, recommendation, votes, the adopted
/// text; named errors; a forged post and a delegate posting the presidium's form change nothing.
public sealed class MotionWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private const string Text = "The congress resolves:\nto open a school in every district;\nto report on it yearly.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private sealed record Delegate(string Email, HttpClient Api);

    /// A congress of the centre with three delegates from the north, mandates confirmed and all checked in.
    private async Task<(HttpClient Secretary, int Congress, List<Delegate> Delegates)> CongressAsync(int number)
    {
        var tree = await app.CreateTreeAsync();
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var members = new List<Cadre.Members.RegisterMember.Registered>();
        for (var i = 0; i < 3; i++) members.Add(await app.RegisterMemberAsync(tree.NorthBranch, "Motion", CadreApp.UniqueName("Delegate")));
        var congress = (await JsonOf(await secretary.PostAsJsonAsync("/api/v1/congresses", new
        {
            organizationId = tree.Centre, number, opensOn = today, closesOn = today, cutOffOn = today, delegateSeats = 40, minimumSeats = 5,
        }, Ct))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsync($"/api/v1/congresses/{congress}/apportionment", null, Ct)).StatusCode);
        var delegates = new List<Delegate>();
        var ids = new List<int>();
        foreach (var m in members)
        {
            ids.Add((await JsonOf(await secretary.PostAsJsonAsync($"/api/v1/congresses/{congress}/delegates", new
            {
                organizationId = tree.North, memberNumber = m.Number, electedAt = "Regional conference", electedOn = today,
            }, Ct))).GetProperty("id").GetInt32());
            var email = $"motion-delegate-{Guid.NewGuid():N}@example.org";
            await app.CreateUserAsync(email, Role.Member, tree.NorthBranch, m.PersonId);
            delegates.Add(new Delegate(email, await TokenClientAsync(email)));
        }
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsync($"/api/v1/congresses/{congress}/mandates", null, Ct)).StatusCode);
        foreach (var id in ids)
            Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsync($"/api/v1/congresses/{congress}/delegates/{id}/check-in", null, Ct)).StatusCode);
        return (secretary, congress, delegates);
    }

    private async Task<HttpClient> TokenClientAsync(string email)
    {
        var secret = await app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
            var (token, secret) = PersonalAccessToken.Issue(userId, "test", DateTime.UtcNow, null);
            db.AccessTokens.Add(token);
            await db.SaveChangesAsync(Ct);
            return secret;
        });
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_motion_is_submitted_supported_amended_and_adopted_over_the_API_with_named_errors()
    {
        var (secretary, congress, delegates) = await CongressAsync(81);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PutAsJsonAsync($"/api/v1/congresses/{congress}/motion-rules",
            new { motionsDueAt = DateTime.UtcNow.AddDays(1), amendmentsDueAt = DateTime.UtcNow.AddDays(1), motionSupporters = 1 }, Ct)).StatusCode);

        var created = await delegates[0].Api.PostAsJsonAsync($"/api/v1/congresses/{congress}/motions", new { title = "Schools", text = Text }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var motion = (await JsonOf(created)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await delegates[1].Api.PostAsync($"/api/v1/motions/{motion}/supporters", null, Ct)).StatusCode);

        var missing = await delegates[2].Api.PostAsJsonAsync($"/api/v1/motions/{motion}/amendments", new { kind = "Replace", fromLine = 99, text = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("AmendmentLineNotFound", (await JsonOf(missing)).GetProperty("code").GetString());
        var amended = await delegates[2].Api.PostAsJsonAsync($"/api/v1/motions/{motion}/amendments",
            new { kind = "Replace", fromLine = 2, text = "to open a school in every district and region;" }, Ct);
        Assert.Equal(HttpStatusCode.Created, amended.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await delegates[2].Api.PostAsJsonAsync($"/api/v1/motions/{motion}/amendments/1/vote",
            new { yes = 3, no = 0 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsJsonAsync($"/api/v1/motions/{motion}/amendments/1/recommendation",
            new { recommendation = "Adopt" }, Ct)).StatusCode);
        var tooMany = await secretary.PostAsJsonAsync($"/api/v1/motions/{motion}/amendments/1/vote", new { yes = 30, no = 0 }, Ct);
        Assert.Equal("FewerPresentThanVoted", (await JsonOf(tooMany)).GetProperty("code").GetString());
        var vote = await secretary.PostAsJsonAsync($"/api/v1/motions/{motion}/amendments/1/vote", new { yes = 2, no = 1 }, Ct);
        Assert.True((await JsonOf(vote)).GetProperty("carried").GetBoolean());
        var final = await secretary.PostAsJsonAsync($"/api/v1/motions/{motion}/vote", new { yes = 3, no = 0, majority = "TwoThirds" }, Ct);
        Assert.True((await JsonOf(final)).GetProperty("carried").GetBoolean());

        var detail = await JsonOf(await delegates[1].Api.GetAsync($"/api/v1/motions/{motion}", Ct));
        Assert.Equal("Adopted", detail.GetProperty("status").GetString());
        Assert.Equal("The congress resolves:\nto open a school in every district and region;\nto report on it yearly.\n",
            await delegates[1].Api.GetStringAsync($"/api/v1/motions/{motion}/text", Ct));
        Assert.Equal(Text + "\n", await delegates[1].Api.GetStringAsync($"/api/v1/motions/{motion}/text?version=1", Ct));

        var second = (await JsonOf(await delegates[1].Api.PostAsJsonAsync($"/api/v1/congresses/{congress}/motions", new { title = "Later", text = "Withdraw me." }, Ct)))
            .GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await delegates[1].Api.PostAsync($"/api/v1/motions/{second}/withdraw", null, Ct)).StatusCode);
        var withdrawn = await secretary.PostAsJsonAsync($"/api/v1/motions/{second}/vote", new { yes = 3, no = 0 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, withdrawn.StatusCode);
        Assert.Equal("MotionWithdrawn", (await JsonOf(withdrawn)).GetProperty("code").GetString());

        await secretary.PutAsJsonAsync($"/api/v1/congresses/{congress}/motion-rules", new { motionsDueAt = DateTime.UtcNow.AddMinutes(-1), motionSupporters = 1 }, Ct);
        var late = await delegates[2].Api.PostAsJsonAsync($"/api/v1/congresses/{congress}/motions", new { title = "Late", text = "Too late." }, Ct);
        Assert.Equal("SubmissionDeadlinePassed", (await JsonOf(late)).GetProperty("code").GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.Motions.CountAsync(m => m.CongressId == congress, Ct)));
    }

    [Fact]
    public async Task The_motion_page_shows_the_diff_a_delegate_supports_through_htmx_and_forged_or_unauthorised_posts_change_nothing()
    {
        var (secretary, congress, delegates) = await CongressAsync(82);
        var motion = (await JsonOf(await delegates[0].Api.PostAsJsonAsync($"/api/v1/congresses/{congress}/motions", new { title = "Schools", text = Text }, Ct)))
            .GetProperty("id").GetInt32();
        await delegates[1].Api.PostAsJsonAsync($"/api/v1/motions/{motion}/amendments", new { kind = "Delete", fromLine = 3 }, Ct);
        var browser = await app.SignedInClientAsync(delegates[2].Email);

        var page = await browser.GetStringAsync($"/motions/{motion}", Ct);
        Assert.Contains("<del>to report on it yearly.</del>", page, StringComparison.Ordinal);
        var token = CadreApp.FormValue(page, "__RequestVerificationToken")!;
        using var support = new HttpRequestMessage(HttpMethod.Post, $"/motions/{motion}?handler=Support")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        support.Headers.Add("HX-Request", "true");
        var supported = await browser.SendAsync(support, Ct);
        Assert.Equal(HttpStatusCode.OK, supported.StatusCode);
        var fragment = await supported.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("<div id=\"supporters\">", fragment.Trim(), StringComparison.Ordinal);
        Assert.Contains("Take back my support", fragment, StringComparison.Ordinal);

        var forged = await browser.PostAsync($"/motions/{motion}?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var voted = await CadreApp.PostFormAsync(browser, $"/motions/{motion}", new() { ["number"] = "1", ["yes"] = "3", ["no"] = "0" },
            $"/motions/{motion}?handler=VoteAmendment");
        Assert.Equal(HttpStatusCode.NotFound, voted.StatusCode);
        var withdrawnByOther = await CadreApp.PostFormAsync(browser, $"/motions/{motion}", new(), $"/motions/{motion}?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Forbidden, withdrawnByOther.StatusCode);
        var state = await app.WithDbAsync(db => db.Motions.Include(m => m.Amendments).SingleAsync(m => m.Id == motion, Ct));
        Assert.Equal(MotionStatus.Submitted, state.Status);
        Assert.Equal(AmendmentStatus.Submitted, state.Amendments.Single().Status);

        var list = await (await app.SignedInClientAsync(delegates[0].Email)).GetStringAsync($"/congresses/{congress}/motions", Ct);
        Assert.Contains("M1 Schools", list, StringComparison.Ordinal);
    }
}
