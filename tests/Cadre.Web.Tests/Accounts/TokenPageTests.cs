using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Cadre.Accounts;

namespace Cadre.Web.Tests.Accounts;

public sealed partial class TokenPageTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_created_on_the_page_opens_the_api_until_it_is_revoked()
    {
        var tree = await app.CreateTreeAsync("TOK");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var created = await CadreApp.PostFormAsync(browser, "/account/tokens", new() { ["Input.Name"] = "backup script", ["Input.ExpiresInDays"] = "30" },
            "/account/tokens?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync(Ct);
        Assert.Contains("it will not be shown again", html, StringComparison.Ordinal);
        var secret = SecretOnPage().Match(html).Groups[1].Value;
        Assert.StartsWith(PersonalAccessToken.Prefix, secret, StringComparison.Ordinal);

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await api.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("Secretary", await me.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Listed afterwards without the secret.
        var list = await browser.GetStringAsync("/account/tokens", Ct);
        Assert.Contains("backup script", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        var revokeAction = WebUtility.HtmlDecode(RevokeAction().Match(list).Groups[1].Value);
        var revoked = await CadreApp.PostFormAsync(browser, "/account/tokens", [], revokeAction);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("revoked", await browser.GetStringAsync("/account/tokens", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_token_input_is_shown_at_its_field_and_others_tokens_cannot_be_revoked()
    {
        var owner = await app.SignedInAsAsync(Role.Member, await app.CreateOrganizationAsync("TOK2", "Token Centre", 0, null));
        var html = await (await CadreApp.PostFormAsync(owner, "/account/tokens", new() { ["Input.Name"] = "", ["Input.ExpiresInDays"] = "99999" },
            "/account/tokens?handler=Create")).Content.ReadAsStringAsync(Ct);
        Assert.Equal("Give the token a name.", CadreApp.FieldError(html, "Input.Name"));
        Assert.Equal("A token lasts between 1 and 3650 days.", CadreApp.FieldError(html, "Input.ExpiresInDays"));

        var created = await (await CadreApp.PostFormAsync(owner, "/account/tokens", new() { ["Input.Name"] = "mine" },
            "/account/tokens?handler=Create")).Content.ReadAsStringAsync(Ct);
        var secret = SecretOnPage().Match(created).Groups[1].Value;
        var list = await owner.GetStringAsync("/account/tokens", Ct);
        var revokeAction = WebUtility.HtmlDecode(RevokeAction().Match(list).Groups[1].Value);

        var intruder = await app.SignedInAsAsync(Role.Administrator, null);
        var refused = await CadreApp.PostFormAsync(intruder, "/account/tokens", [], revokeAction);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [GeneratedRegex("action=\"(/account/tokens\\?[^\"]*handler=Revoke[^\"]*)\"")]
    private static partial Regex RevokeAction();

    [GeneratedRegex("<code class=\"token\" id=\"new-token\">([^<]+)</code>")]
    private static partial Regex SecretOnPage();
}
