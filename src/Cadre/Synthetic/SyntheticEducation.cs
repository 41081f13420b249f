using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Synthetic;

/// What the synthetic education wrote.
public sealed record SyntheticEducationCounts(int Courses, long StudyGroups, long Sessions, long Enrollments, long Attendance, long Completions);

/// The synthetic party's education, written in bulk like its members: a course required of candidates and a seminar;
/// about a third of the primary organizations run the candidate course as a study circle of six weekly sessions within
/// the history window, with their candidates and some full members; attendance drawn per participant and session
/// (85 % present); completions for those who attended five of six. Drawn from its own Random(seed), after the members,
/// so the members' draw is the same with or without it.
internal static class SyntheticEducation
{
    private const int SessionsPerGroup = 6;
    private const int GroupsPerChunk = 2_000;

    public static async Task<SyntheticEducationCounts> SeedAsync(CadreDbContext db, int seed, DateOnly today, DateOnly windowStart, CancellationToken ct)
    {
        var random = new Random(unchecked((seed * 7919) + 6));
        var centre = await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var course = Must(Course.Create(centre, "Course for candidate members", "The programme, the statutes and the work of a branch.", RequiredStage.Candidate, 80));
        foreach (var title in new[] { "The programme", "The statutes", "The branch at work" }) Must(course.AddLesson(title, null, [], ["What does this ask of us?"]));
        var seminar = Must(Course.Create(centre, "Seminar for full members", null, RequiredStage.None, 75));
        db.Courses.AddRange(course, seminar);
        await db.SaveChangesAsync(ct);
        var lessons = course.Lessons.OrderBy(l => l.Number).Select(l => l.Id).ToArray();

        // Loaded before writing: PostgreSQL runs one command at a time on a connection.
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Candidate || m.Status == MemberStatus.Member)
            .OrderBy(m => m.OrganizationId).ThenBy(m => m.Id).Select(m => new { m.Id, m.OrganizationId, m.Status, m.JoinedOn }).ToListAsync(ct);

        await using var groups = BulkTable.For<StudyGroup>(db);
        await using var sessions = BulkTable.For<StudySession>(db);
        await using var enrollments = BulkTable.For<Enrollment>(db);
        await using var attendance = BulkTable.For<StudyAttendance>(db);
        var rows = (Groups: new List<object?[]>(), Sessions: new List<object?[]>(), Enrollments: new List<object?[]>(), Attendance: new List<object?[]>());
        long groupId = 0, sessionId = 0, enrollmentId = 0, attendanceId = 0, completions = 0;
        var firstCertificate = await RecordCompletion.ReserveAsync(db, 0, ct);
        var span = Math.Max(today.DayNumber - windowStart.DayNumber - 14, 1);

