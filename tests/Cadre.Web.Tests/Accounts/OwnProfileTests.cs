using System.Net;
using Cadre.Accounts;

namespace Cadre.Web.Tests.Accounts;

public sealed class OwnProfileTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_sees_their_own_profile_and_not_the_member_registry()
    {
        var tree = await app.CreateTreeAsync("ME");
        var family = CadreApp.UniqueName("Selfie");
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Lena", family);
        var other = await app.RegisterMemberAsync(tree.NorthBranch, "Mo", CadreApp.UniqueName("Neighbour"));
        var browser = await app.SignedInAsAsync(Role.Member, tree.NorthBranch, member.PersonId);

        var me = await browser.GetAsync("/me", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var html = await me.Content.ReadAsStringAsync(Ct);
        Assert.Contains(family, html, StringComparison.Ordinal);
        Assert.Contains(member.Number, html, StringComparison.Ordinal);
        Assert.Contains("ME Dockworkers Branch", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/members/{member.MemberId}/edit", html, StringComparison.Ordinal);
        // The path above the member is named, but a member may open no organization page: no link leads to a 404.
        Assert.Contains("ME North Region", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/organizations/{tree.North}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/organizations/{tree.NorthBranch}\"", html, StringComparison.Ordinal);

        foreach (var path in new[] { "/members", $"/members/{member.MemberId}", $"/members/{other.MemberId}", $"/members/{member.MemberId}/edit", "/members/new" })
        {
            var response = await browser.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_account_without_a_membership_is_told_so()
    {
        var centre = await app.CreateOrganizationAsync("ME2", "Profile Centre", 0, null);
        var browser = await app.SignedInAsAsync(Role.Member, centre);
        Assert.Contains("not linked to a membership record", await browser.GetStringAsync("/me", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_from_the_menu_ends_the_session()
    {
        var centre = await app.CreateOrganizationAsync("ME3", "Sign-out Centre", 0, null);
        var browser = await app.SignedInAsAsync(Role.Secretary, centre);
        // The menu's sign-out form carries its own antiforgery token (a browser posts only that form's fields).
        var page = await browser.GetStringAsync("/account/tokens", Ct);
        var form = System.Text.RegularExpressions.Regex.Match(page, "<form method=\"post\" action=\"/account/sign-out\".*?</form>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "The sign-out form has no antiforgery token.");
        var signedOut = await browser.PostAsync("/account/sign-out",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value) }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await browser.GetAsync("/account/tokens", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
