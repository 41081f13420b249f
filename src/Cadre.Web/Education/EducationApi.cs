using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Education.Library;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Education;

/// The library, courses, study groups, sessions, attendance, completion, statistics and the member's own education over HTTP.
public static class EducationApi
{
    public static void MapEducationApi(this IEndpointRouteBuilder app)
    {
        MapLibrary(app.MapGroup("/api/v1/library").WithTags("Library"));
        MapCourses(app.MapGroup("/api/v1/courses").WithTags("Courses"));
    }

    private static void MapLibrary(RouteGroupBuilder api)
    {
        api.MapGet("/", async (CadreDbContext db, string? q, DocumentKind? kind, string? language, string? author, int? yearFrom, int? yearTo,
                string? cursor, int? limit, CancellationToken ct) =>
            (await LibraryQueries.ListAsync(db, new LibraryFilter
            {
                Query = q, Kind = kind, Language = language, Author = author, YearFrom = yearFrom, YearTo = yearTo, Cursor = cursor, Take = limit ?? 20,
            }, ct)).ToResult(Results.Ok))
            .Requires(Permission.LibraryRead)
            .WithSummary("Searches the library (q: words, stemmed; \"a phrase\"; Chinese, Japanese or Korean text) or lists it by title; ranked results carry an HTML snippet with the matches in <mark>. Pass `next` as `cursor`.");

        api.MapGet("/{id:int}", async (int id, int? version, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await LibraryQueries.GetAsync(db, await actors.GetAsync(ct), id, version, ct)).ToResult(Results.Ok))
            .Requires(Permission.LibraryRead).WithSummary("A document: its description, one version's text (the current one unless `version` is given) as written and as HTML, its headings and all versions.");

        api.MapGet("/{id:int}/diff", async (int id, int from, int to, CadreDbContext db, CancellationToken ct) =>
            (await LibraryQueries.DiffAsync(db, id, from, to, ct)).ToResult(Results.Ok))
            .Requires(Permission.LibraryRead).WithSummary("The lines one version removed and the other added (lines is null when the texts are too large to compare).");

        api.MapPost("/", async (PublishDocument.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PublishDocument.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(r => Results.Created($"/api/v1/library/{r.DocumentId}", r)))
            .Requires(Permission.LibraryManage).WithSummary("Adds a document (its first version) to the library of an organization.");

        api.MapPost("/upload", UploadAsync).Requires(Permission.LibraryManage)
            .WithMetadata(new RequestSizeLimitAttribute(LibraryUploads.MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = LibraryUploads.MaxRequestBytes })
            .DisableAntiforgery()
            .WithSummary("Adds a document from an uploaded file (multipart: file, organizationId, and optionally title, key, author, year, kind, language, tags, source, note; a Markdown file's front matter fills what is not given). At most 4 MB.");

        api.MapPut("/{id:int}", async (int id, ReviseDocument.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ReviseDocument.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(Results.Ok))
            .Requires(Permission.LibraryManage).WithSummary("A new version of the text (the earlier ones are kept), or a corrected description; send expectedVersion to refuse overwriting a concurrent change.");
    }

    private static void MapCourses(RouteGroupBuilder api)
    {
        api.MapGet("/", async (CadreDbContext db, string? cursor, int? limit, CancellationToken ct) =>
            (await CourseQueries.ListAsync(db, cursor, limit ?? 50, ct)).ToResult(Results.Ok))
            .Requires(Permission.EducationRead).WithSummary("The party's courses.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CourseQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.EducationRead).WithSummary("A course with its lessons, readings (documents or sections) and questions for discussion.");

        api.MapPost("/", async (CreateCourse.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await CreateCourse.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created($"/api/v1/courses/{id}", new { id })))
            .Requires(Permission.EducationManage).WithSummary("Sets up a course of an organization; requiredFor Candidate makes it a condition of confirmation (see the settings).");

        api.MapPut("/{id:int}", async (int id, ChangeCourse.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ChangeCourse.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.EducationManage).WithSummary("Changes a course's title, description, required stage and completion rule (percent of sessions).");

        api.MapPost("/{id:int}/lessons", async (int id, AddLesson.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await AddLesson.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(lessonId => Results.Created($"/api/v1/courses/{id}", new { id = lessonId })))
            .Requires(Permission.EducationManage).WithSummary("Adds a lesson with readings (documentId, optional heading anchor, note) and questions.");

        api.MapPut("/{id:int}/lessons/{lessonId:int}", async (int id, int lessonId, AddLesson.Request body, CadreDbContext db, ActorAccessor actors,
                CancellationToken ct) => (await AddLesson.ChangeAsync(db, await actors.GetAsync(ct), id, lessonId, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.EducationManage).WithSummary("Replaces a lesson's title, notes, readings and questions.");

        api.MapGet("/groups", async (CadreDbContext db, ActorAccessor actors, int? organizationId, int? courseId, string? cursor, int? limit, CancellationToken ct) =>
            (await StudyGroupQueries.ListAsync(db, await actors.GetAsync(ct), organizationId, courseId, cursor, limit ?? 50, ct)).ToResult(Results.Ok))
            .Requires(Permission.EducationRead).WithSummary("Study circles, seminars and short courses run within your scope, the latest first.");

        api.MapGet("/groups/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await StudyGroupQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.EducationRead).WithSummary("A study group: its sessions with attendance, its participants with what they attended and their completion.");

        api.MapPost("/groups", async (StartStudyGroup.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await StartStudyGroup.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created($"/api/v1/courses/groups/{id}", new { id })))
            .Requires(Permission.EducationManage).WithSummary("An organization runs a course as a study circle, seminar or short course.");

        api.MapPost("/groups/{id:int}/sessions", async (int id, PlanSession.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PlanSession.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(sessionId => Results.Created($"/api/v1/courses/groups/{id}", new { id = sessionId })))
            .Requires(Permission.EducationManage).WithSummary("Plans a session: date, time, place and lesson.");

        api.MapPost("/groups/{id:int}/participants", async (int id, EnrollMembers.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await EnrollMembers.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(count => Results.Ok(new { enrolled = count })))
            .Requires(Permission.EducationManage).WithSummary("Enrolls members by id (within your scope) or one member of another organization by memberNumber and familyName.");

        api.MapPut("/sessions/{id:int}/attendance", async (int id, RecordStudyAttendance.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecordStudyAttendance.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.EducationManage).WithSummary("Records the attendance of a held session: the enrollment ids present; the other participants absent. Refused before the session's date.");

        api.MapPost("/groups/{id:int}/completions", async (int id, RecordCompletion.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecordCompletion.HandleAsync(db, await actors.GetAsync(ct), id, body, ct))
                .ToResult(r => Results.Created($"/api/v1/courses/certificates/{r.CertificateNumber}", r)))
            .Requires(Permission.EducationManage).WithSummary("Records a participant's completion (refused without the course's share of sessions attended); answers with the certificate number.");

        api.MapGet("/certificates/{number}", async (string number, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await Certificates.GetAsync(db, await actors.GetAsync(ct), number, ct)).ToResult(Results.Ok))
            .Requires(Permission.OwnProfile).WithSummary("A certificate: for the member it names, or for those who read the education of the organization that ran the course.");

        api.MapGet("/me", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MyEducation.ForAsync(db, await actors.GetAsync(ct), ct)).ToResult(Results.Ok))
            .Requires(Permission.OwnProfile).WithSummary("Your courses, your next sessions, your readings and the courses required of you.");

        api.MapGet("/members/{memberId:int}/required", async (int memberId, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
        {
            var actor = await actors.GetAsync(ct);
            var member = await Cadre.Members.MemberQueries.GetAsync(db, actor, memberId, ct);
            if (!member.IsSuccess) return member.Error.ToProblem();
            return Results.Ok(await RequiredCourses.ForMemberAsync(db, memberId, ct));
        }).Requires(Permission.MembersRead).WithSummary("The courses required of candidates, which the member completed, and whether confirmation is blocked without them.");

        api.MapGet("/statistics", async (int organizationId, int? months, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await EducationStatistics.RunAsync(db, await actors.GetAsync(ct), organizationId, months ?? 12, ct)).ToResult(Results.Ok))
            .Requires(Permission.EducationRead).WithSummary("For an organization's subtree: the share of members who completed each required course, sessions held and attendance by month.");

        api.MapGet("/settings", async (CadreDbContext db, CancellationToken ct) =>
            Results.Ok(new ChangeEducationSettings.Request((await ChangeEducationSettings.LoadAsync(db, ct)).RequiredCoursesBlockConfirmation)))
            .Requires(Permission.EducationRead).WithSummary("Whether missing required courses block a candidate's confirmation.");

        api.MapPut("/settings", async (ChangeEducationSettings.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ChangeEducationSettings.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.SettingsManage).WithSummary("Sets whether missing required courses block a candidate's confirmation (administrators).");
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, CadreDbContext db, ActorAccessor actors, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (request.ContentLength > LibraryUploads.MaxRequestBytes) return new DocumentFileTooLarge(request.ContentLength.Value).ToProblem();
        if (!request.HasFormContentType) return new InvalidField("File", "Send the document as a multipart form with a file.").ToProblem();
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return new DocumentFileTooLarge(request.ContentLength ?? LibraryUploads.MaxRequestBytes + 1).ToProblem();
        }
        if (form.Files.Count == 0) return new InvalidField("File", "Send the document as a multipart form with a file.").ToProblem();
        var file = form.Files[0];
        await using var content = file.OpenReadStream();
        var text = await LibraryUploads.ReadAsync(content, file.Length, ct);
        if (!text.IsSuccess) return text.Error.ToProblem();
        if (!int.TryParse(form["organizationId"], out var organizationId)) return new InvalidField("OrganizationId", "Give the organization's id.").ToProblem();
        var draft = LibraryForms.Draft(file.FileName, text.Value, form["key"], form["title"], form["author"], form["year"], form["kind"], form["language"],
            form["tags"], form["source"], form["note"]);
        if (!draft.IsSuccess) return draft.Error.ToProblem();
        return (await PublishDocument.HandleAsync(db, actor, new PublishDocument.Request
        {
            OrganizationId = organizationId, Document = draft.Value.Draft, Note = draft.Value.Note,
        }, ct)).ToResult(r => Results.Created($"/api/v1/library/{r.DocumentId}", r));
    }
}
