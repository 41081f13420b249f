using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.MassOrganizations;

/// Mass organizations over HTTP and on their pages: a union's tree, links, reports and trend; another branch's data is not
/// found, read-only is forbidden, forged and bad input is a named error that changes nothing.
public sealed class MassOrganizationWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    private static async Task Refused(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await CodeOf(response));
    }

    private sealed record Union(int Id, int National, int North, int Local);

    private static async Task<Union> UnionAsync(HttpClient centre, CadreApp.Tree tree, string name)
    {
        var founded = await centre.PostAsJsonAsync("/api/v1/mass-organizations", new
        {
            organizationId = tree.Centre, kind = "TradeUnion", name, shortName = "FTU", topBodyName = "National Council",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, founded.StatusCode);
        var body = await founded.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("id").GetInt32();
        var national = body.GetProperty("topBodyId").GetInt32();
        var north = await IdOf(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/{id}/bodies", new { parentId = national, name = "Northern Council", level = "Regional" }, Ct));
        var local = await IdOf(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/{id}/bodies", new { parentId = north, name = "Dockers' Local", level = "Local" }, Ct));
        await IdOf(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{local}/links", new { organizationId = tree.NorthBranch }, Ct));
        return new Union(id, national, north, local);
    }

    [Fact]
    public async Task A_union_files_reports_and_its_trend_rolls_up_while_another_branch_sees_nothing()
    {
        var tree = await app.CreateTreeAsync("MO1");
        var centre = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var north = await app.ApiClientAsync(Role.Secretary, tree.North);
        var south = await app.ApiClientAsync(Role.Secretary, tree.South);
        var union = await UnionAsync(centre, tree, "Federation of Trade Unions (MO1)");
        var month = new DateOnly(Today.Year, Today.Month, 1);

        await IdOf(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.Local}/reports", new { on = month.AddMonths(-2), members = 300, women = 40 }, Ct));
        await IdOf(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.North}/reports", new { on = month.AddMonths(-1), members = 20 }, Ct));
        await IdOf(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.Local}/reports", new { on = month, members = 320, women = 45 }, Ct));
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", "Docker");
        var position = await IdOf(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.Local}/positions",
            new { memberId = member.MemberId, office = "Chair", from = "2024-01-01" }, Ct));

        var trend = await north.GetFromJsonAsync<JsonElement>($"/api/v1/mass-organizations/{union.Id}/trend?from={month.AddMonths(-2):yyyy-MM}&to={month:yyyy-MM}", Ct);
        Assert.Equal([300, 320, 340], trend.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("members").GetInt32()));
        var view = await north.GetFromJsonAsync<JsonElement>($"/api/v1/mass-organizations/{union.Id}", Ct);
        Assert.Equal(["National Council", "Northern Council", "Dockers' Local"], view.GetProperty("bodies").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.False(view.GetProperty("canKeep").GetBoolean());
        var list = await north.GetFromJsonAsync<JsonElement>("/api/v1/mass-organizations", Ct);
        Assert.Contains(list.EnumerateArray(), m => m.GetProperty("id").GetInt32() == union.Id);

        // The south works with none of the union's bodies: it does not exist there.
        var southList = await south.GetFromJsonAsync<JsonElement>("/api/v1/mass-organizations", Ct);
        Assert.DoesNotContain(southList.EnumerateArray(), m => m.GetProperty("id").GetInt32() == union.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/mass-organizations/{union.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/mass-organizations/bodies/{union.Local}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/mass-organizations/{union.Id}/trend", Ct)).StatusCode);
        await Refused(await south.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.Local}/reports", new { on = month, members = 1 }, Ct),
            HttpStatusCode.NotFound, "MassBodyNotFound");
        await Refused(await south.PostAsync($"/api/v1/mass-organizations/positions/{position}/end", JsonContent.Create(new { on = (DateOnly?)null }), Ct),
            HttpStatusCode.NotFound, "MassPositionNotFound");
        // The north reads the union but does not keep it.
        await Refused(await north.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.Local}/reports", new { on = month.AddDays(1 - month.Day), members = 1 }, Ct),
            HttpStatusCode.Forbidden, "MassOrganizationsNotPermitted");
        var reports = await app.WithDbAsync(db => db.MassReports.CountAsync(r => r.BodyId == union.Local || r.BodyId == union.North, Ct));
        Assert.Equal(3, reports);
    }

    [Fact]
    public async Task Bad_input_over_the_api_is_a_named_error_that_changes_nothing()
    {
        var tree = await app.CreateTreeAsync("MO2");
        var centre = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var north = await app.ApiClientAsync(Role.Secretary, tree.North);
        var union = await UnionAsync(centre, tree, "Federation of Trade Unions (MO2)");
        var league = await north.PostAsJsonAsync("/api/v1/mass-organizations", new { organizationId = tree.North, kind = "YouthLeague", name = "Northern Youth (MO2)", topBodyName = "Committee" }, Ct);
        var leagueBody = (await league.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("topBodyId").GetInt32();
        var before = await app.WithDbAsync(async db => await db.MassReports.CountAsync(Ct) + await db.MassBodyLinks.CountAsync(Ct) + await db.MassPositions.CountAsync(Ct));

        await Refused(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.Local}/reports", new { on = Today.AddDays(2), members = 5 }, Ct),
            HttpStatusCode.BadRequest, "ReportDatedInFuture");
        await Refused(await centre.PutAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.National}/parent", new { parentId = union.Local }, Ct),
            HttpStatusCode.BadRequest, "MassBodyCycle");
        await Refused(await north.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{leagueBody}/links", new { organizationId = tree.SouthBranch }, Ct),
            HttpStatusCode.BadRequest, "LinkOutsideSubtree");
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Boris", "Railway");
        await Refused(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.Local}/positions",
            new { memberId = member.MemberId, from = "2024-05-01", to = "2024-04-01" }, Ct), HttpStatusCode.BadRequest, "PositionEndsBeforeStart");
        await Refused(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/bodies/{union.Local}/links", new { organizationId = tree.NorthBranch }, Ct),
            HttpStatusCode.Conflict, "AlreadyLinked");
        await Refused(await centre.GetAsync($"/api/v1/mass-organizations/{union.Id}/trend?from=last-year", Ct), HttpStatusCode.BadRequest, "InvalidTrendRange");
        Assert.Equal(HttpStatusCode.BadRequest, (await centre.PostAsJsonAsync("/api/v1/mass-organizations", new { organizationId = tree.Centre, kind = "Guild", name = "x" }, Ct)).StatusCode);
        await Refused(await north.PostAsJsonAsync("/api/v1/mass-organizations", new { organizationId = tree.South, kind = "WomensUnion", name = "Women (MO2)" }, Ct),
            HttpStatusCode.BadRequest, "MassKeeperNotFound");
        var after = await app.WithDbAsync(async db => await db.MassReports.CountAsync(Ct) + await db.MassBodyLinks.CountAsync(Ct) + await db.MassPositions.CountAsync(Ct));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_pages_draw_the_trend_file_a_report_and_refuse_a_forged_post_and_another_branchs_body()
    {
        var tree = await app.CreateTreeAsync("MO3");
        var centre = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var union = await UnionAsync(centre, tree, "Federation of Trade Unions (MO3)");
        var page = await app.SignedInAsAsync(Role.Secretary, tree.Centre);
        var southPage = await app.SignedInAsAsync(Role.Secretary, tree.South);
        var url = $"/mass-organizations/bodies/{union.Local}";
        var on = Today.AddDays(-3);

        var filed = await CadreApp.PostFormAsync(page, url, new() { ["on"] = $"{on:yyyy-MM-dd}", ["members"] = "150", ["women"] = "30" }, url + "?handler=Report");
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var future = await CadreApp.PostFormAsync(page, url, new() { ["on"] = $"{Today.AddDays(5):yyyy-MM-dd}", ["members"] = "150" }, url + "?handler=Report");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("is in the future", await future.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var link = await CadreApp.PostFormAsync(page, url, new() { ["org"] = "MO3-S-1-1" }, url + "?handler=Link");
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);

        var html = await page.GetStringAsync(url, Ct);
        Assert.Contains("id=\"trend-chart\"", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{on:yyyy-MM}</td><td class=\"number\">150</td><td class=\"number\">30</td>", html, StringComparison.Ordinal);
        var organization = await page.GetStringAsync($"/mass-organizations/{union.Id}", Ct);
        Assert.Contains("Dockers&#x27; Local", organization, StringComparison.Ordinal);
        Assert.Contains("MO3-N-1-1, MO3-S-1-1", organization, StringComparison.Ordinal);

        // A post without the antiforgery token is refused; so is a south secretary's post to a body they only read.
        var forged = await page.PostAsync(url + "?handler=Report", new FormUrlEncodedContent(new Dictionary<string, string> { ["on"] = $"{on.AddDays(-1):yyyy-MM-dd}", ["members"] = "999" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var southForm = await CadreApp.PostFormAsync(southPage, url, new() { ["on"] = $"{on.AddDays(-1):yyyy-MM-dd}", ["members"] = "999" }, url + "?handler=Report");
        Assert.Equal(HttpStatusCode.Forbidden, southForm.StatusCode);
        // Another branch's body: the north's regional council is not linked with the south, and its page is not found.
        var other = await IdOf(await centre.PostAsJsonAsync($"/api/v1/mass-organizations/{union.Id}/bodies", new { name = "Separate Council (MO3)", level = "Regional" }, Ct));
        var leagueAtNorth = await (await app.ApiClientAsync(Role.Secretary, tree.North)).PostAsJsonAsync("/api/v1/mass-organizations",
            new { organizationId = tree.North, kind = "YouthLeague", name = "Northern Youth (MO3)", topBodyName = "Committee" }, Ct);
        var leagueBody = (await leagueAtNorth.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("topBodyId").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await southPage.GetAsync($"/mass-organizations/bodies/{leagueBody}", Ct)).StatusCode);
        var indexForm = await CadreApp.PostFormAsync(southPage, "/mass-organizations", new() { ["on"] = $"{on:yyyy-MM-dd}", ["members"] = "5" },
            $"/mass-organizations/bodies/{leagueBody}?handler=Report");
        Assert.Equal(HttpStatusCode.NotFound, indexForm.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.MassReports.CountAsync(r => r.BodyId == union.Local, Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.MassReports.CountAsync(r => r.BodyId == leagueBody || r.BodyId == other, Ct)));
    }
}
