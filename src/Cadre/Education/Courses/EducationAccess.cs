using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

/// Where the actor runs education: outside their reading scope a thing does not exist (404); readable but not theirs
/// to change it is forbidden (403).
internal static class EducationAccess
{
    public static async Task<Error?> CheckOrganizationAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return new EducationOrganizationNotFound();
        if (await actor.CanAsync(db, Permission.EducationManage, organizationId, ct)) return null;
        return await actor.CanAsync(db, Permission.EducationRead, organizationId, ct) ? new EducationNotPermitted() : new EducationOrganizationNotFound();
    }

    public static async Task<Result<StudyGroup>> GroupAsync(CadreDbContext db, Actor actor, int groupId, CancellationToken ct,
        bool sessions = false, bool enrollments = false)
    {
        IQueryable<StudyGroup> groups = db.StudyGroups;
        if (sessions) groups = groups.Include(g => g.Sessions);
        if (enrollments) groups = groups.Include(g => g.Enrollments);
        var group = await groups.SingleOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null || !await actor.CanAsync(db, Permission.EducationRead, group.OrganizationId, ct)) return new StudyGroupNotFound();
        if (!await actor.CanAsync(db, Permission.EducationManage, group.OrganizationId, ct)) return new EducationNotPermitted();
        return group;
    }

    public static async Task<Result<Course>> CourseAsync(CadreDbContext db, Actor actor, int courseId, CancellationToken ct)
    {
        var course = await db.Courses.Include(c => c.Lessons).ThenInclude(l => l.Readings).Include(c => c.Lessons).ThenInclude(l => l.Questions)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null) return new CourseNotFound();
        if (!await actor.CanAsync(db, Permission.EducationManage, course.OrganizationId, ct)) return new EducationNotPermitted();
        return course;
    }

    public static async Task<Result<Done>> SaveAsync(CadreDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Members.ConcurrentChange();
        }
        return Done.Value;
    }
}