        foreach (var branch in members.GroupBy(m => m.OrganizationId))
        {
            if (random.NextDouble() >= 0.33) continue;
            var startsOn = windowStart.AddDays(random.Next(span));
            var participants = branch.Where(m => m.Status == MemberStatus.Candidate || random.NextDouble() < 0.3).Where(m => m.JoinedOn <= startsOn).Take(14).ToList();
            if (participants.Count == 0) continue;
            var id = (int)++groupId;
            var group = groups.NewRow();
            groups.Set(group, nameof(StudyGroup.Id), id);
            groups.Set(group, nameof(StudyGroup.CourseId), course.Id);
            groups.Set(group, nameof(StudyGroup.OrganizationId), branch.Key);
            groups.Set(group, nameof(StudyGroup.Format), StudyFormat.StudyCircle);
            groups.Set(group, nameof(StudyGroup.Place), "Branch office");
            groups.Set(group, nameof(StudyGroup.StartsOn), startsOn);
            groups.Set(group, nameof(StudyGroup.EndsOn), startsOn.AddDays(7 * (SessionsPerGroup - 1)));
            groups.Set(group, nameof(StudyGroup.Version), 1);
            rows.Groups.Add(group);

            var held = new List<int>();
            for (var n = 0; n < SessionsPerGroup; n++)
            {
                var on = startsOn.AddDays(7 * n);
                var sid = (int)++sessionId;
                var session = sessions.NewRow();
                sessions.Set(session, nameof(StudySession.Id), sid);
                sessions.Set(session, nameof(StudySession.StudyGroupId), id);
                sessions.Set(session, nameof(StudySession.OrganizationId), branch.Key);
                sessions.Set(session, nameof(StudySession.Number), n + 1);
                sessions.Set(session, nameof(StudySession.On), on);
                sessions.Set(session, nameof(StudySession.StartsAt), new TimeOnly(18, 0));
                sessions.Set(session, nameof(StudySession.LessonId), lessons[n % lessons.Length]);
                sessions.Set(session, nameof(StudySession.AttendanceTaken), on <= today);
                rows.Sessions.Add(session);
                if (on <= today) held.Add(sid);
            }
            foreach (var member in participants)
            {
                var eid = (int)++enrollmentId;
                var present = 0;
                foreach (var sid in held)
                {
                    var here = random.NextDouble() < 0.85;
                    if (here) present++;
                    var row = attendance.NewRow();
                    attendance.Set(row, nameof(StudyAttendance.Id), (int)++attendanceId);
                    attendance.Set(row, nameof(StudyAttendance.SessionId), sid);
                    attendance.Set(row, nameof(StudyAttendance.EnrollmentId), eid);
                    attendance.Set(row, nameof(StudyAttendance.MemberId), member.Id);
                    attendance.Set(row, nameof(StudyAttendance.OrganizationId), branch.Key);
                    attendance.Set(row, nameof(StudyAttendance.Present), here);
                    rows.Attendance.Add(row);
                }
                var enrollment = enrollments.NewRow();
                enrollments.Set(enrollment, nameof(Enrollment.Id), eid);
                enrollments.Set(enrollment, nameof(Enrollment.StudyGroupId), id);
                enrollments.Set(enrollment, nameof(Enrollment.CourseId), course.Id);
                enrollments.Set(enrollment, nameof(Enrollment.OrganizationId), branch.Key);
                enrollments.Set(enrollment, nameof(Enrollment.MemberId), member.Id);
                enrollments.Set(enrollment, nameof(Enrollment.EnrolledOn), startsOn);
                // Enrollment.Complete's rule, by construction: every session held and the course's share of them attended.
                if (held.Count == SessionsPerGroup && present >= course.RequiredSessions(SessionsPerGroup))
                {
                    enrollments.Set(enrollment, nameof(Enrollment.CompletedOn), startsOn.AddDays(7 * (SessionsPerGroup - 1)));
                    enrollments.Set(enrollment, nameof(Enrollment.CertificateNumber), RecordCompletion.FormatCertificate(firstCertificate + completions++));
                }
                rows.Enrollments.Add(enrollment);
            }
            if (rows.Groups.Count >= GroupsPerChunk) await FlushAsync();
        }
        await FlushAsync();
        foreach (var table in new[] { groups, sessions, enrollments, attendance }) await table.AdvanceIdentityAsync(ct);
        await RecordCompletion.RaiseToAsync(db, firstCertificate + completions - 1, ct);
        return new SyntheticEducationCounts(2, groups.Rows, sessions.Rows, enrollments.Rows, attendance.Rows, completions);

        async Task FlushAsync()
        {
            await groups.WriteAsync(rows.Groups, ct);
            await sessions.WriteAsync(rows.Sessions, ct);
            await enrollments.WriteAsync(rows.Enrollments, ct);
            await attendance.WriteAsync(rows.Attendance, ct);
            rows.Groups.Clear();
            rows.Sessions.Clear();
            rows.Enrollments.Clear();
            rows.Attendance.Clear();
        }
    }

    private static T Must<T>(Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The synthetic education broke a rule: {result.Error.Message}");
}
