using System.Globalization;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

/// Records that a participant completed the course, when they attended the share of sessions the course asks for;
/// the completion gets a certificate number (from its own database counter, like receipts).
public static class RecordCompletion
{
    private const string CounterName = "education-certificate";

    public sealed record Request(int EnrollmentId, DateOnly? On = null);

    public sealed record Completed(int EnrollmentId, string CertificateNumber);

    public static string FormatCertificate(long sequence) => "C" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    public static async Task<Result<Completed>> HandleAsync(CadreDbContext db, Actor actor, int groupId, Request request, CancellationToken ct)
    {
        var group = await EducationAccess.GroupAsync(db, actor, groupId, ct, sessions: true, enrollments: true);
        if (!group.IsSuccess) return group.Error;
        var enrollment = group.Value.Enrollments.FirstOrDefault(e => e.Id == request.EnrollmentId);
        if (enrollment is null) return new EnrollmentNotFound();
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == group.Value.CourseId, ct);
        var sessionIds = group.Value.Sessions.Select(s => s.Id).ToList();
        var attended = await db.StudyAttendances.CountAsync(a => a.EnrollmentId == enrollment.Id && a.Present && sessionIds.Contains(a.SessionId), ct);
        var held = group.Value.Sessions.Count(s => s.On <= db.Today);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var certificate = FormatCertificate(await Counters.ReserveAsync(db, CounterName, 1, ct));
        var done = enrollment.Complete(course, group.Value.Sessions.Count, held, attended, request.On ?? db.Today, certificate, db.Today);
        if (!done.IsSuccess) return done.Error;
        var saved = await EducationAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess) return saved.Error;
        await transaction.CommitAsync(ct);
        return new Completed(enrollment.Id, certificate);
    }

    /// Raises the counter past certificates numbered in bulk (the synthetic party).
    internal static Task RaiseToAsync(CadreDbContext db, long sequence, CancellationToken ct) => Counters.RaiseToAsync(db, CounterName, sequence, ct);

    internal static Task<long> ReserveAsync(CadreDbContext db, int count, CancellationToken ct) => Counters.ReserveAsync(db, CounterName, count, ct);
}

/// An administrator decides whether missing required courses block a candidate's confirmation.
public static class ChangeEducationSettings
{
    public sealed record Request(bool RequiredCoursesBlockConfirmation);

    public static async Task<EducationSettings> LoadAsync(CadreDbContext db, CancellationToken ct) =>
        await db.EducationSettings.SingleOrDefaultAsync(s => s.Id == EducationSettings.SingletonId, ct) ?? new EducationSettings();

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new EducationSettingsNotPermitted();
        var settings = await LoadAsync(db, ct);
        settings.Change(request.RequiredCoursesBlockConfirmation);
        if (db.Entry(settings).State == EntityState.Detached) db.EducationSettings.Add(settings);
        return await EducationAccess.SaveAsync(db, ct);
    }
}
