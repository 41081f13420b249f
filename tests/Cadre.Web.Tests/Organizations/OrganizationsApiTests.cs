using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Organizations;

public sealed class OrganizationsApiTests(CadreApp app) : IClassFixture<CadreApp>, IAsyncLifetime
{
    private CadreApp.Tree tree = null!;

    public async ValueTask InitializeAsync() => tree = await app.CreateTreeAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_district_secretary_sees_their_district_as_the_root_of_their_tree()
    {
        var client = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var roots = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations", Ct);
        Assert.Equal([tree.NorthDistrict], roots.EnumerateArray().Select(o => o.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Another_districts_organization_is_not_found_for_reading_or_changing()
    {
        var client = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organizations/{tree.SouthDistrict}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/organizations/{tree.South}", Ct)).StatusCode);
        var rename = await client.PutAsJsonAsync($"/api/v1/organizations/{tree.SouthBranch}", new { name = "Taken over" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        var move = await client.PostAsJsonAsync($"/api/v1/organizations/{tree.SouthBranch}/move", new { newParentId = tree.NorthDistrict }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal("Farmers Branch", await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == tree.SouthBranch).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_secretary_cannot_pull_an_organization_out_of_their_scope_into_another()
    {
        var client = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var move = await client.PostAsJsonAsync($"/api/v1/organizations/{tree.NorthBranch}/move", new { newParentId = tree.SouthDistrict }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        Assert.Equal(tree.NorthDistrict, await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == tree.NorthBranch).Select(o => o.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task A_treasurer_reads_but_may_not_change()
    {
        var client = await app.ApiClientAsync(Role.Treasurer, tree.North);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/organizations/{tree.NorthBranch}", Ct)).StatusCode);
        var rename = await client.PutAsJsonAsync($"/api/v1/organizations/{tree.NorthBranch}", new { name = "Renamed" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, rename.StatusCode);
    }

    [Fact]
    public async Task Creating_with_a_duplicate_code_is_a_validation_problem_naming_the_field()
    {
        var client = await app.ApiClientAsync(Role.Secretary, tree.North);
        var levelId = await app.LevelIdAsync(3);
        var response = await client.PostAsJsonAsync("/api/v1/organizations",
            new { code = "n-1-1", name = "Another branch", levelId, parentId = tree.NorthDistrict }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("N-1-1", problem.GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Code == "N-1-1")));
    }

    [Fact]
    public async Task Create_move_and_see_the_old_tree_on_a_past_date()
    {
        var admin = await app.ApiClientAsync(Role.Administrator, null);
        var levelId = await app.LevelIdAsync(2);
        var created = await admin.PostAsJsonAsync("/api/v1/organizations",
            new { code = "N-2", name = "Harbour District", levelId, parentId = tree.North, foundedOn = "2010-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        var moved = await admin.PostAsJsonAsync($"/api/v1/organizations/{id}/move", new { newParentId = tree.South, effectiveOn = "2020-06-01" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);

        var south = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{tree.South}", Ct);
        Assert.Contains(id, south.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        var northIn2015 = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/tree?on=2015-01-01&parentId={tree.North}", Ct);
        Assert.Contains(id, northIn2015.EnumerateArray().Select(c => c.GetProperty("organizationId").GetInt32()));
        var northToday = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/tree?parentId={tree.North}", Ct);
        Assert.DoesNotContain(id, northToday.EnumerateArray().Select(c => c.GetProperty("organizationId").GetInt32()));
    }

    [Fact]
    public async Task Moving_under_its_own_descendant_is_refused()
    {
        var admin = await app.ApiClientAsync(Role.Administrator, null);
        var response = await admin.PostAsJsonAsync($"/api/v1/organizations/{tree.North}/move", new { newParentId = tree.NorthDistrict }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("descendant", problem.GetProperty("errors").GetProperty("newParentId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dissolving_an_organization_with_members_is_refused_until_they_are_transferred()
    {
        var admin = await app.ApiClientAsync(Role.Administrator, null);
        var levelId = await app.LevelIdAsync(3);
        var created = await admin.PostAsJsonAsync("/api/v1/organizations",
            new { code = "N-1-9", name = "Closing Branch", levelId, parentId = tree.NorthDistrict }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var member = await app.RegisterMemberAsync(id, "Ada", "Lovelace");

        var refused = await admin.PostAsJsonAsync($"/api/v1/organizations/{id}/dissolve", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("1 member", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var dissolved = await admin.PostAsJsonAsync($"/api/v1/organizations/{id}/dissolve", new { transferMembersToId = tree.NorthBranch }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, dissolved.StatusCode);
        Assert.Equal(tree.NorthBranch, await app.WithDbAsync(db => db.Members.Where(m => m.Id == member.MemberId).Select(m => m.OrganizationId).SingleAsync()));
        Assert.Equal(OrganizationStatus.Dissolved, await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_rename_based_on_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var admin = await app.ApiClientAsync(Role.Administrator, null);
        var id = await app.CreateOrganizationAsync("S-1-4", "Orchard Branch", 3, tree.SouthDistrict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { name = "Orchard Branch 1", expectedVersion = 0 }, Ct)).StatusCode);
        var stale = await admin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { name = "Orchard Branch 2", expectedVersion = 0 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Orchard Branch 1", await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_not_a_crash()
    {
        var admin = await app.ApiClientAsync(Role.Administrator, null);
        var response = await admin.PostAsync("/api/v1/organizations",
            new StringContent("{\"code\": ", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_organizations_and_members()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/organizations", paths);
        Assert.Contains("/api/v1/organizations/{id}/move", paths);
        Assert.Contains("/api/v1/members", paths);
        Assert.Contains("/api/v1/members/{id}", paths);
    }
}
