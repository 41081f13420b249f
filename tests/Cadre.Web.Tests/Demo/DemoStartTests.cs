using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Data;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cadre.Web.Tests.Demo;

/// `--demo`: an empty installation gets the demo party, and its primary-organization secretary sees only their branch.
public sealed class DemoStartTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_seeds_an_empty_database_once_and_its_branch_secretary_sees_only_their_branch()
    {
        await SeedAsync();
        var organizations = await app.WithDbAsync(db => db.Organizations.CountAsync());
        var members = await app.WithDbAsync(db => db.Members.CountAsync());
        Assert.InRange(organizations, 60, 100);
        Assert.InRange(members, 1_400, 1_600);

        await SeedAsync(); // not empty any more: nothing is added
        Assert.Equal(members, await app.WithDbAsync(db => db.Members.CountAsync()));

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var signedIn = await CadreApp.PostFormAsync(client, "/account/sign-in",
            new() { ["Input.Email"] = "branch.secretary@cadre.example", ["Input.Password"] = "cadre-demo-branch" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var branch = await app.WithDbAsync(db => db.Organizations.Where(o => o.Code == "R1-D1-01").Select(o => o.Id).SingleAsync());
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/members?limit=200", Ct);
        var listed = page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("organizationId").GetInt32()).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, id => Assert.Equal(branch, id));
        Assert.Equal(await app.WithDbAsync(db => db.Members.CountAsync(m => m.OrganizationId == branch)), listed.Count);
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await DemoStart.SeedAsync(scope.ServiceProvider, NullLogger.Instance, Ct);
    }
}
