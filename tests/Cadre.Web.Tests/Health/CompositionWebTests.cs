using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Health;
using Cadre.Members;

namespace Cadre.Web.Tests.Health;

/// The composition page, its CSV, the API and the members behind a count: scope (404 outside the subtree), permissions (403),
/// bad input as named errors.
public sealed class CompositionWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// Three women in the north branch (registered 2020-05-01, one lapsed today), one in the south; then the job.
    private async Task<(CadreApp.Tree Tree, int Lapsed)> PartyAsync(string prefix)
    {
        var tree = await app.CreateTreeAsync(prefix);
        await app.RegisterMemberAsync(tree.NorthBranch, "Ana", prefix + "Stays");
        await app.RegisterMemberAsync(tree.NorthBranch, "Rui", prefix + "Stays", new DateOnly(2001, 6, 1));
        var lapsed = (await app.RegisterMemberAsync(tree.NorthBranch, "Lea", prefix + "Lapsed")).MemberId;
        await app.RegisterMemberAsync(tree.SouthBranch, "Zoe", prefix + "South");
        await app.WithDbAsync(async db =>
        {
            var done = await RecordLapse.HandleAsync(db, Actor.System("test"), lapsed, new DecisionRequest { Reference = "dues", Reason = "unpaid" }, Ct);
            Assert.True(done.IsSuccess);
        });
        await app.WithDbAsync(db => ComputeHealth.RunAsync(db, Ct, flowMonths: 1));
        return (tree, lapsed);
    }

    private static int[] Counts(JsonElement composition, string of, string dimension, int category) =>
        [.. composition.GetProperty("tables").EnumerateArray()
            .Single(t => t.GetProperty("of").GetString() == of && t.GetProperty("dimension").GetString() == dimension)
            .GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("category").GetInt32() == category)
            .GetProperty("counts").EnumerateArray().Select(c => c.GetInt32())];

    [Fact]
    public async Task A_district_secretary_reads_the_composition_and_the_members_behind_a_count_and_nothing_outside()
    {
        var (tree, lapsed) = await PartyAsync("K1");
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var at = $"/api/v1/health/organizations/{tree.NorthDistrict}/composition";
        var composition = await secretary.GetFromJsonAsync<JsonElement>(at, Ct);
        var days = composition.GetProperty("days").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture)).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(CompositionCategories.Points(days[^1]), days);
        Assert.True(days[^1] >= today.AddDays(-1), $"the last day is {days[^1]}");
        var yearEnd = days[^2];

        // Lea lapsed today: three women at the last year end, two now; Rui is 30 or under there only.
        Assert.Equal([3, 3, 3, 3, 3, 2], Counts(composition, "FullMembers", "Sex", (int)Sex.Female));
        Assert.Equal(0, Counts(composition, "Candidates", "Sex", (int)Sex.Female).Sum());
        Assert.Equal(3, Counts(composition, "FullMembers", "Occupation", CompositionCategories.NotRecorded)[^2]);
        Assert.Equal(yearEnd.Year - 2001 <= 30 ? 1 : 0, Counts(composition, "FullMembers", "Age", 1)[^2]);

        var behind = await secretary.GetFromJsonAsync<JsonElement>($"{at}/members?on={Day(yearEnd)}&of=FullMembers&dimension=Sex&category=1", Ct);
        Assert.Equal(3, behind.GetProperty("total").GetInt32());
        Assert.Contains(lapsed, behind.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        var now = await secretary.GetFromJsonAsync<JsonElement>($"{at}/members?on={Day(days[^1])}&of=fullmembers&dimension=sex&category=1", Ct);
        Assert.Equal(2, now.GetProperty("total").GetInt32());
        Assert.DoesNotContain(lapsed, now.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));

        var csv = await secretary.GetAsync($"{at}?format=csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("organization,of,dimension,category,name,on,members,share", text, StringComparison.Ordinal);
        Assert.Contains($"FullMembers,Sex,1,Female,{Day(yearEnd)},3,1", text, StringComparison.Ordinal);
        var members = await secretary.GetStringAsync($"{at}/members?on={Day(yearEnd)}&of=FullMembers&dimension=Sex&category=1&format=csv", Ct);
        Assert.StartsWith("organization,number,name,date", members, StringComparison.Ordinal);
        Assert.Contains("K1Lapsed", members, StringComparison.Ordinal);

        // Outside the subtree nothing exists; bad input is a named error; a member reads no composition at all.
        foreach (var url in new[]
                 {
                     $"/api/v1/health/organizations/{tree.SouthDistrict}/composition", $"/api/v1/health/organizations/{tree.Centre}/composition",
                     $"/api/v1/health/organizations/{tree.SouthBranch}/composition/members?on={Day(yearEnd)}&of=FullMembers&dimension=Sex&category=1",
                     "/api/v1/health/organizations/999999/composition",
                 })
            Assert.True((await secretary.GetAsync(url, Ct)).StatusCode == HttpStatusCode.NotFound, url);
        foreach (var query in new[]
                 {
                     "on=soon&of=FullMembers&dimension=Sex&category=1", "of=FullMembers&dimension=Sex&category=1",
                     $"on={Day(yearEnd)}&of=Friends&dimension=Sex&category=1", $"on={Day(yearEnd)}&of=1&dimension=Sex&category=1",
                     $"on={Day(yearEnd)}&of=FullMembers&dimension=Faith&category=1", $"on={Day(yearEnd)}&of=FullMembers&dimension=Age&category=9",
                     $"on={Day(today.AddDays(2))}&of=FullMembers&dimension=Sex&category=1",
                 })
        {
            var response = await secretary.GetAsync($"{at}/members?{query}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            Assert.Equal("InvalidField", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        }
        var member = await app.ApiClientAsync(Role.Member, tree.NorthBranch);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/v1/health/organizations/{tree.NorthBranch}/composition", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_tables_charts_and_links_to_the_members_behind_each_count_in_scope()
    {
        var (tree, _) = await PartyAsync("K2");
        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        Assert.Contains("/dashboard/composition?org=K2-N-1", await page.GetStringAsync("/dashboard?org=K2-N-1", Ct), StringComparison.Ordinal);
        var html = await page.GetStringAsync("/dashboard/composition?org=K2-N-1", Ct);
        Assert.Contains("K2 Riverside District", html, StringComparison.Ordinal);
        Assert.Contains("chart.umd.min.js", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sex-fullmembers\"", html, StringComparison.Ordinal);
        Assert.Contains("window.print()", html, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(html, "/dashboard/composition/members\\?org=K2-N-1&amp;on=([0-9-]+)&amp;of=FullMembers&amp;dimension=Sex&amp;category=1");
        Assert.True(link.Success);
        var members = await page.GetStringAsync(System.Net.WebUtility.HtmlDecode(link.Value), Ct);
        Assert.Contains("K2Stays", members, StringComparison.Ordinal);
        Assert.DoesNotContain("K2South", members, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/dashboard/composition?org=K2-S-1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync(
            $"/dashboard/composition/members?org=K2-CC&on={link.Groups[1].Value}&of=FullMembers&dimension=Sex&category=1", Ct)).StatusCode);
        Assert.Contains("That is not one of the categories.", await page.GetStringAsync(
            $"/dashboard/composition/members?org=K2-N-1&on={link.Groups[1].Value}&of=FullMembers&dimension=Sex&category=7", Ct), StringComparison.Ordinal);
    }
}
