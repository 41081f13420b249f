using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Education.Courses;

/// An education officer sets up a course for their organization (and everyone below who runs it).
public static class CreateCourse
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public string Title { get; init; } = "";

        public string? Description { get; init; }

        public RequiredStage RequiredFor { get; init; }

        public int CompletionPercent { get; init; } = 80;
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await EducationAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        var course = Course.Create(request.OrganizationId, request.Title, request.Description, request.RequiredFor, request.CompletionPercent);
        if (!course.IsSuccess) return course.Error;
        db.Courses.Add(course.Value);
        await db.SaveChangesAsync(ct);
        return course.Value.Id;
    }
}

/// Changes a course's title, description, required stage or completion rule.
public static class ChangeCourse
{
    public sealed record Request(string Title, string? Description, RequiredStage RequiredFor, int CompletionPercent);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int courseId, Request request, CancellationToken ct)
    {
        var course = await EducationAccess.CourseAsync(db, actor, courseId, ct);
        if (!course.IsSuccess) return course.Error;
        var changed = course.Value.Change(request.Title, request.Description, request.RequiredFor, request.CompletionPercent);
        if (!changed.IsSuccess) return changed;
        return await EducationAccess.SaveAsync(db, ct);
    }
}
