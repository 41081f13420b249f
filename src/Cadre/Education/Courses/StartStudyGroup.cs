using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

/// An organization runs a course as a study circle, seminar or short course.
public static class StartStudyGroup
{
    public sealed record Request
    {
        public int CourseId { get; init; }

        public int OrganizationId { get; init; }

        public StudyFormat Format { get; init; } = StudyFormat.StudyCircle;

        public string? Place { get; init; }

        public string? Instructor { get; init; }

        public DateOnly StartsOn { get; init; }

        public DateOnly? EndsOn { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await EducationAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        if (!await db.Courses.AnyAsync(c => c.Id == request.CourseId, ct)) return new InvalidField("CourseId", "There is no such course.");
        var group = StudyGroup.Start(request.CourseId, request.OrganizationId, request.Format, request.Place, request.Instructor, request.StartsOn, request.EndsOn);
        if (!group.IsSuccess) return group.Error;
        db.StudyGroups.Add(group.Value);
        await db.SaveChangesAsync(ct);
        return group.Value.Id;
    }
}

/// Plans one session of a study group: its date (and time), place and the lesson studied.
public static class PlanSession
{
    public sealed record Request(DateOnly On, TimeOnly? StartsAt = null, string? Place = null, int? LessonId = null);

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int groupId, Request request, CancellationToken ct)
    {
        var group = await EducationAccess.GroupAsync(db, actor, groupId, ct, sessions: true);
        if (!group.IsSuccess) return group.Error;
        if (request.LessonId is { } lessonId && !await db.Lessons.AnyAsync(l => l.Id == lessonId && l.CourseId == group.Value.CourseId, ct))
            return new SessionLessonNotInCourse();
        var session = group.Value.Plan(request.On, request.StartsAt, request.Place, request.LessonId);
        if (!session.IsSuccess) return session.Error;
        var saved = await EducationAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? session.Value.Id : saved.Error;
    }
}
