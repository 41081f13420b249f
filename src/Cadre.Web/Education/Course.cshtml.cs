using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Education;

[Requires(Permission.EducationRead)]
public sealed class CourseModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public CourseView Course { get; private set; } = null!;

    public bool CanRun { get; private set; }

    public string? OpenForm { get; private set; }

    [BindProperty] public string? LessonTitle { get; set; }

    [BindProperty] public string? LessonNotes { get; set; }

    [BindProperty] public string? Readings { get; set; }

    [BindProperty] public string? Questions { get; set; }

    [BindProperty] public string? GroupOrg { get; set; }

    [BindProperty] public string? CourseTitle { get; set; }

    [BindProperty] public string? CourseDescription { get; set; }

    [BindProperty] public RequiredStage? RequiredFor { get; set; }

    [BindProperty] public int? CompletionPercent { get; set; }

    /// The lesson whose change form failed: it is shown open with what was typed, the others with what they hold.
    public int? FailedLesson { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLessonAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var request = await LessonRequestAsync(ct);
        if (!request.IsSuccess) return await FailAsync(id, request.Error, "lesson", ct);
        var result = await AddLesson.HandleAsync(db, actor, id, request.Value, ct);
        if (result.Error is CourseNotFound) return NotFound();
        if (!result.IsSuccess) return await FailAsync(id, result.Error, "lesson", ct);
        TempData["Flash"] = "The lesson is added.";
        return Redirect($"/education/courses/{id}");
    }

    public async Task<IActionResult> OnPostEditLessonAsync(int id, int lessonId, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var request = await LessonRequestAsync(ct);
        if (!request.IsSuccess) return await FailLessonAsync(id, lessonId, request.Error, ct);
        var result = await AddLesson.ChangeAsync(db, actor, id, lessonId, request.Value, ct);
        if (result.Error is CourseNotFound or LessonNotFound) return NotFound();
        if (!result.IsSuccess) return await FailLessonAsync(id, lessonId, result.Error, ct);
        TempData["Flash"] = "The lesson is changed.";
        return Redirect($"/education/courses/{id}#lesson-{lessonId}");
    }

    public async Task<IActionResult> OnPostCourseAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var result = await ChangeCourse.HandleAsync(db, actor, id,
            new ChangeCourse.Request(CourseTitle ?? "", CourseDescription, RequiredFor ?? RequiredStage.None, CompletionPercent ?? 0), ct);
        if (result.Error is CourseNotFound) return NotFound();
        if (!result.IsSuccess) return await FailAsync(id, result.Error, "course", ct);
        TempData["Flash"] = "The course is changed.";
        return Redirect($"/education/courses/{id}");
    }

    /// The readings as the form takes them: one a line, a document's key, #section for one section, then | and what to read.
    public static string ReadingLines(LessonView lesson) => string.Join("\n", lesson.Readings.Select(r =>
        r.DocumentKey + (r.Anchor is null ? "" : "#" + r.Anchor) + (r.Note is null ? "" : " | " + r.Note)));

    public static string QuestionLines(LessonView lesson) => string.Join("\n", lesson.Questions);

    private async Task<Result<AddLesson.Request>> LessonRequestAsync(CancellationToken ct)
    {
        var readings = new List<AddLesson.Reading>();
        var lines = (Readings ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            var reference = parts[0].Split('#', 2, StringSplitOptions.TrimEntries);
            var key = reference[0];
            var documentId = await db.Documents.Where(d => d.Key == key).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
            if (documentId is null) return new InvalidField("Readings", $"Reading {i + 1}: there is no document with the key '{key}'.");
            readings.Add(new AddLesson.Reading(documentId.Value, reference.Length > 1 ? reference[1] : null, parts.Length > 1 ? parts[1] : null));
        }
        return new AddLesson.Request
        {
            Title = LessonTitle ?? "", Notes = LessonNotes, Readings = readings,
            Questions = (Questions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        };
    }

    private Task<IActionResult> FailLessonAsync(int id, int lessonId, Error error, CancellationToken ct)
    {
        FailedLesson = lessonId;
        return FailAsync(id, error, "lesson-" + lessonId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
    }

    public async Task<IActionResult> OnPostGroupAsync(int id, StudyFormat format, string? place, string? instructor, DateOnly? startsOn, DateOnly? endsOn,
        CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var organization = await EducationPages.FindAsync(db, actor, GroupOrg, Permission.EducationManage, ct);
        if (organization is null) return await FailAsync(id, new EducationOrganizationNotFound(), "group", ct);
        var result = await StartStudyGroup.HandleAsync(db, actor, new StartStudyGroup.Request
        {
            CourseId = id, OrganizationId = organization.Id, Format = format, Place = place, Instructor = instructor, StartsOn = startsOn ?? db.Today, EndsOn = endsOn,
        }, ct);
        if (!result.IsSuccess) return await FailAsync(id, result.Error, "group", ct);
        TempData["Flash"] = "The study group is started: plan its sessions and enroll its participants.";
        return Redirect($"/education/groups/{result.Value}");
    }

    private async Task<IActionResult> FailAsync(int id, Error error, string form, CancellationToken ct)
    {
        ModelState.Clear();
        foreach (var message in error is ValidationFailed v ? v.Errors.Select(e => e.Message) : [error.Message]) ModelState.AddModelError("", message);
        OpenForm = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var course = await CourseQueries.GetAsync(db, actor, id, ct);
        if (!course.IsSuccess) return false;
        Course = course.Value;
        if (OpenForm != "course")
        {
            CourseTitle = Course.Title;
            CourseDescription = Course.Description;
            RequiredFor = Course.RequiredFor;
            CompletionPercent = Course.CompletionPercent;
        }
        CanRun = actor.Has(Permission.EducationManage);
        GroupOrg ??= await EducationPages.HomeCodeAsync(db, actor, Permission.EducationManage, ct);
        return true;
    }
}
