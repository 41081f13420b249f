using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

public sealed record StudyGroupRow(int Id, int CourseId, string CourseTitle, int OrganizationId, string OrganizationName, StudyFormat Format,
    DateOnly StartsOn, DateOnly? EndsOn, string? Place, string? Instructor, int Participants, int Sessions);

public sealed record SessionView(int Id, int Number, DateOnly On, TimeOnly? StartsAt, string? Place, int? LessonId, string? LessonTitle, bool Held,
    bool AttendanceTaken, int Present, IReadOnlyList<int> PresentEnrollmentIds);

public sealed record ParticipantView(int EnrollmentId, int MemberId, string Number, string Name, string OrganizationName, int Attended,
    DateOnly? CompletedOn, string? CertificateNumber, bool CanComplete);

public sealed record StudyGroupView(int Id, int CourseId, string CourseTitle, int CompletionPercent, int RequiredSessions, int OrganizationId,
    string OrganizationCode, string OrganizationName, StudyFormat Format, DateOnly StartsOn, DateOnly? EndsOn, string? Place, string? Instructor,
    IReadOnlyList<SessionView> Sessions, IReadOnlyList<ParticipantView> Participants, IReadOnlyList<LessonOption> Lessons,
    bool CanManage);

public sealed record LessonOption(int Id, int Number, string Title);

public static class StudyGroupQueries
{
    /// Study groups run within the actor's scope (or under one organization of it), the latest first.
    public static async Task<Result<CursorPage<StudyGroupRow>>> ListAsync(CadreDbContext db, Actor actor, int? organizationId, int? courseId, string? cursor,
        int take, CancellationToken ct)
    {
        var groups = db.StudyGroups.AsNoTracking();
        var scope = actor.Scope(db, Permission.EducationRead);
        if (scope is not null) groups = groups.Where(g => scope.Contains(g.OrganizationId));
        if (organizationId is { } orgId)
        {
            if (!await actor.CanAsync(db, Permission.EducationRead, orgId, ct)) return new EducationScopeNotFound();
            var subtree = db.OrganizationPaths.Where(p => p.AncestorId == orgId).Select(p => p.DescendantId);
            groups = groups.Where(g => subtree.Contains(g.OrganizationId));
        }
        if (courseId is { } c) groups = groups.Where(g => g.CourseId == c);
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor) is not { Key: "group" } position) return new InvalidCursor();
            groups = groups.Where(g => g.Id < position.Id);
        }
        take = Math.Clamp(take, 1, 200);
        var rows = await groups.OrderByDescending(g => g.Id).Take(take + 1)
            .Select(g => new StudyGroupRow(g.Id, g.CourseId, db.Courses.Where(x => x.Id == g.CourseId).Select(x => x.Title).First(), g.OrganizationId,
                db.Organizations.Where(o => o.Id == g.OrganizationId).Select(o => o.Name).First(), g.Format, g.StartsOn, g.EndsOn, g.Place, g.Instructor,
                g.Enrollments.Count, g.Sessions.Count))
            .ToListAsync(ct);
        var next = rows.Count > take ? Cursor.Encode("group", rows[take - 1].Id) : null;
        return new CursorPage<StudyGroupRow>(rows.Take(take).ToList(), next);
    }

    public static async Task<Result<StudyGroupView>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var group = await db.StudyGroups.AsNoTracking().Include(g => g.Sessions).ThenInclude(s => s.Attendance).Include(g => g.Enrollments)
            .AsSplitQuery().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null || !await actor.CanAsync(db, Permission.EducationRead, group.OrganizationId, ct)) return new StudyGroupNotFound();
        var course = await db.Courses.AsNoTracking().Include(c => c.Lessons).SingleAsync(c => c.Id == group.CourseId, ct);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == group.OrganizationId, ct);
        var memberIds = group.Enrollments.Select(e => e.MemberId).ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Number, m.Person.GivenName, m.Person.FamilyName, Organization = m.Organization.Name })
            .ToDictionaryAsync(m => m.Id, ct);
        var today = db.Today;
        var required = course.RequiredSessions(group.Sessions.Count);
        var attended = group.Sessions.SelectMany(s => s.Attendance).Where(a => a.Present).GroupBy(a => a.EnrollmentId).ToDictionary(g => g.Key, g => g.Count());
        var held = group.Sessions.Any(s => s.On <= today);
        var sessions = group.Sessions.OrderBy(s => s.On).ThenBy(s => s.Number).Select(s => new SessionView(s.Id, s.Number, s.On, s.StartsAt, s.Place ?? group.Place,
            s.LessonId, course.Lessons.FirstOrDefault(l => l.Id == s.LessonId)?.Title, s.On <= today, s.AttendanceTaken, s.Attendance.Count(a => a.Present),
            s.Attendance.Where(a => a.Present).Select(a => a.EnrollmentId).ToList())).ToList();
        var participants = group.Enrollments.Select(e =>
        {
            var m = members[e.MemberId];
            var count = attended.GetValueOrDefault(e.Id);
            return new ParticipantView(e.Id, e.MemberId, m.Number, $"{m.GivenName} {m.FamilyName}", m.Organization, count, e.CompletedOn, e.CertificateNumber,
                e.CompletedOn is null && held && count >= required);
        }).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        return new StudyGroupView(group.Id, course.Id, course.Title, course.CompletionPercent, required, organization.Id, organization.Code, organization.Name,
            group.Format, group.StartsOn, group.EndsOn, group.Place, group.Instructor, sessions, participants,
            course.Lessons.OrderBy(l => l.Number).Select(l => new LessonOption(l.Id, l.Number, l.Title)).ToList(),
            await actor.CanAsync(db, Permission.EducationManage, group.OrganizationId, ct));
    }
}
