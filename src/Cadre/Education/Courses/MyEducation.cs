using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

public sealed record MyCourse(int StudyGroupId, int CourseId, string CourseTitle, StudyFormat Format, string OrganizationName, int Sessions, int Held,
    int Attended, int RequiredSessions, DateOnly? CompletedOn, string? CertificateNumber);

public sealed record MySession(int StudyGroupId, string CourseTitle, int Number, DateOnly On, TimeOnly? StartsAt, string? Place, string? LessonTitle);

public sealed record MyReading(string CourseTitle, int LessonNumber, string LessonTitle, int DocumentId, string DocumentTitle, string? Anchor, string? Note);

/// A lesson of a course the member is enrolled in, with its questions for discussion: what the circle prepares for, wherever it is run.
public sealed record MyLesson(string CourseTitle, int Number, string Title, IReadOnlyList<string> Questions);

public sealed record MyEducationView(IReadOnlyList<MyCourse> Courses, IReadOnlyList<MySession> NextSessions, IReadOnlyList<MyReading> Readings,
    IReadOnlyList<MyLesson> Lessons, RequiredCoursesStatus Required);

/// The member's own view: the courses they are enrolled in, their next sessions, their readings. Only what the
/// organization records (sessions, attendance, completion): nothing about what or how long anyone read.
public static class MyEducation
{
    public static async Task<Result<MyEducationView>> ForAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.PersonId is not { } personId) return new Dues.NotYourProfile();
        var memberId = await db.Members.Where(m => m.PersonId == personId).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
        if (memberId is not { } id) return new Dues.NotYourProfile();
        var today = db.Today;
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.MemberId == id).ToListAsync(ct);
        var groupIds = enrollments.Select(e => e.StudyGroupId).ToList();
        var groups = await db.StudyGroups.AsNoTracking().Include(g => g.Sessions).Where(g => groupIds.Contains(g.Id)).ToListAsync(ct);
        var courseIds = groups.Select(g => g.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Include(c => c.Lessons).ThenInclude(l => l.Readings)
            .Include(c => c.Lessons).ThenInclude(l => l.Questions).Where(c => courseIds.Contains(c.Id))
            .AsSplitQuery().ToDictionaryAsync(c => c.Id, ct);
        var organizationIds = groups.Select(g => g.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var enrollmentIds = enrollments.Select(e => e.Id).ToList();
        var attended = await db.StudyAttendances.AsNoTracking().Where(a => enrollmentIds.Contains(a.EnrollmentId) && a.Present)
            .GroupBy(a => a.EnrollmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var mine = enrollments.Select(e =>
        {
            var g = groups.Single(x => x.Id == e.StudyGroupId);
            var c = courses[g.CourseId];
            return new MyCourse(g.Id, c.Id, c.Title, g.Format, organizations[g.OrganizationId], g.Sessions.Count, g.Sessions.Count(s => s.On <= today),
                attended.GetValueOrDefault(e.Id), c.RequiredSessions(g.Sessions.Count), e.CompletedOn, e.CertificateNumber);
        }).OrderBy(c => c.CompletedOn is not null).ThenBy(c => c.CourseTitle, StringComparer.CurrentCulture).ToList();
        var next = groups.SelectMany(g => g.Sessions.Where(s => s.On >= today).Select(s => new MySession(g.Id, courses[g.CourseId].Title, s.Number, s.On,
                s.StartsAt, s.Place ?? g.Place, courses[g.CourseId].Lessons.FirstOrDefault(l => l.Id == s.LessonId)?.Title)))
            .OrderBy(s => s.On).ThenBy(s => s.StartsAt).Take(20).ToList();
        var documentIds = courses.Values.SelectMany(c => c.Lessons).SelectMany(l => l.Readings).Select(r => r.DocumentId).Distinct().ToList();
        var titles = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var readings = mine.Select(m => courses[m.CourseId]).DistinctBy(c => c.Id)
            .SelectMany(c => c.Lessons.OrderBy(l => l.Number).SelectMany(l => l.Readings.OrderBy(r => r.Number)
                .Select(r => new MyReading(c.Title, l.Number, l.Title, r.DocumentId, titles.GetValueOrDefault(r.DocumentId, ""), r.Anchor, r.Note))))
            .ToList();
        // The questions come with the enrollment, not with EducationRead: a participant from another organization reads no course page.
        var lessons = mine.Select(m => courses[m.CourseId]).DistinctBy(c => c.Id)
            .SelectMany(c => c.Lessons.OrderBy(l => l.Number).Select(l => new MyLesson(c.Title, l.Number, l.Title,
                l.Questions.OrderBy(q => q.Number).Select(q => q.Text).ToList())))
            .ToList();
        return new MyEducationView(mine, next, readings, lessons, await RequiredCourses.ForMemberAsync(db, id, ct));
    }
}
