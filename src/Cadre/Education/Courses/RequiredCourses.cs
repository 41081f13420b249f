using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

public sealed record RequiredCourse(int CourseId, string Title, bool Completed, DateOnly? CompletedOn, string? CertificateNumber);

/// What the confirmation step shows: the courses required of candidates, which the member has completed, and whether
/// the setting lets a confirmation go ahead without them.
public sealed record RequiredCoursesStatus(IReadOnlyList<RequiredCourse> Courses, bool Blocks)
{
    public bool Complete => Courses.All(c => c.Completed);

    public IReadOnlyList<string> Missing => Courses.Where(c => !c.Completed).Select(c => c.Title).ToList();
}

public static class RequiredCourses
{
    public static async Task<RequiredCoursesStatus> ForMemberAsync(CadreDbContext db, int memberId, CancellationToken ct)
    {
        var courses = await db.Courses.AsNoTracking().Where(c => c.RequiredFor == RequiredStage.Candidate).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        var ids = courses.Select(c => c.Id).ToList();
        var completed = await db.Enrollments.AsNoTracking().Where(e => e.MemberId == memberId && ids.Contains(e.CourseId) && e.CompletedOn != null)
            .Select(e => new { e.CourseId, e.CompletedOn, e.CertificateNumber }).ToListAsync(ct);
        var settings = await ChangeEducationSettings.LoadAsync(db, ct);
        var rows = courses.Select(c =>
        {
            var done = completed.Where(e => e.CourseId == c.Id).OrderBy(e => e.CompletedOn).FirstOrDefault();
            return new RequiredCourse(c.Id, c.Title, done is not null, done?.CompletedOn, done?.CertificateNumber);
        }).ToList();
        return new RequiredCoursesStatus(rows, settings.RequiredCoursesBlockConfirmation && rows.Any(r => !r.Completed));
    }

    /// The error that refuses a confirmation, when the setting blocks it and a required course is missing; null otherwise.
    public static async Task<RequiredCoursesIncomplete?> BlockingAsync(CadreDbContext db, Member member, CancellationToken ct)
    {
        if (member.Status != MemberStatus.Candidate) return null;
        var status = await ForMemberAsync(db, member.Id, ct);
        return status.Blocks ? new RequiredCoursesIncomplete(status.Missing) : null;
    }
}
