using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Directives;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Directives;

/// Directives over HTTP: the loop from issuing to accepting, scope (another branch's assignment is not found and unchanged,
/// read-only is forbidden), forged and bad input as named errors, and the pages.
public sealed class DirectivesWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static readonly string[] Figures = ["members reached", "new applications"];

    private static readonly long[] Ones = [1, 1];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<(CadreApp.Tree Tree, int Directive, long North, long South)> IssueAsync(string prefix, int days = 10)
    {
        var tree = await app.CreateTreeAsync(prefix);
        var centre = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var primary = await app.LevelIdAsync(3);
        var issued = await centre.PostAsJsonAsync("/api/v1/directives", new
        {
            issuerOrganizationId = tree.Centre, title = $"{prefix} Recruitment drive", text = "Hold a meeting.", dueOn = Today.AddDays(days),
            target = "Levels", levelIds = new[] { primary }, figures = Figures,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, body.GetProperty("assignments").GetInt32());
        var directive = body.GetProperty("directiveId").GetInt32();
        var assignments = await app.WithDbAsync(db => db.Assignments.Where(a => a.DirectiveId == directive).ToDictionaryAsync(a => a.OrganizationId, a => a.Id, Ct));
        return (tree, directive, assignments[tree.NorthBranch], assignments[tree.SouthBranch]);
    }

    [Fact]
    public async Task A_branch_acknowledges_and_reports_and_the_centre_sees_the_roll_up_and_accepts()
    {
        var (tree, directive, north, _) = await IssueAsync("D1");
        var branch = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var centre = await app.ApiClientAsync(Role.Secretary, tree.Centre);

        var inbox = await branch.GetFromJsonAsync<JsonElement>("/api/v1/directives/inbox", Ct);
        var item = Assert.Single(inbox.GetProperty("toActOn").EnumerateArray());
        Assert.Equal(north, item.GetProperty("assignmentId").GetInt64());
        Assert.Equal("Received", item.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await branch.PostAsync($"/api/v1/directives/assignments/{north}/acknowledge", null, Ct)).StatusCode);
        var twice = await branch.PostAsync($"/api/v1/directives/assignments/{north}/acknowledge", null, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "AssignmentAlreadyAcknowledged"), (twice.StatusCode, await CodeOf(twice)));
        var reported = await branch.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/report",
            new { outcome = "Implemented", text = "Two meetings.", figures = new long[] { 40, 3 } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, reported.StatusCode);

        var rollup = await centre.GetFromJsonAsync<JsonElement>($"/api/v1/directives/{directive}/rollup", Ct);
        var total = rollup.GetProperty("total");
        Assert.Equal((2, 1, 40L), (total.GetProperty("assigned").GetInt32(), total.GetProperty("reportsIn").GetInt32(), total.GetProperty("sums")[0].GetInt64()));
        // The branch cannot accept its own report; the centre does.
        Assert.Equal(HttpStatusCode.Forbidden, (await branch.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/accept", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await centre.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/accept", new { note = "Good." }, Ct)).StatusCode);
        var issued = await centre.GetFromJsonAsync<JsonElement>("/api/v1/directives/inbox", Ct);
        var mine = issued.GetProperty("issued").EnumerateArray().Single(d => d.GetProperty("directiveId").GetInt32() == directive);
        Assert.Equal((2, 1), (mine.GetProperty("assigned").GetInt32(), mine.GetProperty("reportsIn").GetInt32()));
        var overdue = await centre.GetFromJsonAsync<JsonElement>($"/api/v1/directives/{directive}/assignments?status=Accepted", Ct);
        Assert.Equal(north, Assert.Single(overdue.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Another_branch_gets_not_found_and_changes_nothing_and_read_only_is_forbidden()
    {
        var (tree, directive, north, _) = await IssueAsync("D2");
        var south = await app.ApiClientAsync(Role.Secretary, tree.SouthBranch);
        var control = await app.ApiClientAsync(Role.ControlCommission, tree.Centre);

        foreach (var action in new[] { "acknowledge", "start" })
            Assert.Equal(HttpStatusCode.NotFound, (await south.PostAsync($"/api/v1/directives/assignments/{north}/{action}", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/report", new { figures = Ones }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/accept", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/directives/assignments/{north}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/directives/{directive}/rollup", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/directives/{directive}/rollup?at={tree.NorthBranch}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/directives/inbox?organizationId={tree.NorthBranch}", Ct)).StatusCode);
        var forbidden = await control.PostAsync($"/api/v1/directives/assignments/{north}/acknowledge", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await control.GetAsync($"/api/v1/directives/{directive}/rollup", Ct)).StatusCode);

        var page = await app.SignedInAsAsync(Role.Secretary, tree.SouthBranch);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/directives/assignments/{north}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/directives/{directive}", Ct)).StatusCode);

        var row = await app.WithDbAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.Id == north, Ct));
        Assert.Equal((AssignmentStatus.Received, 0), (row.Status, row.Version));
    }

    [Fact]
    public async Task Forged_and_bad_input_is_a_named_error_that_changes_nothing()
    {
        var (tree, directive, north, _) = await IssueAsync("D3");
        var northSecretary = await app.ApiClientAsync(Role.Secretary, tree.North);
        var branch = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var before = await app.WithDbAsync(db => db.Directives.CountAsync(Ct));

        async Task Refused(HttpResponseMessage response, HttpStatusCode status, string code)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(code, await CodeOf(response));
        }
        await Refused(await northSecretary.PostAsJsonAsync("/api/v1/directives", new
        {
            issuerOrganizationId = tree.North, title = "Forged", text = "To the south.", dueOn = Today.AddDays(5), target = "Organizations",
            organizationIds = new[] { tree.SouthBranch },
        }, Ct), HttpStatusCode.BadRequest, "TargetOutsideSubtree");
        await Refused(await northSecretary.PostAsJsonAsync("/api/v1/directives", new
        {
            issuerOrganizationId = tree.Centre, title = "Above", text = "From the centre.", dueOn = Today.AddDays(5),
        }, Ct), HttpStatusCode.BadRequest, "IssuerNotFound");
        await Refused(await northSecretary.PostAsJsonAsync("/api/v1/directives", new
        {
            issuerOrganizationId = tree.North, title = "Late", text = "Due before issue.", issuedOn = Today, dueOn = Today.AddDays(-1),
        }, Ct), HttpStatusCode.BadRequest, "ValidationFailed");
        var garbage = await northSecretary.PostAsync("/api/v1/directives", new StringContent("{\"issuerOrganizationId\": \"x\", \"target\": 99", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var badTarget = await northSecretary.PostAsJsonAsync("/api/v1/directives", new { issuerOrganizationId = tree.North, title = "T", text = "x", dueOn = Today, target = "Everyone" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badTarget.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await branch.PostAsync($"/api/v1/directives/assignments/{north}/acknowledge", null, Ct)).StatusCode);
        await Refused(await branch.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/report", new { outcome = "Implemented", figures = new long[] { -5, 1 } }, Ct),
            HttpStatusCode.BadRequest, "ValidationFailed");
        await Refused(await branch.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/report", new { outcome = "NotImplemented", figures = new long[] { 0, 0 } }, Ct),
            HttpStatusCode.BadRequest, "ValidationFailed");
        await Refused(await branch.PostAsync("/api/v1/directives/assignments/987654321/acknowledge", null, Ct), HttpStatusCode.NotFound, "AssignmentNotFound");
        await Refused(await branch.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/pass-on", new { text = "x", dueOn = Today }, Ct),
            HttpStatusCode.BadRequest, "NothingToPassOn");
        Assert.Equal(HttpStatusCode.BadRequest, (await branch.GetAsync($"/api/v1/directives/{directive}/assignments?cursor=forged", Ct)).StatusCode);

        Assert.Equal(before, await app.WithDbAsync(db => db.Directives.CountAsync(Ct)));
        var row = await app.WithDbAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.Id == north, Ct));
        Assert.Equal((AssignmentStatus.Acknowledged, (long?)null), (row.Status, row.Figure1));
    }

    [Fact]
    public async Task The_pages_issue_report_and_review_and_show_named_errors()
    {
        var tree = await app.CreateTreeAsync("D4");
        var centre = await app.SignedInAsAsync(Role.Secretary, tree.Centre);
        var refused = await CadreApp.PostFormAsync(centre, "/directives/new", new Dictionary<string, string>
        {
            ["Org"] = "D4-N", ["Title"] = "Refused", ["Text"] = "x", ["DueOn"] = Today.AddDays(3).ToString("yyyy-MM-dd"), ["Target"] = "Organizations", ["Codes"] = "D4-S-1-1",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not active organizations below", CadreApp.FieldError(await refused.Content.ReadAsStringAsync(Ct), "Codes"), StringComparison.Ordinal);

        var issued = await CadreApp.PostFormAsync(centre, "/directives/new", new Dictionary<string, string>
        {
            ["Org"] = "D4-CC", ["Title"] = "D4 Leaflets", ["Text"] = "Hand out *leaflets*.", ["DueOn"] = Today.AddDays(3).ToString("yyyy-MM-dd"),
            ["Target"] = "Subtree", ["Figures"] = "leaflets", ["ReportRequired"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var directivePage = issued.Headers.Location!.OriginalString;
        var html = await centre.GetStringAsync(directivePage, Ct);
        Assert.Contains("0 of 6 reported, 0 overdue", html, StringComparison.Ordinal);
        Assert.Contains("<em>leaflets</em>", html, StringComparison.Ordinal);

        var directive = int.Parse(directivePage.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var assignment = await app.WithDbAsync(db => db.Assignments.Where(a => a.DirectiveId == directive && a.OrganizationId == tree.NorthBranch).Select(a => a.Id).SingleAsync(Ct));
        var branch = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        Assert.Contains("D4 Leaflets", await branch.GetStringAsync("/directives", Ct), StringComparison.Ordinal);
        var page = $"/directives/assignments/{assignment}";
        Assert.Equal(HttpStatusCode.Redirect, (await CadreApp.PostFormAsync(branch, page, [], page + "?handler=Acknowledge")).StatusCode);
        var missing = await CadreApp.PostFormAsync(branch, page, new Dictionary<string, string> { ["outcome"] = "Implemented" }, page + "?handler=Report");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Give the figure \"leaflets\".", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreApp.PostFormAsync(branch, page,
            new Dictionary<string, string> { ["outcome"] = "Implemented", ["figures"] = "500", ["text"] = "Done." }, page + "?handler=Report")).StatusCode);

        Assert.Contains("1 of 6 reported", await centre.GetStringAsync(directivePage, Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreApp.PostFormAsync(centre, page, new Dictionary<string, string> { ["note"] = "" }, page + "?handler=Accept")).StatusCode);
        Assert.Contains("accepted", await centre.GetStringAsync(page, Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await centre.GetAsync($"{directivePage}?at={tree.North}&overdue=true", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_district_follows_a_directive_to_the_primaries_below_it_and_sees_nothing_above()
    {
        var (tree, directive, north, _) = await IssueAsync("D5");
        var district = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var branch = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);

        var inbox = await district.GetFromJsonAsync<JsonElement>("/api/v1/directives/inbox", Ct);
        Assert.Empty(inbox.GetProperty("toActOn").EnumerateArray());
        var reaching = Assert.Single(inbox.GetProperty("reaching").EnumerateArray());
        Assert.Equal((directive, 1, 0), (reaching.GetProperty("directiveId").GetInt32(), reaching.GetProperty("assigned").GetInt32(), reaching.GetProperty("reportsIn").GetInt32()));

        // Below the district only: not the issuer's view, not another district's, nothing above in the breadcrumbs.
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/api/v1/directives/{directive}/rollup", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/api/v1/directives/{directive}/rollup?at={tree.Centre}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/api/v1/directives/{directive}/rollup?at={tree.SouthDistrict}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/api/v1/directives/{directive}/assignments?at={tree.South}", Ct)).StatusCode);
        var rollup = await district.GetFromJsonAsync<JsonElement>($"/api/v1/directives/{directive}/rollup?at={tree.NorthDistrict}", Ct);
        Assert.Equal((1, 0), (rollup.GetProperty("total").GetProperty("assigned").GetInt32(), rollup.GetProperty("total").GetProperty("reportsIn").GetInt32()));
        Assert.Empty(rollup.GetProperty("breadcrumbs").EnumerateArray());
        Assert.False(rollup.GetProperty("directive").GetProperty("canManage").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await branch.PostAsync($"/api/v1/directives/assignments/{north}/acknowledge", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await branch.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/report",
            new { outcome = "Implemented", figures = new long[] { 12, 1 } }, Ct)).StatusCode);
        rollup = await district.GetFromJsonAsync<JsonElement>($"/api/v1/directives/{directive}/rollup?at={tree.NorthDistrict}", Ct);
        Assert.Equal((1, 12L), (rollup.GetProperty("total").GetProperty("reportsIn").GetInt32(), rollup.GetProperty("total").GetProperty("sums")[0].GetInt64()));
        var list = await district.GetFromJsonAsync<JsonElement>($"/api/v1/directives/{directive}/assignments?at={tree.NorthDistrict}", Ct);
        Assert.Equal(north, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        // A district reader cannot accept: the centre's to review.
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsJsonAsync($"/api/v1/directives/assignments/{north}/accept", new { }, Ct)).StatusCode);

        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var inboxHtml = await page.GetStringAsync("/directives", Ct);
        Assert.Contains($"href=\"/directives/{directive}?at={tree.NorthDistrict}\"", inboxHtml, StringComparison.Ordinal);
        var html = await page.GetStringAsync($"/directives/{directive}?at={tree.NorthDistrict}", Ct);
        Assert.Contains("1 of 1 reported, 0 overdue", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/directives/{directive}", Ct)).StatusCode);
    }
}
