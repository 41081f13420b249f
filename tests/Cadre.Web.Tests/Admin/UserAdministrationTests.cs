using System.Net;
using Cadre.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Admin;

public sealed class UserAdministrationTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_administrators_reach_the_user_administration()
    {
        var tree = await app.CreateTreeAsync("ADM1");
        foreach (var browser in new[] { await app.SignedInAsAsync(Role.Secretary, tree.Centre), await app.SignedInAsAsync(Role.ControlCommission, tree.Centre) })
        {
            var response = await browser.GetAsync("/admin/users", Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(response.Headers.Location, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task An_administrator_creates_an_account_grants_and_revokes_a_role()
    {
        var tree = await app.CreateTreeAsync("ADM2");
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Nia", CadreApp.UniqueName("Account"));
        var admin = await app.SignedInAsAsync(Role.Administrator, null);
        var email = $"new-{Guid.NewGuid():N}@example.org";

        var created = await CadreApp.PostFormAsync(admin, "/admin/users", new()
        {
            ["NewUser.Email"] = email, ["NewUser.Password"] = CadreApp.Password, ["NewUser.Role"] = "Member",
            ["NewUser.OrganizationCode"] = "adm2-n-1-1", ["NewUser.MemberNumber"] = member.Number,
        }, "/admin/users?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await admin.GetStringAsync("/admin/users", Ct);
        Assert.Contains($"The account {email} is created.", page, StringComparison.Ordinal);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct));

        var granted = await CadreApp.PostFormAsync(admin, "/admin/users", new()
        {
            ["Grant.UserId"] = userId, ["Grant.Role"] = "Secretary", ["Grant.OrganizationCode"] = "ADM2-N-1",
        }, "/admin/users?handler=Grant");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var newUser = await app.SignedInClientAsync(email);
        Assert.Contains(member.Number, await newUser.GetStringAsync("/me", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await newUser.GetAsync($"/members/{member.MemberId}", Ct)).StatusCode);

        var grantId = await app.WithDbAsync(db => db.RoleGrants.Where(g => g.UserId == userId && g.Role == Role.Secretary).Select(g => g.Id).SingleAsync(Ct));
        page = await admin.GetStringAsync("/admin/users", Ct);
        Assert.Contains($"action=\"/admin/users?grantId={grantId}&amp;handler=Revoke\"", page, StringComparison.Ordinal);
        var revoked = await CadreApp.PostFormAsync(admin, "/admin/users", [], $"/admin/users?handler=Revoke&grantId={grantId}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await newUser.GetAsync($"/members/{member.MemberId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_account_input_is_shown_at_its_field()
    {
        var admin = await app.SignedInAsAsync(Role.Administrator, null);
        var response = await CadreApp.PostFormAsync(admin, "/admin/users", new()
        {
            ["NewUser.Email"] = "not-an-email", ["NewUser.Password"] = "short", ["NewUser.Role"] = "Secretary",
        }, "/admin/users?handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("The email address is not valid.", CadreApp.FieldError(html, "NewUser.Email"));

        html = await (await CadreApp.PostFormAsync(admin, "/admin/users", new()
        {
            ["NewUser.Email"] = $"x-{Guid.NewGuid():N}@example.org", ["NewUser.Password"] = CadreApp.Password, ["NewUser.Role"] = "Secretary",
            ["NewUser.OrganizationCode"] = "NO-SUCH-CODE",
        }, "/admin/users?handler=Create")).Content.ReadAsStringAsync(Ct);
        Assert.Equal("There is no organization with the code NO-SUCH-CODE.", CadreApp.FieldError(html, "NewUser.OrganizationCode"));

        html = await (await CadreApp.PostFormAsync(admin, "/admin/users", new()
        {
            ["Grant.UserId"] = "nobody", ["Grant.Role"] = "Administrator", ["Grant.OrganizationCode"] = "",
        }, "/admin/users?handler=Grant")).Content.ReadAsStringAsync(Ct);
        Assert.Equal("There is no such user.", CadreApp.FieldError(html, "Grant.UserId"));

        var missing = await CadreApp.PostFormAsync(admin, "/admin/users", [], "/admin/users?handler=Revoke&grantId=999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
