using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Supporters;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Supporters;

/// The public sign-up form: anonymous, the same answer whoever signs up, a honeypot, antiforgery.
public sealed class SignupWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<string> PublishAsync(CadreApp app, string prefix, int organizationId)
    {
        var secretary = await app.ApiClientAsync(Role.Secretary, organizationId);
        var published = await secretary.PostAsJsonAsync("/api/v1/supporters/forms",
            new { organizationId, title = $"News of {prefix}", text = "Our **news**, once a month.", purpose = "News" }, Ct);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        return (await published.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("url").GetString()!;
    }

    internal static HttpClient Visitor(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private Task<int> SupportersAsync(int organizationId) => app.WithDbAsync(db => db.Supporters.CountAsync(s => s.OrganizationId == organizationId, Ct));

    [Fact]
    public async Task Every_successful_sign_up_answers_alike_and_only_a_real_new_one_is_saved()
    {
        var tree = await app.CreateTreeAsync("PA");
        await app.CreateUserAsync("admin-pa@example.org", Role.Administrator, null);
        var url = await PublishAsync(app, "PA", tree.NorthBranch);
        var visitor = Visitor(app);

        var page = await visitor.GetStringAsync(url, Ct);
        Assert.Contains("News of PA", page, StringComparison.Ordinal);
        Assert.Contains("<strong>news</strong>", page, StringComparison.Ordinal);
        var fresh = await CadreApp.PostFormAsync(visitor, url, new() { ["Name"] = "Ana Petrova", ["Email"] = "ana@pa.example.org", ["Consent"] = "true" });
        var repeat = await CadreApp.PostFormAsync(visitor, url, new() { ["Name"] = "Not Ana", ["Email"] = "ANA@pa.example.org", ["Consent"] = "true" });
        var bot = await CadreApp.PostFormAsync(visitor, url, new()
        {
            ["Name"] = "Bot", ["Email"] = "bot@pa.example.org", ["Consent"] = "true", ["Website"] = "http://spam.example",
        });
        foreach (var response in new[] { fresh, repeat, bot })
            Assert.Equal((HttpStatusCode.Redirect, url + "?thanks=true"), (response.StatusCode, response.Headers.Location!.OriginalString));
        Assert.Contains("Thank you", await visitor.GetStringAsync(url + "?thanks=true", Ct), StringComparison.Ordinal);

        var saved = await app.WithDbAsync(db => db.Supporters.Include(s => s.Consents).SingleAsync(s => s.OrganizationId == tree.NorthBranch, Ct));
        Assert.Equal(("Ana Petrova", SupporterSource.WebForm), (saved.Name, saved.Source));
        Assert.Equal((ConsentPurpose.News, ConsentMethod.WebForm), (Assert.Single(saved.Consents).Purpose, saved.Consents[0].How));
    }

    [Fact]
    public async Task A_sign_up_without_consent_or_without_the_antiforgery_token_saves_nothing()
    {
        var tree = await app.CreateTreeAsync("PB");
        await app.CreateUserAsync("admin-pb@example.org", Role.Administrator, null);
        var url = await PublishAsync(app, "PB", tree.NorthBranch);
        var visitor = Visitor(app);

        var noConsent = await CadreApp.PostFormAsync(visitor, url, new() { ["Name"] = "Ana Petrova", ["Email"] = "ana@pb.example.org" });
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.Contains("Tick the box to give your consent", await noConsent.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var forged = await visitor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Ana Petrova", ["Email"] = "ana@pb.example.org", ["Consent"] = "true",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await SupportersAsync(tree.NorthBranch));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/join/no-such-form-aaaaaaaaaaaa", Ct)).StatusCode);

        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var forms = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/supporters/forms", Ct);
        var id = forms.EnumerateArray().Single(f => f.GetProperty("organizationId").GetInt32() == tree.NorthBranch).GetProperty("id").GetInt32();
        var south = await app.ApiClientAsync(Role.Secretary, tree.SouthBranch);
        Assert.Equal(HttpStatusCode.NotFound, (await south.PutAsync($"/api/v1/supporters/forms/{id}/open?isOpen=false", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PutAsync($"/api/v1/supporters/forms/{id}/open?isOpen=false", null, Ct)).StatusCode);
        var closed = await visitor.GetStringAsync(url, Ct);
        Assert.Contains("This sign-up is closed.", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("signup-form", closed, StringComparison.Ordinal);
    }
}

/// A flood of sign-ups from one address is refused with 429 after the configured number, in its own app so no other test
/// shares the window.
public sealed class SignupFloodTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_flood_from_one_address_gets_429_after_the_limit()
    {
        var limited = app.WithWebHostBuilder(b => b.UseSetting("Supporters:SignupsPerWindow", "3"));
        var tree = await app.CreateTreeAsync("PF");
        await app.CreateUserAsync("admin-pf@example.org", Role.Administrator, null);
        var url = await SignupWebTests.PublishAsync(app, "PF", tree.NorthBranch);
        var visitor = SignupWebTests.Visitor(limited);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await CadreApp.PostFormAsync(visitor, url, new() { ["Name"] = $"Flood {i}", ["Email"] = $"flood{i}@pf.example.org", ["Consent"] = "true" })).StatusCode);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Supporters.CountAsync(s => s.OrganizationId == tree.NorthBranch, Ct)));
    }
}
