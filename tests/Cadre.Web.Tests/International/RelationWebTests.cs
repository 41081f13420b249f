using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;

namespace Cadre.Web.Tests.International;

/// Relations, exchanges and contacts over HTTP and on the party's page, within a subtree.
public sealed class RelationWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    private static async Task<int> PartyAsync(HttpClient central, string name)
    {
        var created = await central.PostAsJsonAsync("/api/v1/parties", new { details = new { countryCode = "CUB", name } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_relation_and_a_delegation_are_recorded_and_seen_only_within_the_subtree()
    {
        var tree = await app.CreateTreeAsync("R1");
        var central = await app.ApiClientAsync(Role.InternationalOfficer, tree.Centre);
        var north = await app.ApiClientAsync(Role.InternationalOfficer, tree.North);
        var south = await app.ApiClientAsync(Role.InternationalOfficer, tree.South);
        var party = await PartyAsync(central, "Partido Comunista de Cuba (R1)");

        var set = await north.PutAsJsonAsync("/api/v1/relations", new { organizationId = tree.North, partyId = party, status = "Friendly", on = "2024-01-10" }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var raised = await north.PutAsJsonAsync("/api/v1/relations", new { organizationId = tree.North, partyId = party, status = "Fraternal", on = "2024-06-01" }, Ct);
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var again = await north.PutAsJsonAsync("/api/v1/relations", new { organizationId = tree.North, partyId = party, status = "Fraternal", on = "2024-07-01" }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "RelationAlreadyAt"), (again.StatusCode, await CodeOf(again)));
        var outside = await south.PutAsJsonAsync("/api/v1/relations", new { organizationId = tree.North, partyId = party, status = "Contact", on = "2024-07-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var delegation = await north.PostAsJsonAsync("/api/v1/exchanges", new
        {
            organizationId = tree.North, partyId = party, kind = "DelegationSent", title = "Study visit to Havana", on = "2024-09-01", until = "2024-09-08",
            delegates = new[] { new { name = "Ana Petrova", position = "Head" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, delegation.StatusCode);
        var bad = await north.PostAsJsonAsync("/api/v1/exchanges", new { organizationId = tree.North, partyId = party, kind = "Nonsense", title = "x", on = "2024-09-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var work = await north.GetFromJsonAsync<JsonElement>($"/api/v1/parties/{party}/work", Ct);
        Assert.Equal(2, work.GetProperty("relations")[0].GetProperty("history").GetArrayLength());
        Assert.Equal("Ana Petrova", work.GetProperty("exchanges")[0].GetProperty("delegates")[0].GetProperty("name").GetString());
        var southWork = await south.GetFromJsonAsync<JsonElement>($"/api/v1/parties/{party}/work", Ct);
        Assert.Equal(0, southWork.GetProperty("relations").GetArrayLength() + southWork.GetProperty("exchanges").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/relations?organizationId={tree.North}", Ct)).StatusCode);
        var fraternal = await central.GetFromJsonAsync<JsonElement>("/api/v1/relations?status=Fraternal", Ct);
        Assert.Contains(fraternal.EnumerateArray(), r => r.GetProperty("partyId").GetInt32() == party);
    }

    [Fact]
    public async Task The_party_page_records_a_relation_a_delegation_and_a_contact()
    {
        var tree = await app.CreateTreeAsync("R2");
        var central = await app.ApiClientAsync(Role.InternationalOfficer, tree.Centre);
        var party = await PartyAsync(central, "Partido Socialista Popular (R2)");
        var page = await app.SignedInAsAsync(Role.InternationalOfficer, tree.Centre);
        var url = $"/international/parties/{party}";

        var relation = await CadreApp.PostFormAsync(page, url, new() { ["org"] = "R2-CC", ["status"] = "Contact", ["on"] = "2023-03-01", ["note"] = "First talks" },
            url + "?handler=Relation");
        Assert.Equal(HttpStatusCode.Redirect, relation.StatusCode);
        var exchange = await CadreApp.PostFormAsync(page, url, new()
        {
            ["org"] = "R2-CC", ["kind"] = "DelegationReceived", ["title"] = "Delegation to our congress", ["on"] = "2024-11-02",
            ["delegates"] = "Blas Roca, head of delegation\nLázaro Peña",
        }, url + "?handler=Exchange");
        Assert.Equal(HttpStatusCode.Redirect, exchange.StatusCode);
        var contact = await CadreApp.PostFormAsync(page, url, new() { ["org"] = "R2-CC", ["name"] = "Carmen Ruiz", ["email"] = "bad" }, url + "?handler=Contact");
        Assert.Equal(HttpStatusCode.BadRequest, contact.StatusCode);
        Assert.Contains("not an e-mail address", await contact.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var wrongOrg = await CadreApp.PostFormAsync(page, url, new() { ["org"] = "NOPE", ["status"] = "Contact", ["on"] = "2023-03-01" }, url + "?handler=Relation");
        Assert.Equal(HttpStatusCode.BadRequest, wrongOrg.StatusCode);

        var html = await page.GetStringAsync(url, Ct);
        Assert.Contains("established as Contact (First talks)", html, StringComparison.Ordinal);
        Assert.Contains("Blas Roca (head of delegation); Lázaro Peña", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var world = await page.GetStringAsync("/international", Ct);
        Assert.Contains("id=\"world-chart\"", world, StringComparison.Ordinal);
        Assert.Contains("<td><a href=\"/international/parties?country=CUB\">Cuba</a></td><td>Americas</td>", world, StringComparison.Ordinal);
        var api = await central.GetFromJsonAsync<JsonElement>("/api/v1/relations/world?region=Americas", Ct);
        Assert.Contains(api.EnumerateArray(), c => c.GetProperty("countryCode").GetString() == "CUB" && c.GetProperty("contact").GetInt32() >= 1);
    }
}
