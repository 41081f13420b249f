using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

public sealed record CertificateView(string Number, string MemberName, string MemberNumber, string CourseTitle, StudyFormat Format, string OrganizationName,
    DateOnly StartsOn, DateOnly CompletedOn, int Attended, int Sessions, string? Instructor);

public static class Certificates
{
    /// A certificate, for the member it names or for those who read the education of the organization that ran the course.
    public static async Task<Result<CertificateView>> GetAsync(CadreDbContext db, Actor actor, string number, CancellationToken ct)
    {
        var enrollment = await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.CertificateNumber == number, ct);
        if (enrollment is null) return new CertificateNotFound();
        var member = await db.Members.AsNoTracking().Include(m => m.Person).SingleAsync(m => m.Id == enrollment.MemberId, ct);
        var own = actor.PersonId == member.PersonId && actor.Has(Permission.OwnProfile);
        if (!own && !await actor.CanAsync(db, Permission.EducationRead, enrollment.OrganizationId, ct)) return new CertificateNotFound();
        var group = await db.StudyGroups.AsNoTracking().Include(g => g.Sessions).SingleAsync(g => g.Id == enrollment.StudyGroupId, ct);
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == group.CourseId, ct);
        var organization = await db.Organizations.Where(o => o.Id == group.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var attended = await db.StudyAttendances.CountAsync(a => a.EnrollmentId == enrollment.Id && a.Present, ct);
        return new CertificateView(number, member.Person.DisplayName, member.Number, course.Title, group.Format, organization, group.StartsOn,
            enrollment.CompletedOn!.Value, attended, group.Sessions.Count, group.Instructor);
    }
}
