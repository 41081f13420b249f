using System.Text;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Browser.Tests.Infrastructure;
using Cadre.Education.Courses;
using Cadre.Members;
using Cadre.Web.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cadre.Browser.Tests.Education;

/// An education officer uploads the library's documents, builds a course required of candidates, runs it as a study
/// circle with a session and its attendance; the candidate completes it, sees it among their courses, and the branch
/// secretary's confirmation step shows it (blocked before, allowed after). A member's search finds a Korean phrase and
/// an English word by its stem.
public sealed class EducationJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Programme = """
        ---
        key: programme
        title: Programme of the Party
        kind: programme
        language: en
        ---
        # Programme of the Party

        ## Our aims

        The party organizes working people.

        ## Our history

        The founders studied in reading rooms.
        """;

    private const string Korean = """
        ---
        key: korean-lecture
        title: 당 건설에 관한 강의
        kind: lecture
        language: ko
        ---
        노동자 계급의 당은 대중과 함께 있다.
        """;

    [Fact]
    public async Task An_officer_runs_a_course_a_candidate_completes_it_and_the_confirmation_step_shows_it()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        await app.WithDbAsync(async db => (await ChangeEducationSettings.HandleAsync(db, Actor.System("test"), new ChangeEducationSettings.Request(true), CancellationToken.None)).Value);
        var candidate = await app.WithDbAsync(async db => (await RegisterMember.HandleAsync(db, Actor.System("test"), new RegisterMember.Request
        {
            OrganizationId = tree.NorthBranch, JoinedOn = new DateOnly(2024, 5, 1), Status = MemberStatus.Candidate,
            Person = new PersonalData { GivenName = "Clara", FamilyName = "Zetkin", DateOfBirth = new DateOnly(1990, 7, 5), Sex = Sex.Female },
        }, CancellationToken.None)).Value);
        await app.CreateUserAsync("officer@example.org", Role.EducationOfficer, tree.Centre);
        await app.CreateUserAsync("secretary@example.org", Role.Secretary, tree.NorthBranch);
        await app.CreateUserAsync("clara@example.org", Role.Member, tree.NorthBranch, candidate.PersonId);

        // The officer uploads two documents.
        var officer = await browser.NewPageAsync();
        await SignInAsync(officer, "officer@example.org");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Education", Exact = true }).ClickAsync();
        await officer.GotoAsync("/library/new");
        await officer.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "programme.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(Programme) });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Add to the library" }).ClickAsync();
        await Expect(officer.Locator("hgroup h1")).ToHaveTextAsync("Programme of the Party");
        await Expect(officer.Locator("#our-history")).ToHaveTextAsync("Our history");
        await officer.GotoAsync("/library/new");
        await officer.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "empty.md", MimeType = "text/markdown", Buffer = [] });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Add to the library" }).ClickAsync();
        await Expect(officer.Locator("main")).ToContainTextAsync("The file is empty");
        await officer.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "korean.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(Korean) });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Add to the library" }).ClickAsync();
        await Expect(officer.Locator("hgroup h1")).ToHaveTextAsync("당 건설에 관한 강의");

        // A course required of candidates, one lesson reading a section of the programme.
        await officer.GotoAsync("/education/courses/new");
        await officer.GetByLabel("Title", new() { Exact = true }).FillAsync("Course for candidates");
        await officer.GetByLabel("Required").SelectOptionAsync("Candidate");
        await officer.GetByLabel("Completed with at least").FillAsync("100");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Create the course" }).ClickAsync();
        await officer.Locator("#add-lesson summary").ClickAsync();
        await officer.GetByLabel("Lesson title", new() { Exact = true }).FillAsync("Where we come from");
        await officer.GetByLabel("Readings").FillAsync("programme#our-history | the whole section");
        await officer.GetByLabel("Questions for discussion").FillAsync("What did the founders study?");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Add the lesson" }).ClickAsync();
        await Expect(officer.Locator("main")).ToContainTextAsync("Programme of the Party: Our history");
        await Expect(officer.Locator("main")).ToContainTextAsync("What did the founders study?");

        // The branch runs it: a study circle, one session today, Clara enrolled by number and family name.
        await officer.Locator("#start-group summary").ClickAsync();
        await officer.GetByLabel("Organization (code)", new() { Exact = true }).FillAsync("N-1-1");
        await officer.GetByLabel("Place", new() { Exact = true }).FillAsync("Union hall");
        await officer.GetByLabel("Instructor", new() { Exact = true }).FillAsync("Rosa Luxemburg");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Start the study group" }).ClickAsync();
        await Expect(officer.Locator("hgroup h1")).ToContainTextAsync("Study circle: Course for candidates");
        await officer.Locator("#plan-session summary").ClickAsync();
        await officer.GetByLabel("Date", new() { Exact = true }).FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Plan the session" }).ClickAsync();
        await officer.Locator("#enroll summary").ClickAsync();
        await officer.GetByLabel("Member number", new() { Exact = true }).FillAsync(candidate.Number);
        await officer.GetByLabel("Family name", new() { Exact = true }).FillAsync("Zetkin");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Enroll" }).ClickAsync();
        await Expect(officer.Locator("#participants")).ToContainTextAsync("Clara Zetkin");

        // Completion before the attendance is refused, by name.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record completion for Clara Zetkin" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Alert)).ToContainTextAsync("attended 0 of 1 session(s)");

        // The secretary sees the course missing, and the confirmation is blocked.
        var secretary = await browser.NewPageAsync();
        await SignInAsync(secretary, "secretary@example.org");
        await secretary.GotoAsync($"/members/{candidate.MemberId}");
        await Expect(secretary.Locator("#required-courses")).ToContainTextAsync("Course for candidates: not completed");
        await Expect(secretary.Locator("#required-courses")).ToContainTextAsync("Confirmation is blocked");
        await secretary.Locator("#step-Confirm summary").ClickAsync();
        await secretary.Locator("#step-Confirm").GetByRole(AriaRole.Button, new() { Name = "Confirm as full member" }).ClickAsync();
        await Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("has not completed the course(s) required before confirmation: Course for candidates");

        // Attendance, then completion with a certificate.
        await officer.Locator("#attendance-1 summary").ClickAsync();
        await officer.Locator("#attendance-1").GetByLabel("Clara Zetkin").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save attendance of session 1" }).ClickAsync();
        await Expect(officer.Locator("#sessions")).ToContainTextAsync("1 of 1 present");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record completion for Clara Zetkin" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("The completion is recorded: certificate C");
        await Screenshots.SaveAsync(officer, "education-study-group");

        // Clara sees her course completed, her certificate and her reading.
        var clara = await browser.NewPageAsync();
        await SignInAsync(clara, "clara@example.org");
        await clara.GotoAsync("/education/mine");
        await Expect(clara.Locator("#my-courses")).ToContainTextAsync("Course for candidates");
        await Expect(clara.Locator("#my-readings")).ToContainTextAsync("Programme of the Party");
        await clara.Locator("#my-courses").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("certificate") }).ClickAsync();
        await Expect(clara.Locator("#certificate")).ToContainTextAsync("Clara Zetkin");
        await Expect(clara.Locator("#certificate")).ToContainTextAsync("has completed the study circle");

        // The confirmation step now shows the course completed, and the confirmation goes ahead.
        await secretary.GotoAsync($"/members/{candidate.MemberId}");
        await Expect(secretary.Locator("#required-courses")).ToContainTextAsync("Course for candidates: completed");
        await secretary.Locator("#step-Confirm summary").ClickAsync();
        await secretary.Locator("#step-Confirm").GetByRole(AriaRole.Button, new() { Name = "Confirm as full member" }).ClickAsync();
        await Expect(secretary.Locator("#member-status")).ToHaveTextAsync(new Regex("Full member|Member"));
    }

    [Fact]
    public async Task A_search_finds_a_korean_phrase_and_an_english_word_by_its_stem()
    {
        var app = browser.App;
        var tree = await app.CreateTreeAsync();
        // The words are found in no other test's documents: the class shares one app, and the
        // journey above imports its own Korean lecture, which must not match here.
        await app.WithDbAsync(async db =>
        {
            foreach (var (key, title, language, body) in new[]
            {
                ("s-korean", "당의 강령", "ko", "청년 동맹은 학습 소조를 조직한다."),
                ("s-english", "On Mobilizing", "en", "Every branch mobilizes its neighbours. Mobilizers listen first."),
                ("s-other", "Dues", "en", "Members pay monthly dues."),
            })
                (await Cadre.Education.Library.PublishDocument.HandleAsync(db, Actor.System("test"), new Cadre.Education.Library.PublishDocument.Request
                {
                    OrganizationId = tree.Centre,
                    Document = new Cadre.Education.Library.DocumentDraft { Key = key, Title = title, Language = language, Body = body },
                }, CancellationToken.None)).Value.ToString();
            return true;
        });
        await app.CreateUserAsync("reader@example.org", Role.Member, tree.NorthBranch);

        var page = await browser.NewPageAsync();
        await SignInAsync(page, "reader@example.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Education", Exact = true }).ClickAsync();
        await page.GetByLabel("Search the library").FillAsync("청년 동맹");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var results = page.Locator("#library-results");
        await Expect(results.Locator("li")).ToHaveCountAsync(1);
        await Expect(results).ToContainTextAsync("당의 강령");
        await Expect(results.Locator("mark")).ToHaveTextAsync("청년 동맹");

        // "mobilized" is written nowhere (the title says Mobilizing, the text mobilizes and Mobilizers): only the stem finds it.
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("mobilized");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(results.Locator("li")).ToHaveCountAsync(1);
        await Expect(results).ToContainTextAsync("On Mobilizing");
        await Expect(results.Locator("mark").First).ToHaveTextAsync(new Regex("^(mobilizes|Mobilizers|Mobilizing)$"));
        await Screenshots.SaveAsync(page, "education-library-search");

        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("NEAR(\"organiz* OR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator("#no-results")).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(CadreApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
    }
}
