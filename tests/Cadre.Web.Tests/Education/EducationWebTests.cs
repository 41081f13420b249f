using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Education.Courses;
using Cadre.Education.Library;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Education;

/// The library and courses over HTTP: uploads and their limits, search with query syntax, scope (404 outside, 403 read-only),
/// the pages of the journey.
public sealed class EducationWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(string fileName, byte[] content, int organizationId, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "organizationId");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    [Fact]
    public async Task An_upload_adds_a_document_and_an_empty_huge_or_binary_upload_is_a_named_error_that_adds_nothing()
    {
        var tree = await app.CreateTreeAsync("U1");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.Centre);
        var before = await app.WithDbAsync(db => db.Documents.CountAsync(Ct));

        var created = await officer.PostAsync("/api/v1/library/upload", Upload("u1-programme.md",
            Encoding.UTF8.GetBytes("---\nkey: u1-programme\ntitle: U1 Programme\nkind: programme\n---\n# Aims\n\nWe organize workers."), tree.Centre), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var empty = await officer.PostAsync("/api/v1/library/upload", Upload("empty.md", [], tree.Centre), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("DocumentFileEmpty", await CodeOf(empty));
        var huge = await officer.PostAsync("/api/v1/library/upload", Upload("huge.md", new byte[LibraryUploads.MaxBytes + 1].Select(_ => (byte)'a').ToArray(), tree.Centre), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal("DocumentFileTooLarge", await CodeOf(huge));
        var binary = await officer.PostAsync("/api/v1/library/upload", Upload("scan.md", [0x25, 0x50, 0x44, 0x46, 0xFF, 0xFE, 0x00], tree.Centre), Ct);
        Assert.Equal("DocumentFileNotText", await CodeOf(binary));
        var broken = await officer.PostAsync("/api/v1/library/upload", Upload("broken.md", Encoding.UTF8.GetBytes("---\nyear: soon\n---\ntext"), tree.Centre), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("broken.md:2", (await broken.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Documents.CountAsync(Ct)));

        // The upload page says the same beside the file field.
        var page = await app.SignedInAsAsync(Role.EducationOfficer, tree.Centre);
        var html = await page.GetStringAsync("/library/new", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = Upload("empty.md", [], tree.Centre, ("Org", "U1-CC"), ("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        var refused = await page.PostAsync("/library/new", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The file is empty: choose a document with text in it.", CadreApp.FieldError(await refused.Content.ReadAsStringAsync(Ct), "file"));
    }

    [Fact]
    public async Task Search_through_the_api_and_the_page_takes_query_syntax_as_text()
    {
        var tree = await app.CreateTreeAsync("U2");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.Centre);
        (await officer.PostAsJsonAsync("/api/v1/library", new { organizationId = tree.Centre, document = new { key = "u2-circles", title = "U2 Circles", body = "Study circles organize everywhere." } }, Ct)).EnsureSuccessStatusCode();
        var member = await app.ApiClientAsync(Role.Member, tree.NorthBranch);

        foreach (var q in new[] { "\"organizing", "organiz*", "(organizing)", "NEAR(organizing)", "title:organizing", "organizing AND", "\"\"" })
        {
            var response = await member.GetAsync($"/api/v1/library?q={Uri.EscapeDataString(q)}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode}");
        }
        var found = await member.GetFromJsonAsync<JsonElement>("/api/v1/library?q=organizing", Ct);
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == "u2-circles");
        Assert.Equal(HttpStatusCode.BadRequest, (await member.GetAsync("/api/v1/library?q=" + new string('a', 501), Ct)).StatusCode);
        var page = await (await app.SignedInAsAsync(Role.Member, tree.NorthBranch)).GetAsync("/library?q=" + Uri.EscapeDataString("(\"organizing*"), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<mark>organize</mark>", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // A member may read the library, not change it.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/v1/library", new { organizationId = tree.Centre }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Study_groups_of_another_district_are_404_and_a_secretary_reads_but_may_not_record()
    {
        var tree = await app.CreateTreeAsync("U3");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.NorthDistrict);
        var course = (await (await officer.PostAsJsonAsync("/api/v1/courses", new { organizationId = tree.NorthDistrict, title = "U3 Course" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var group = (await (await officer.PostAsJsonAsync("/api/v1/courses/groups", new { courseId = course, organizationId = tree.NorthBranch, startsOn = today.AddDays(-10) }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var future = (await (await officer.PostAsJsonAsync($"/api/v1/courses/groups/{group}/sessions", new { on = today.AddDays(3) }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var ana = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        (await officer.PostAsJsonAsync($"/api/v1/courses/groups/{group}/participants", new { memberIds = new[] { ana.MemberId } }, Ct)).EnsureSuccessStatusCode();

        var early = await officer.PutAsJsonAsync($"/api/v1/courses/sessions/{future}/attendance", new { present = Array.Empty<int>() }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("SessionNotYetHeld", await CodeOf(early));
        var enrollment = await app.WithDbAsync(db => db.Enrollments.Where(e => e.StudyGroupId == group).Select(e => e.Id).SingleAsync(Ct));
        var incomplete = await officer.PostAsJsonAsync($"/api/v1/courses/groups/{group}/completions", new { enrollmentId = enrollment }, Ct);
        Assert.Equal("NoSessionsHeld", await CodeOf(incomplete));

        var south = await app.ApiClientAsync(Role.EducationOfficer, tree.SouthDistrict);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/courses/groups/{group}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.PostAsJsonAsync($"/api/v1/courses/groups/{group}/sessions", new { on = today }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/courses/statistics?organizationId={tree.NorthDistrict}", Ct)).StatusCode);
        var southPage = await app.SignedInAsAsync(Role.EducationOfficer, tree.SouthDistrict);
        Assert.Equal(HttpStatusCode.NotFound, (await southPage.GetAsync($"/education/groups/{group}", Ct)).StatusCode);

        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/v1/courses/groups/{group}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync($"/api/v1/courses/groups/{group}/sessions", new { on = today }, Ct)).StatusCode);
        var stats = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/courses/statistics?organizationId={tree.NorthDistrict}&months=2", Ct);
        Assert.Equal(2, stats.GetProperty("months").GetArrayLength());
        var statsPage = await (await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict)).GetStringAsync("/education/statistics?org=U3-N-1", Ct);
        Assert.Contains("/lib/chartjs/chart.umd.min.js", statsPage, StringComparison.Ordinal);
        Assert.Contains("id=\"months\"", statsPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_education_pages_answer_for_their_readers()
    {
        var tree = await app.CreateTreeAsync("U4");
        var officer = await app.SignedInAsAsync(Role.EducationOfficer, tree.NorthDistrict);
        foreach (var page in new[] { "/education", "/library", "/library/new", "/education/courses/new", "/education/statistics" })
            Assert.True((await officer.GetAsync(page, Ct)).StatusCode == HttpStatusCode.OK, page);
        var member = await app.SignedInAsAsync(Role.Member, tree.NorthBranch);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/education", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/education/mine", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/library/new", Ct)).StatusCode); // to the access-denied page
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/library/999999", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/education/certificates/C9999999", Ct)).StatusCode);
    }
}
