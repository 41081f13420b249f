using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

/// Records who attended a session that has been held: the participants named are present, the others absent.
public static class RecordStudyAttendance
{
    public sealed record Request(IReadOnlyList<int> Present);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int sessionId, Request request, CancellationToken ct)
    {
        var session = await db.StudySessions.Include(s => s.Attendance).SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !await actor.CanAsync(db, Permission.EducationRead, session.OrganizationId, ct)) return new StudySessionNotFound();
        if (!await actor.CanAsync(db, Permission.EducationManage, session.OrganizationId, ct)) return new EducationNotPermitted();
        var participants = await db.Enrollments.Where(e => e.StudyGroupId == session.StudyGroupId).ToListAsync(ct);
        var recorded = session.RecordAttendance(participants, request.Present.ToHashSet(), db.Today);
        if (!recorded.IsSuccess) return recorded;
        return await EducationAccess.SaveAsync(db, ct);
    }
}
