using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

public sealed record CourseCompletion(int CourseId, string Title, RequiredStage RequiredFor, int Members, int Completed)
{
    public double Share => Members == 0 ? 0 : (double)Completed / Members;
}

public sealed record EducationMonth(int Year, int Month, int SessionsHeld, int Recorded, int Present)
{
    public string Label => $"{Year:D4}-{Month:D2}";

    /// Present of those whose attendance was recorded; null without records.
    public double? AttendanceRate => Recorded == 0 ? null : (double)Present / Recorded;
}

public sealed record EducationStatisticsView(int OrganizationId, string OrganizationCode, string OrganizationName, DateOnly From, DateOnly To,
    IReadOnlyList<CourseCompletion> RequiredCourses, IReadOnlyList<EducationMonth> Months)
{
    public int SessionsHeld => Months.Sum(m => m.SessionsHeld);

    public double? AttendanceRate => Months.Sum(m => m.Recorded) is var recorded and > 0 ? (double)Months.Sum(m => m.Present) / recorded : null;
}

/// Education of an organization's subtree: the share of its members who completed each required course, sessions held
/// per month and attendance rates. Every figure is one grouped query driven by the closure table (as MemberCounts), so
/// a region of a million members is counted by the database, never loaded.
public static class EducationStatistics
{
    public const int MaxMonths = 36;

    public static async Task<Result<EducationStatisticsView>> RunAsync(CadreDbContext db, Actor actor, int organizationId, int months, CancellationToken ct)
    {
        if (months is < 1 or > MaxMonths) return new InvalidField("Months", $"Between 1 and {MaxMonths} months.");
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !await actor.CanAsync(db, Permission.EducationRead, organizationId, ct)) return new EducationScopeNotFound();
        var today = db.Today;
        var last = today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);

        var members = from path in db.OrganizationPaths
                      where path.AncestorId == organizationId
                      join member in db.Members.AsNoTracking() on path.DescendantId equals member.OrganizationId
                      where member.Status == MemberStatus.Candidate || member.Status == MemberStatus.Member
                      select member;
        var byStatus = await members.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var required = await db.Courses.AsNoTracking().Where(c => c.RequiredFor != RequiredStage.None).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title, c.RequiredFor }).ToListAsync(ct);
        var requiredIds = required.Select(c => c.Id).ToList();
        var completed = await (from member in members
                               join enrollment in db.Enrollments.AsNoTracking() on member.Id equals enrollment.MemberId
                               where enrollment.CompletedOn != null && requiredIds.Contains(enrollment.CourseId)
                               group enrollment by new { enrollment.CourseId, member.Status } into g
                               select new { g.Key.CourseId, g.Key.Status, Members = g.Select(e => e.MemberId).Distinct().Count() })
            .ToListAsync(ct);
        var courses = required.Select(c =>
        {
            // A course for candidates concerns candidates and the full members who were candidates; one for full members, full members.
            var statuses = c.RequiredFor == RequiredStage.Candidate ? new[] { MemberStatus.Candidate, MemberStatus.Member } : [MemberStatus.Member];
            return new CourseCompletion(c.Id, c.Title, c.RequiredFor, statuses.Sum(s => byStatus.GetValueOrDefault(s)),
                completed.Where(x => x.CourseId == c.Id && statuses.Contains(x.Status)).Sum(x => x.Members));
        }).ToList();

        var sessions = from path in db.OrganizationPaths
                       where path.AncestorId == organizationId
                       join session in db.StudySessions.AsNoTracking() on path.DescendantId equals session.OrganizationId
                       where session.On >= first && session.On <= last
                       select session;
        var held = await sessions.GroupBy(s => new { s.On.Year, s.On.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var attendance = await (from session in sessions
                                join row in db.StudyAttendances.AsNoTracking() on session.Id equals row.SessionId
                                group row by new { session.On.Year, session.On.Month } into g
                                select new { g.Key.Year, g.Key.Month, Recorded = g.Count(), Present = g.Count(r => r.Present) }).ToListAsync(ct);
        var monthRows = Enumerable.Range(0, months).Select(i => first.AddMonths(i)).Select(m => new EducationMonth(m.Year, m.Month,
            held.FirstOrDefault(h => h.Year == m.Year && h.Month == m.Month)?.Count ?? 0,
            attendance.FirstOrDefault(a => a.Year == m.Year && a.Month == m.Month)?.Recorded ?? 0,
            attendance.FirstOrDefault(a => a.Year == m.Year && a.Month == m.Month)?.Present ?? 0)).ToList();
        return new EducationStatisticsView(organization.Id, organization.Code, organization.Name, first, last, courses, monthRows);
    }
}
