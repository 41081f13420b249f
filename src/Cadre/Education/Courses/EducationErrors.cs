using Cadre.Common;

namespace Cadre.Education.Courses;

public sealed record CourseNotFound() : NotFoundError("There is no such course.");

public sealed record LessonNotFound() : NotFoundError("The course has no such lesson.");

public sealed record StudyGroupNotFound() : NotFoundError("There is no such study group among those you may see.");

public sealed record StudySessionNotFound() : NotFoundError("There is no such session among those you may see.");

public sealed record EnrollmentNotFound() : NotFoundError("That member is not a participant of this study group.");

public sealed record CertificateNotFound() : NotFoundError("There is no such certificate among those you may see.");

public sealed record EducationNotPermitted() : ForbiddenError("You may not run the education of this organization.");

public sealed record EducationOrganizationNotFound() : InvalidField("OrganizationId", "There is no such organization among those whose education you run.");

public sealed record EducationScopeNotFound() : NotFoundError("There is no such organization among those whose education you read.");

public sealed record EducationSettingsNotPermitted() : ForbiddenError("Only an administrator changes the education settings.");

public sealed record ReadingDocumentNotFound(int Index) : InvalidField($"Readings[{Index}].DocumentId", "There is no such document in the library.");

public sealed record ReadingSectionNotFound(int Index, string Anchor)
    : InvalidField($"Readings[{Index}].Anchor", $"The document has no heading with the anchor #{Anchor}.");

public sealed record SessionNotYetHeld(DateOnly On) : ConflictError($"The session is on {On:yyyy-MM-dd}: attendance is recorded once it has been held.");

public sealed record SessionDateOutsideGroup() : InvalidField("On", "The session's date is outside the study group's dates.");

public sealed record SessionLessonNotInCourse() : InvalidField("LessonId", "That lesson is not a lesson of the course.");

public sealed record AttendeeNotEnrolled(int EnrollmentId) : InvalidField("Present", $"Participant {EnrollmentId} is not enrolled in this study group.");

public sealed record AlreadyEnrolled(string Number) : ConflictError($"The member {Number} is already a participant.");

public sealed record ParticipantNotFound(string FieldName) : InvalidField(FieldName, "There is no current member with that number and family name.");

public sealed record ParticipantNotCurrent(string Number) : InvalidField("MemberIds", $"The member {Number} is not a current member.");

public sealed record AttendanceBelowRequirement(int Attended, int Required, int Sessions)
    : ConflictError($"The participant attended {Attended} of {Sessions} session(s); the course asks for at least {Required}.");

public sealed record NoSessionsHeld() : ConflictError("No session of this study group has been held yet.");

public sealed record AlreadyCompleted(string Certificate) : ConflictError($"The participant has already completed the course (certificate {Certificate}).");

public sealed record CompletionInFuture() : InvalidField("On", "The date of completion cannot be in the future.");

public sealed record RequiredCoursesIncomplete(IReadOnlyList<string> Courses)
    : ConflictError($"The candidate has not completed the course(s) required before confirmation: {string.Join(", ", Courses)}.");
