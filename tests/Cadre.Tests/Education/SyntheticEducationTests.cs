using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Synthetic;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Education;

public sealed class SyntheticEducationTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_synthetic_party_runs_study_circles_with_attendance_and_completions_that_keep_the_rule(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await SyntheticParty.SeedAsync(database.Context(), new SyntheticOptions(2_000, 3, 1), null, TestDatabase.Ct)).Ok();
        await using var db = database.Context();

        var groups = await db.StudyGroups.CountAsync(TestDatabase.Ct);
        var primaries = await db.Organizations.CountAsync(o => o.Level.Rank == 3, TestDatabase.Ct);
        Assert.InRange(groups, primaries / 6, primaries / 2);
        Assert.Equal(groups * 6, await db.StudySessions.CountAsync(TestDatabase.Ct));
        // Attendance only for held sessions, one row per participant; every completion had five of six sessions.
        Assert.False(await db.StudyAttendances.AnyAsync(a => db.StudySessions.Any(s => s.Id == a.SessionId && s.On > db.Today), TestDatabase.Ct));
        var completions = await db.Enrollments.Where(e => e.CompletedOn != null)
            .Select(e => new { e.CertificateNumber, Present = db.StudyAttendances.Count(a => a.EnrollmentId == e.Id && a.Present) }).ToListAsync(TestDatabase.Ct);
        Assert.NotEmpty(completions);
        Assert.All(completions, c => Assert.True(c.Present >= 5));
        Assert.Equal(completions.Count, completions.Select(c => c.CertificateNumber).Distinct().Count());
        var participants = await db.Enrollments.Select(e => e.MemberId).ToListAsync(TestDatabase.Ct);
        Assert.Equal(participants.Count, participants.Distinct().Count());

        // The statistics of the whole party read it, and a completion recorded now gets a certificate number of its own.
        var centre = await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).SingleAsync(TestDatabase.Ct);
        var stats = (await EducationStatistics.RunAsync(database.Context(), Actor.System("test"), centre, 12, TestDatabase.Ct)).Ok();
        Assert.Equal(completions.Count, stats.RequiredCourses.Single().Completed);
        Assert.InRange(stats.AttendanceRate!.Value, 0.8, 0.9);
        var next = RecordCompletion.FormatCertificate(await RecordCompletion.ReserveAsync(database.Context(), 1, TestDatabase.Ct));
        Assert.DoesNotContain(next, completions.Select(c => c.CertificateNumber));
    }
}
