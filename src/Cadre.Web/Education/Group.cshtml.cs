using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

/// One study group: plan sessions, enroll participants, record attendance of held sessions, record completions.
[Requires(Permission.EducationRead)]
public sealed class GroupModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public StudyGroupView Group { get; private set; } = null!;

    public string? OpenForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSessionAsync(int id, DateOnly? on, TimeOnly? startsAt, string? place, int? lessonId, CancellationToken ct)
    {
        if (on is null) return await AfterAsync(id, new InvalidField("On", "Give the session's date."), "", "session", ct);
        var result = await PlanSession.HandleAsync(db, await actors.GetAsync(ct), id, new PlanSession.Request(on.Value, startsAt, place, lessonId), ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, $"The session of {EducationPages.Date(on)} is planned.", "session", ct);
    }

    public async Task<IActionResult> OnPostEnrollAsync(int id, string? memberNumber, string? familyName, CancellationToken ct)
    {
        var result = await EnrollMembers.HandleAsync(db, await actors.GetAsync(ct), id, new EnrollMembers.Request { MemberNumber = memberNumber, FamilyName = familyName }, ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The member is enrolled.", "enroll", ct);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, int sessionId, int[]? present, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var group = await StudyGroupQueries.GetAsync(db, actor, id, ct);
        // A session of another group posted here is answered as not found, like any other forged id.
        if (!group.IsSuccess || group.Value.Sessions.All(s => s.Id != sessionId)) return NotFound();
        var result = await RecordStudyAttendance.HandleAsync(db, actor, sessionId, new RecordStudyAttendance.Request(present ?? []), ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error, "The attendance is recorded.", $"attendance-{sessionId}", ct);
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, int enrollmentId, CancellationToken ct)
    {
        var result = await RecordCompletion.HandleAsync(db, await actors.GetAsync(ct), id, new RecordCompletion.Request(enrollmentId), ct);
        return await AfterAsync(id, result.IsSuccess ? null : result.Error,
            result.IsSuccess ? $"The completion is recorded: certificate {result.Value.CertificateNumber}." : "", "", ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Error? error, string flash, string form, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect($"/education/groups/{id}");
        }
        if (error is StudyGroupNotFound or StudySessionNotFound) return NotFound();
        if (error is EducationNotPermitted) return Forbid();
        ModelState.Clear();
        foreach (var message in error is ValidationFailed v ? v.Errors.Select(e => e.Message) : [error.Message]) ModelState.AddModelError("", message);
        OpenForm = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var group = await StudyGroupQueries.GetAsync(db, await actors.GetAsync(ct), id, ct);
        if (!group.IsSuccess) return false;
        Group = group.Value;
        return true;
    }
}
