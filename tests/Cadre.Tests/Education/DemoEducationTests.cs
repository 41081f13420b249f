using Cadre.Accounts;
using Cadre.Demo;
using Cadre.Education.Courses;
using Cadre.Education.Library;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Education;

public sealed class DemoEducationTests(SeededDemo demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_a_searchable_library_with_amended_statutes_a_candidate_course_and_a_study_circle_with_attendance()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();

        Assert.Equal(8, await db.Documents.CountAsync(Ct));
        Assert.Equal(2, await db.Documents.Where(d => d.Key == "statutes").Select(d => d.CurrentVersion).SingleAsync(Ct));
        var korean = (await LibraryQueries.ListAsync(db, new LibraryFilter { Query = "노동자 계급" }, Ct)).Value.Items;
        Assert.Equal(["korean-lecture"], korean.Select(d => d.Key).ToList());
        var stemmed = (await LibraryQueries.ListAsync(db, new LibraryFilter { Query = "organizers" }, Ct)).Value.Items;
        Assert.Contains(stemmed, d => d.Key == "on-organizing");

        var course = await db.Courses.Include(c => c.Lessons).SingleAsync(c => c.RequiredFor == RequiredStage.Candidate, Ct);
        Assert.Equal(3, course.Lessons.Count);
        var group = await db.StudyGroups.Include(g => g.Sessions).ThenInclude(s => s.Attendance).Include(g => g.Enrollments).SingleAsync(Ct);
        Assert.Equal(5, group.Sessions.Count);
        Assert.Equal(4, group.Sessions.Count(s => s.AttendanceTaken));
        Assert.Equal(10, group.Enrollments.Count);
        Assert.Contains(group.Enrollments, e => e.CertificateNumber is not null);
        Assert.Contains(group.Enrollments, e => e.CompletedOn is null);

        // The demo member sees the course, the next session and the readings.
        var member = await db.Users.Where(u => u.Email == DemoParty.MemberEmail).Select(u => u.PersonId).SingleAsync(Ct);
        var mine = (await MyEducation.ForAsync(db, new Actor("u", "member", [(Role.Member, group.OrganizationId)], member), Ct)).Value;
        Assert.Equal("Course for candidate members", Assert.Single(mine.Courses).CourseTitle);
        Assert.Single(mine.NextSessions);
        Assert.Equal(5, mine.Readings.Count);
    }
}
