using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Education.Courses;

public enum StudyFormat
{
    StudyCircle = 1,
    Seminar = 2,
    ShortCourse = 3,
}

/// An organization running a course: a study circle, seminar or short course, with its dates, place, instructor,
/// sessions and participants (its own members, or members of other organizations enrolled in it).
public sealed class StudyGroup : IAudited
{
    public const int PlaceMaxLength = 200;
    public const int InstructorMaxLength = 200;

    private readonly List<StudySession> sessions = [];
    private readonly List<Enrollment> enrollments = [];

    private StudyGroup()
    {
    }

    public int Id { get; private set; }

    public int CourseId { get; private set; }

    public int OrganizationId { get; private set; }

    public StudyFormat Format { get; private set; }

    public string? Place { get; private set; }

    public string? Instructor { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<StudySession> Sessions => sessions;

    public IReadOnlyList<Enrollment> Enrollments => enrollments;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<StudyGroup> Start(int courseId, int organizationId, StudyFormat format, string? place, string? instructor, DateOnly startsOn,
        DateOnly? endsOn)
    {
        var errors = new List<InvalidField>();
        if (!Enum.IsDefined(format)) errors.Add(new InvalidField("Format", "A study circle, seminar or short course."));
        if (place?.Trim().Length > PlaceMaxLength) errors.Add(new InvalidField("Place", $"The place has at most {PlaceMaxLength} characters."));
        if (instructor?.Trim().Length > InstructorMaxLength) errors.Add(new InvalidField("Instructor", $"The instructor has at most {InstructorMaxLength} characters."));
        if (endsOn is { } ends && ends < startsOn) errors.Add(new InvalidField("EndsOn", "The last day is before the first."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new StudyGroup
        {
            CourseId = courseId, OrganizationId = organizationId, Format = format, StartsOn = startsOn, EndsOn = endsOn,
            Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim(),
            Instructor = string.IsNullOrWhiteSpace(instructor) ? null : instructor.Trim(),
        };
    }

    public Result<StudySession> Plan(DateOnly on, TimeOnly? startsAt, string? place, int? lessonId)
    {
        if (on < StartsOn || (EndsOn is { } ends && on > ends)) return new SessionDateOutsideGroup();
        if (place?.Trim().Length > PlaceMaxLength) return new InvalidField("Place", $"The place has at most {PlaceMaxLength} characters.");
        var session = new StudySession(OrganizationId, sessions.Count == 0 ? 1 : sessions.Max(s => s.Number) + 1, on, startsAt,
            string.IsNullOrWhiteSpace(place) ? null : place.Trim(), lessonId);
        sessions.Add(session);
        Version++;
        return session;
    }

    public Result<Enrollment> Enroll(int memberId, string memberNumber, DateOnly on)
    {
        if (enrollments.Any(e => e.MemberId == memberId)) return new AlreadyEnrolled(memberNumber);
        var enrollment = new Enrollment(CourseId, OrganizationId, memberId, on);
        enrollments.Add(enrollment);
        Version++;
        return enrollment;
    }
}

/// One meeting of a study group. Attendance is recorded once it has been held.
public sealed class StudySession : IAudited
{
    private readonly List<StudyAttendance> attendance = [];

    private StudySession()
    {
    }

    internal StudySession(int organizationId, int number, DateOnly on, TimeOnly? startsAt, string? place, int? lessonId)
    {
        OrganizationId = organizationId;
        Number = number;
        On = on;
        StartsAt = startsAt;
        Place = place;
        LessonId = lessonId;
    }

    public int Id { get; private set; }

    public int StudyGroupId { get; private set; }

    /// The organization running the group, kept here so sessions of a subtree are one indexed range by date.
    public int OrganizationId { get; private set; }

    public int Number { get; private set; }

    public DateOnly On { get; private set; }

    public TimeOnly? StartsAt { get; private set; }

    public string? Place { get; private set; }

    public int? LessonId { get; private set; }

    /// Whether attendance has been recorded (a held session without it does not count in the rates).
    public bool AttendanceTaken { get; private set; }

    public IReadOnlyList<StudyAttendance> Attendance => attendance;

    int? IAudited.AuditOrganizationId => OrganizationId;

    /// Records who was there: every participant gets a row, present or absent; recording again corrects it.
    public Result<Done> RecordAttendance(IReadOnlyList<Enrollment> participants, IReadOnlySet<int> present, DateOnly today)
    {
        if (On > today) return new SessionNotYetHeld(On);
        if (present.FirstOrDefault(id => participants.All(p => p.Id != id)) is var stranger and > 0) return new AttendeeNotEnrolled(stranger);
        foreach (var participant in participants)
        {
            var row = attendance.FirstOrDefault(a => a.EnrollmentId == participant.Id);
            if (row is null) attendance.Add(new StudyAttendance(participant.Id, participant.MemberId, OrganizationId, present.Contains(participant.Id)));
            else row.Present = present.Contains(participant.Id);
        }
        AttendanceTaken = true;
        return Done.Value;
    }
}

/// A member's place in a study group, and their completion of the course with its certificate.
public sealed class Enrollment : IAudited
{
    private Enrollment()
    {
    }

    internal Enrollment(int courseId, int organizationId, int memberId, DateOnly on)
    {
        CourseId = courseId;
        OrganizationId = organizationId;
        MemberId = memberId;
        EnrolledOn = on;
    }

    public int Id { get; private set; }

    public int StudyGroupId { get; private set; }

    /// The group's course, kept here so "who completed course X" reads one index.
    public int CourseId { get; private set; }

    /// The organization running the group.
    public int OrganizationId { get; private set; }

    public int MemberId { get; private set; }

    public DateOnly EnrolledOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string? CertificateNumber { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    /// Completion needs the course's share of the group's sessions attended; a session not yet held counts as not attended.
    public Result<Done> Complete(Course course, int sessions, int heldSessions, int attended, DateOnly on, string certificate, DateOnly today)
    {
        if (CompletedOn is not null) return new AlreadyCompleted(CertificateNumber ?? "");
        if (on > today) return new CompletionInFuture();
        if (heldSessions == 0) return new NoSessionsHeld();
        var required = course.RequiredSessions(sessions);
        if (attended < required) return new AttendanceBelowRequirement(attended, required, sessions);
        CompletedOn = on;
        CertificateNumber = certificate;
        return Done.Value;
    }
}

public sealed class StudyAttendance : IAudited
{
    private StudyAttendance()
    {
    }

    internal StudyAttendance(int enrollmentId, int memberId, int organizationId, bool present)
    {
        EnrollmentId = enrollmentId;
        MemberId = memberId;
        OrganizationId = organizationId;
        Present = present;
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    public int EnrollmentId { get; private set; }

    public int MemberId { get; private set; }

    public int OrganizationId { get; private set; }

    public bool Present { get; internal set; }

    int? IAudited.AuditOrganizationId => OrganizationId;
}

/// The party-wide education settings: one row, defaults until an administrator first saves it.
public sealed class EducationSettings : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    /// Whether a candidate who has not completed the courses required of candidates can be confirmed (false: the
    /// confirmation shows what is missing and goes ahead).
    public bool RequiredCoursesBlockConfirmation { get; private set; }

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => null;

    public void Change(bool requiredCoursesBlockConfirmation)
    {
        RequiredCoursesBlockConfirmation = requiredCoursesBlockConfirmation;
        Version++;
    }
}
