using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;

namespace Cadre.Web.Tests.International;

/// Declarations over HTTP: signatories, the CSV export, the public page for anyone only when published.
public sealed class DeclarationWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_declaration_collects_signatories_exports_them_and_is_public_only_when_published()
    {
        var tree = await app.CreateTreeAsync("D1");
        var central = await app.ApiClientAsync(Role.InternationalOfficer, tree.Centre);
        var south = await app.ApiClientAsync(Role.InternationalOfficer, tree.South);
        var parties = new List<int>();
        foreach (var (country, name) in new[] { ("PRK", "Workers' Party of Korea (D1)"), ("VNM", "Communist Party of Vietnam (D1)") })
        {
            var created = await central.PostAsJsonAsync("/api/v1/parties", new { details = new { countryCode = country, name } }, Ct);
            parties.Add((await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32());
        }
        var adopted = await central.PostAsJsonAsync("/api/v1/declarations", new
        {
            organizationId = tree.Centre, title = "Pyongyang Declaration (D1)", adoptedOn = "1992-04-20", place = "Pyongyang", language = "en", text = "We, the parties …",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, adopted.StatusCode);
        var id = (await adopted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await central.PostAsJsonAsync($"/api/v1/declarations/{id}/signatories", new { partyIds = parties, signedOn = "1992-04-20" }, Ct)).StatusCode);
        var twice = await central.PostAsJsonAsync($"/api/v1/declarations/{id}/signatories", new { partyIds = new[] { parties[0] }, signedOn = "1993-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var early = await central.PostAsJsonAsync($"/api/v1/declarations/{id}/withdrawals", new { partyId = parties[1], on = "1990-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/declarations/{id}", Ct)).StatusCode);

        var csv = await central.GetAsync($"/api/v1/declarations/{id}/signatories.csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Workers' Party of Korea (D1),,PRK,", await csv.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var stats = await central.GetFromJsonAsync<JsonElement>($"/api/v1/declarations/{id}/statistics", Ct);
        Assert.Equal(2, stats.GetProperty("current").GetInt32());

        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/declarations/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await central.PutAsync($"/api/v1/declarations/{id}/public?isPublic=true", null, Ct)).StatusCode);
        var page = await anonymous.GetStringAsync($"/declarations/{id}", Ct);
        Assert.Contains("Signed by 2 parties", page, StringComparison.Ordinal);

        var officer = await app.SignedInAsAsync(Role.InternationalOfficer, tree.Centre);
        var html = await officer.GetStringAsync($"/international/declarations/{id}", Ct);
        Assert.Contains("Signatories: 2 of 2", html, StringComparison.Ordinal);
    }
}
