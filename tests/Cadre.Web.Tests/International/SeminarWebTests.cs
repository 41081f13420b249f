using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.International;

/// International seminars over HTTP and on their pages: participants with delegates, papers linked to the library, scope.
public sealed class SeminarWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    [Fact]
    public async Task A_seminar_collects_parties_and_papers_and_is_not_found_outside_the_subtree()
    {
        var tree = await app.CreateTreeAsync("SE1");
        var central = await app.ApiClientAsync(Role.InternationalOfficer, tree.Centre);
        var north = await app.ApiClientAsync(Role.InternationalOfficer, tree.North);
        var south = await app.ApiClientAsync(Role.InternationalOfficer, tree.South);
        var host = await IdOf(await central.PostAsJsonAsync("/api/v1/parties", new { details = new { countryCode = "NPL", name = "Host party (SE1)" } }, Ct));
        var guest = await IdOf(await central.PostAsJsonAsync("/api/v1/parties", new { details = new { countryCode = "IND", name = "Guest party (SE1)" } }, Ct));

        var seminar = await IdOf(await north.PostAsJsonAsync("/api/v1/seminars", new
        {
            organizationId = tree.North, kind = "Conference", title = "Regional conference (SE1)", startsOn = "2024-04-10", endsOn = "2024-04-12", place = "Kathmandu", hostPartyId = host,
        }, Ct));
        await IdOf(await north.PostAsJsonAsync($"/api/v1/seminars/{seminar}/participants", new { partyId = guest, delegates = new[] { new { name = "R. Sharma", position = "Head" } } }, Ct));
        var twice = await north.PostAsJsonAsync($"/api/v1/seminars/{seminar}/participants", new { partyId = guest }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "PartyAlreadyParticipates"), (twice.StatusCode, await CodeOf(twice)));
        await IdOf(await north.PostAsJsonAsync($"/api/v1/seminars/{seminar}/papers", new { title = "Our experience", author = "R. Sharma", partyId = guest }, Ct));
        var stray = await north.PostAsJsonAsync($"/api/v1/seminars/{seminar}/papers", new { title = "Stray", partyId = guest + 1000 }, Ct);
        Assert.Equal((HttpStatusCode.BadRequest, "PaperPartyNotParticipating"), (stray.StatusCode, await CodeOf(stray)));
        var backwards = await north.PostAsJsonAsync("/api/v1/seminars", new { organizationId = tree.North, title = "Backwards", startsOn = "2024-04-10", endsOn = "2024-04-01" }, Ct);
        Assert.Equal((HttpStatusCode.BadRequest, "SeminarEndsBeforeStart"), (backwards.StatusCode, await CodeOf(backwards)));

        var view = await central.GetFromJsonAsync<JsonElement>($"/api/v1/seminars/{seminar}", Ct);
        Assert.Equal("Host party (SE1)", view.GetProperty("hostParty").GetString());
        Assert.Equal("R. Sharma", view.GetProperty("participants")[0].GetProperty("delegates")[0].GetProperty("name").GetString());
        Assert.Equal("Guest party (SE1)", view.GetProperty("papers")[0].GetProperty("party").GetString());
        var byGuest = await central.GetFromJsonAsync<JsonElement>($"/api/v1/seminars?partyId={guest}", Ct);
        Assert.Equal(seminar, Assert.Single(byGuest.EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/seminars/{seminar}", Ct)).StatusCode);
        var southAdds = await south.PostAsJsonAsync($"/api/v1/seminars/{seminar}/participants", new { partyId = host }, Ct);
        Assert.Equal((HttpStatusCode.NotFound, "SeminarNotFound"), (southAdds.StatusCode, await CodeOf(southAdds)));
        Assert.Equal(1, await app.WithDbAsync(db => db.SeminarParticipants.CountAsync(p => p.SeminarId == seminar, Ct)));
    }

    [Fact]
    public async Task The_seminar_pages_record_an_event_a_party_with_delegates_and_a_paper()
    {
        var tree = await app.CreateTreeAsync("SE2");
        var central = await app.ApiClientAsync(Role.InternationalOfficer, tree.Centre);
        var party = await IdOf(await central.PostAsJsonAsync("/api/v1/parties", new { details = new { countryCode = "LAO", name = "Phak Xaxon Lao (SE2)" } }, Ct));
        var page = await app.SignedInAsAsync(Role.InternationalOfficer, tree.Centre);

        var held = await CadreApp.PostFormAsync(page, "/international/seminars", new()
        {
            ["title"] = "Seminar on the mass line (SE2)", ["kind"] = "Seminar", ["org"] = "SE2-CC", ["startsOn"] = "2024-09-03", ["endsOn"] = "2024-09-04", ["place"] = "Capital",
            ["hostPartyId"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        var url = held.Headers.Location!.OriginalString;
        var added = await CadreApp.PostFormAsync(page, url + "?q=Xaxon", new() { ["partyId"] = $"{party}", ["delegates"] = "Kham Phoui, head\nNoy Sida" }, url + "?handler=Participant");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var paper = await CadreApp.PostFormAsync(page, url, new() { ["title"] = "Cooperatives", ["author"] = "Kham Phoui", ["partyId"] = $"{party}", ["document"] = "no-such-document" },
            url + "?handler=Paper");
        Assert.Equal(HttpStatusCode.BadRequest, paper.StatusCode);
        Assert.Contains("no such document in the library", await paper.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var ok = await CadreApp.PostFormAsync(page, url, new() { ["title"] = "Cooperatives", ["author"] = "Kham Phoui", ["partyId"] = $"{party}" }, url + "?handler=Paper");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var wrongOrg = await CadreApp.PostFormAsync(page, "/international/seminars", new() { ["title"] = "x", ["org"] = "NOPE", ["startsOn"] = "2024-09-03" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongOrg.StatusCode);

        var html = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync(url, Ct));
        Assert.Contains("Kham Phoui (head); Noy Sida", html, StringComparison.Ordinal);
        Assert.Contains("Cooperatives — Kham Phoui (Phak Xaxon Lao (SE2))", html, StringComparison.Ordinal);
        Assert.Contains("Seminar on the mass line (SE2)", await page.GetStringAsync("/international/seminars", Ct), StringComparison.Ordinal);
    }
}
