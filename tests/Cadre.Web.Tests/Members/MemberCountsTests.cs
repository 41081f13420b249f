using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Members;

/// The composition of the membership below an organization, on its page and in the API, within the reader's scope.
public sealed class MemberCountsTests(CadreApp app) : IClassFixture<CadreApp>, IAsyncLifetime
{
    private CadreApp.Tree tree = null!;

    public async ValueTask InitializeAsync()
    {
        tree = await app.CreateTreeAsync();
        // Each test gets a new instance of the class but shares the app: the members are registered once.
        if (await app.WithDbAsync(db => db.Members.AnyAsync())) return;
        await app.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        await app.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa");
        await app.RegisterMemberAsync(tree.SouthBranch, "Eva", "Lima");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_api_counts_the_subtree_by_status_and_occupation_and_refuses_another_district()
    {
        var client = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);

        var counts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/counts?organizationId={tree.NorthDistrict}", Ct);

        Assert.Equal(2, counts.GetProperty("currentMembers").GetInt32());
        Assert.Equal([("Member", 2)], counts.GetProperty("byStatus").EnumerateArray()
            .Select(c => (c.GetProperty("status").GetString(), c.GetProperty("members").GetInt32())));
        var occupation = Assert.Single(counts.GetProperty("byOccupation").EnumerateArray());
        Assert.Equal(("Not recorded", 2, 1.0), (occupation.GetProperty("name").GetString(), occupation.GetProperty("members").GetInt32(),
            occupation.GetProperty("share").GetDouble()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/members/counts?organizationId={tree.SouthDistrict}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/members/counts?organizationId={tree.Centre}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_centres_page_shows_the_whole_membership_below_it()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Role.Administrator, null);
        var admin = await app.SignedInClientAsync(email);

        var page = await admin.GetStringAsync($"/organizations/{tree.Centre}", Ct);

        Assert.Contains("3 in this organization and all below it", page, StringComparison.Ordinal);
        Assert.Contains("Composition of the membership below", page, StringComparison.Ordinal);
        Assert.Contains($"/members?organizationId={tree.Centre}&amp;status=Member\">Member</a></th><td class=\"number\">3</td>", page, StringComparison.Ordinal);
    }
}
