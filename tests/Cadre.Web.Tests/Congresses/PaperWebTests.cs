using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cadre.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Congresses;

/// The analog mode over HTTP (decisions 0028, 0029): paper totals and BLT imports through the API and the poll page;
/// bad files, repeated and forged posts change nothing.
public sealed class PaperWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private const string Ballots = "2 1\n3 1 2 0\n1 2 0\n0\n\"Ben\"\n\"Ana\"\n\"Chair\"\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static async Task<int> PaperPollAsync(HttpClient secretary, int congress, object poll, params string[] candidates)
    {
        var id = (await JsonOf(await secretary.PostAsJsonAsync($"/api/v1/congresses/{congress}/polls", poll, Ct))).GetProperty("id").GetInt32();
        foreach (var name in candidates) await secretary.PostAsJsonAsync($"/api/v1/polls/{id}/candidates", new { name }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsync($"/api/v1/polls/{id}/open", null, Ct)).StatusCode);
        return id;
    }

    private static async Task<int> CongressAsync(HttpClient secretary, int organizationId, int number)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return (await JsonOf(await secretary.PostAsJsonAsync("/api/v1/congresses", new
        {
            organizationId, number, opensOn = today, closesOn = today, cutOffOn = today, delegateSeats = 3,
        }, Ct))).GetProperty("id").GetInt32();
    }

    private Task<int> BallotCountAsync(int poll) => app.WithDbAsync(db => db.Ballots.CountAsync(b => b.PollId == poll, Ct));

    [Fact]
    public async Task The_api_takes_paper_totals_and_a_blt_file_once_and_refuses_a_bad_file_whole()
    {
        var tree = await app.CreateTreeAsync();
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var congress = await CongressAsync(secretary, tree.Centre, 81);

        var question = await PaperPollAsync(secretary, congress, new { title = "Adopt the report", kind = "Question", majority = "Absolute", paperOnly = true });
        var totals = await secretary.PostAsJsonAsync($"/api/v1/polls/{question}/paper-totals", new { yes = 7, no = 2, abstain = 1 }, Ct);
        Assert.Equal(HttpStatusCode.OK, totals.StatusCode);
        Assert.True((await JsonOf(totals)).GetProperty("carried").GetBoolean());
        var twice = await secretary.PostAsJsonAsync($"/api/v1/polls/{question}/paper-totals", new { yes = 70, no = 2 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("PaperAlreadyEntered", (await JsonOf(twice)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsync($"/api/v1/polls/{question}/publish", null, Ct)).StatusCode);
        var published = await JsonOf(await secretary.GetAsync($"/api/v1/polls/{question}", Ct));
        Assert.Equal(7, published.GetProperty("result").GetProperty("yes").GetInt32());
        Assert.Equal(7, published.GetProperty("result").GetProperty("paper").GetProperty("yes").GetInt32());

        var election = await PaperPollAsync(secretary, congress, new { title = "Chair", kind = "Election", method = "ScottishStv", seats = 1, paperOnly = true }, "Ana", "Ben");
        var bad = await secretary.PostAsync($"/api/v1/polls/{election}/paper-ballots",
            new StringContent("2 1\n3 1 2 0\n1 2 2 0\n0\n\"Ben\"\n\"Ana\"\n\"Chair\"\n", Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("line 3: the ranking names candidate 2 more than once", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await BallotCountAsync(election));

        // Someone who reads the congress but does not run it may not import.
        var reader = await app.ApiClientAsync(Role.ControlCommission, tree.Centre);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/api/v1/polls/{election}/paper-ballots", new StringContent(Ballots), Ct)).StatusCode);

        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Ballots)), "file", "tellers.blt" } };
        var imported = await secretary.PostAsync($"/api/v1/polls/{election}/paper-ballots", form, Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var body = await JsonOf(imported);
        Assert.Equal((2, 4), (body.GetProperty("ballots").GetInt32(), body.GetProperty("votes").GetInt32()));
        Assert.Equal("Ben", body.GetProperty("result").GetProperty("elected")[0].GetString());
        var again = await secretary.PostAsync($"/api/v1/polls/{election}/paper-ballots", new StringContent(Ballots), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, await BallotCountAsync(election));
        Assert.True(await app.WithDbAsync(db => db.Ballots.Where(b => b.PollId == election).AllAsync(b => b.Paper && b.DelegateId == null, Ct)));
    }

    [Fact]
    public async Task The_poll_page_takes_the_tellers_count_and_refuses_forged_repeated_and_bad_posts()
    {
        var tree = await app.CreateTreeAsync();
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var congress = await CongressAsync(secretary, tree.Centre, 82);
        var question = await PaperPollAsync(secretary, congress, new { title = "Adopt the report", kind = "Question", majority = "Simple", paperOnly = true });
        var page = await app.SignedInAsAsync(Role.Secretary, tree.Centre);
        var html = await page.GetStringAsync($"/polls/{question}", Ct);
        Assert.Contains("id=\"paper-totals\"", html, StringComparison.Ordinal);

        // Without the antiforgery token: refused, nothing entered.
        var forged = await page.PostAsync($"/polls/{question}?handler=PaperTotals",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["yes"] = "5", ["no"] = "1" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Polls.Where(p => p.Id == question).Select(p => p.PaperEnteredAt).SingleAsync(Ct)));

        var entered = await CadreApp.PostFormAsync(page, $"/polls/{question}", new() { ["yes"] = "5", ["no"] = "1", ["abstain"] = "0", ["invalid"] = "2" },
            $"/polls/{question}?handler=PaperTotals");
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var after = await page.GetStringAsync($"/polls/{question}", Ct);
        Assert.Contains("Of which on paper: 5 yes, 1 no, 0 abstaining; 2 spoilt", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"paper-totals\"", after, StringComparison.Ordinal);

        // A second post of the same form (a double click, a stale tab) is refused by name.
        var repeated = await page.PostAsync($"/polls/{question}?handler=PaperTotals", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["yes"] = "5", ["no"] = "1", ["__RequestVerificationToken"] = Token(html),
        }), Ct);
        Assert.Equal(HttpStatusCode.Conflict, repeated.StatusCode);
        Assert.Contains("already been entered", await repeated.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(5, await app.WithDbAsync(db => db.Polls.Where(p => p.Id == question).Select(p => p.PaperYes).SingleAsync(Ct)));

        // The election's upload: a bad file is refused naming the file and line; a good one imported and counted.
        var election = await PaperPollAsync(secretary, congress, new { title = "Chair", kind = "Election", method = "InstantRunoff", seats = 1, paperOnly = true }, "Ana", "Ben");
        var form = await page.GetStringAsync($"/polls/{election}", Ct);
        Assert.Contains("id=\"paper-ballots\"", form, StringComparison.Ordinal);
        var bad = await UploadAsync(page, election, Token(form), "2 1\n3 1 2 0\n1 3 0\n0\n\"Ben\"\n\"Ana\"\n\"Chair\"\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("tellers.blt:3: candidate 3 is out of range", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(0, await BallotCountAsync(election));
        var good = await UploadAsync(page, election, Token(form), Ballots);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(2, await BallotCountAsync(election));
        Assert.Contains("Of which on paper: 2 ballot(s), 4 vote(s).", await page.GetStringAsync($"/polls/{election}", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(page, election, Token(form), Ballots)).StatusCode);
        Assert.Equal(2, await BallotCountAsync(election));
    }

    private static string Token(string html) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient page, int poll, string token, string blt)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(blt)), "file", "tellers.blt" },
        };
        return await page.PostAsync($"/polls/{poll}?handler=PaperBallots", form, Ct);
    }
}
