using System.Globalization;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Education.Library;
using Cadre.Members;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Education.EducationArrange;

namespace Cadre.Tests.Education;

public sealed class CourseTests
{
    private static readonly DateOnly Today = TestClock.Start.UtcDateTime is var now ? DateOnly.FromDateTime(now) : default;

    private sealed record Setup(TestDatabase Database, Tree Tree, Actor Officer, int Course, int Group, int[] Sessions, int Candidate, int Enrollment);

    /// A candidate course of one lesson (a section of the programme to read, two questions), run by the north branch
    /// in five sessions: four held, one next week. The candidate is enrolled.
    private static async Task<Setup> ArrangeAsync(TestDatabase database, int percent = 80)
    {
        var tree = await database.CreateTreeAsync();
        var officer = Arrange.Holding(Role.EducationOfficer, tree.NorthDistrict);
        var programme = await database.PublishAsync(tree.Centre, Draft("programme", "Programme", "# Aims\n\nText.\n\n## Our history\n\nMore text."));
        var course = (await database.RunAsync((db, a) => CreateCourse.HandleAsync(db, a, new CreateCourse.Request
        {
            OrganizationId = tree.NorthDistrict, Title = "Course for candidates", RequiredFor = RequiredStage.Candidate, CompletionPercent = percent,
        }, TestDatabase.Ct), officer)).Ok();
        (await database.RunAsync((db, a) => AddLesson.HandleAsync(db, a, course, new AddLesson.Request
        {
            Title = "The programme", Readings = [new(programme, "our-history", "the whole section")], Questions = ["Why study history?", "What are our aims?"],
        }, TestDatabase.Ct), officer)).Ok();
        var group = (await database.RunAsync((db, a) => StartStudyGroup.HandleAsync(db, a, new StartStudyGroup.Request
        {
            CourseId = course, OrganizationId = tree.NorthBranch, Format = StudyFormat.StudyCircle, Place = "Union hall", Instructor = "Rosa Luxemburg",
            StartsOn = Today.AddDays(-40),
        }, TestDatabase.Ct), officer)).Ok();
        var sessions = new List<int>();
        foreach (var days in new[] { -35, -28, -21, -14, 7 })
            sessions.Add((await database.RunAsync((db, a) => PlanSession.HandleAsync(db, a, group, new PlanSession.Request(Today.AddDays(days)), TestDatabase.Ct), officer)).Ok());
        var candidate = await database.CandidateAsync(tree.NorthBranch);
        (await database.RunAsync((db, a) => EnrollMembers.HandleAsync(db, a, group, new EnrollMembers.Request { MemberIds = [candidate] }, TestDatabase.Ct), officer)).Ok();
        await using var db = database.Context();
        var enrollment = await db.Enrollments.Where(e => e.MemberId == candidate).Select(e => e.Id).SingleAsync(TestDatabase.Ct);
        return new Setup(database, tree, officer, course, group, sessions.ToArray(), candidate, enrollment);
    }

    private static Task<Result<Done>> AttendAsync(Setup s, int session, params int[] present) =>
        s.Database.RunAsync((db, a) => RecordStudyAttendance.HandleAsync(db, a, session, new RecordStudyAttendance.Request(present), TestDatabase.Ct), s.Officer);

    private static Task<Result<RecordCompletion.Completed>> CompleteAsync(Setup s) =>
        s.Database.RunAsync((db, a) => RecordCompletion.HandleAsync(db, a, s.Group, new RecordCompletion.Request(s.Enrollment), TestDatabase.Ct), s.Officer);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_participant_completes_with_the_required_attendance_and_gets_a_certificate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database);

        // Attendance for the session next week is refused; three of five sessions are not the 80 % the course asks for.
        Assert.IsType<SessionNotYetHeld>((await AttendAsync(s, s.Sessions[4], s.Enrollment)).Error);
        foreach (var session in s.Sessions[..3]) (await AttendAsync(s, session, s.Enrollment)).Ok();
        (await AttendAsync(s, s.Sessions[3])).Ok(); // absent
        var refused = (await CompleteAsync(s)).Fails<AttendanceBelowRequirement, RecordCompletion.Completed>();
        Assert.Equal((3, 4, 5), (refused.Attended, refused.Required, refused.Sessions));
        Assert.Null((await database.Context().Enrollments.SingleAsync(e => e.Id == s.Enrollment, TestDatabase.Ct)).CompletedOn);

        // Attendance corrected for the fourth session: four of five.
        (await AttendAsync(s, s.Sessions[3], s.Enrollment)).Ok();
        var completed = (await CompleteAsync(s)).Ok();

        Assert.Matches("^C[0-9]{7}$", completed.CertificateNumber);
        Assert.IsType<AlreadyCompleted>((await CompleteAsync(s)).Error);
        var certificate = (await Certificates.GetAsync(database.Context(), s.Officer, completed.CertificateNumber, TestDatabase.Ct)).Ok();
        Assert.Equal(("Course for candidates", 4, 5, "Iva Novak"), (certificate.CourseTitle, certificate.Attended, certificate.Sessions, certificate.MemberName));
        var stranger = Arrange.Holding(Role.EducationOfficer, s.Tree.SouthDistrict);
        Assert.IsType<CertificateNotFound>((await Certificates.GetAsync(database.Context(), stranger, completed.CertificateNumber, TestDatabase.Ct)).Error);
        await using var db = database.Context();
        Assert.Equal(4, await db.StudyAttendances.CountAsync(TestDatabase.Ct)); // one row per participant and recorded session
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Enrollment) && e.Action == Cadre.Audit.AuditAction.Updated, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Confirmation_shows_the_required_courses_and_the_setting_decides_whether_it_blocks(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database, percent: 20);
        var secretary = Arrange.Holding(Role.Secretary, s.Tree.NorthBranch);
        (await database.RunAsync((db, a) => ChangeEducationSettings.HandleAsync(db, a, new ChangeEducationSettings.Request(true), TestDatabase.Ct))).Ok();
        Assert.IsType<EducationSettingsNotPermitted>((await database.RunAsync((db, a) =>
            ChangeEducationSettings.HandleAsync(db, a, new ChangeEducationSettings.Request(false), TestDatabase.Ct), secretary)).Error);

        var status = await RequiredCourses.ForMemberAsync(database.Context(), s.Candidate, TestDatabase.Ct);
        Assert.Equal([("Course for candidates", false)], status.Courses.Select(c => (c.Title, c.Completed)).ToList());
        Assert.True(status.Blocks);
        var blocked = (await database.RunAsync((db, a) => ConfirmMembership.HandleAsync(db, a, s.Candidate, ArrangeMembership.Decided(Today), TestDatabase.Ct), secretary))
            .Fails<RequiredCoursesIncomplete, Done>();
        Assert.Equal(["Course for candidates"], blocked.Courses);
        Assert.Equal(MemberStatus.Candidate, (await database.MemberAsync(s.Candidate)).Status);

        (await AttendAsync(s, s.Sessions[0], s.Enrollment)).Ok();
        (await CompleteAsync(s)).Ok();
        Assert.True((await RequiredCourses.ForMemberAsync(database.Context(), s.Candidate, TestDatabase.Ct)).Complete);
        (await database.RunAsync((db, a) => ConfirmMembership.HandleAsync(db, a, s.Candidate, ArrangeMembership.Decided(Today), TestDatabase.Ct), secretary)).Ok();
        Assert.Equal(MemberStatus.Member, (await database.MemberAsync(s.Candidate)).Status);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Without_the_blocking_setting_a_candidate_is_confirmed_and_the_missing_course_is_only_shown(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database);

        var status = await RequiredCourses.ForMemberAsync(database.Context(), s.Candidate, TestDatabase.Ct);
        Assert.False(status.Blocks);
        Assert.Equal(["Course for candidates"], status.Missing);
        (await database.RunAsync((db, a) => ConfirmMembership.HandleAsync(db, a, s.Candidate, ArrangeMembership.Decided(Today), TestDatabase.Ct))).Ok();
        Assert.Equal(MemberStatus.Member, (await database.MemberAsync(s.Candidate)).Status);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Courses_and_groups_are_refused_outside_the_officers_subtree_and_bad_readings_are_named(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database);
        var south = Arrange.Holding(Role.EducationOfficer, s.Tree.SouthDistrict);
        var secretary = Arrange.Holding(Role.Secretary, s.Tree.NorthDistrict);

        Assert.IsType<StudyGroupNotFound>((await database.RunAsync((db, a) => PlanSession.HandleAsync(db, a, s.Group, new PlanSession.Request(Today), TestDatabase.Ct), south)).Error);
        Assert.IsType<StudyGroupNotFound>((await StudyGroupQueries.GetAsync(database.Context(), south, s.Group, TestDatabase.Ct)).Error);
        Assert.IsType<StudySessionNotFound>((await database.RunAsync((db, a) => RecordStudyAttendance.HandleAsync(db, a, s.Sessions[0],
            new RecordStudyAttendance.Request([s.Enrollment]), TestDatabase.Ct), south)).Error);
        Assert.IsType<EducationNotPermitted>((await database.RunAsync((db, a) => PlanSession.HandleAsync(db, a, s.Group, new PlanSession.Request(Today), TestDatabase.Ct), secretary)).Error);
        Assert.IsType<EducationNotPermitted>((await database.RunAsync((db, a) => AddLesson.HandleAsync(db, a, s.Course, new AddLesson.Request { Title = "x" }, TestDatabase.Ct), south)).Error);
        Assert.IsType<EducationOrganizationNotFound>((await database.RunAsync((db, a) => StartStudyGroup.HandleAsync(db, a, new StartStudyGroup.Request
        {
            CourseId = s.Course, OrganizationId = s.Tree.NorthBranch, StartsOn = Today,
        }, TestDatabase.Ct), south)).Error);
        Assert.True((await StudyGroupQueries.GetAsync(database.Context(), secretary, s.Group, TestDatabase.Ct)).IsSuccess);

        var programme = await database.Context().Documents.Select(d => d.Id).SingleAsync(TestDatabase.Ct);
        Assert.IsType<ReadingSectionNotFound>((await database.RunAsync((db, a) => AddLesson.HandleAsync(db, a, s.Course, new AddLesson.Request
        {
            Title = "Two", Readings = [new(programme, "no-such-heading")],
        }, TestDatabase.Ct), s.Officer)).Error);
        Assert.IsType<ReadingDocumentNotFound>((await database.RunAsync((db, a) => AddLesson.HandleAsync(db, a, s.Course, new AddLesson.Request
        {
            Title = "Two", Readings = [new(programme + 99)],
        }, TestDatabase.Ct), s.Officer)).Error);
        Assert.IsType<SessionDateOutsideGroup>((await database.RunAsync((db, a) => PlanSession.HandleAsync(db, a, s.Group, new PlanSession.Request(Today.AddDays(-400)), TestDatabase.Ct), s.Officer)).Error);
        Assert.IsType<AttendeeNotEnrolled>((await AttendAsync(s, s.Sessions[0], s.Enrollment + 1000)).Error);
        Assert.IsType<NoSessionsHeld>((await database.RunAsync(async (db, a) =>
        {
            var other = (await StartStudyGroup.HandleAsync(db, a, new StartStudyGroup.Request { CourseId = s.Course, OrganizationId = s.Tree.NorthBranch, StartsOn = Today }, TestDatabase.Ct)).Ok();
            (await PlanSession.HandleAsync(database.Context(a), a, other, new PlanSession.Request(Today.AddDays(3)), TestDatabase.Ct)).Ok();
            (await EnrollMembers.HandleAsync(database.Context(a), a, other, new EnrollMembers.Request { MemberIds = [s.Candidate] }, TestDatabase.Ct)).Ok();
            var enrollment = await database.Context().Enrollments.Where(e => e.StudyGroupId == other).Select(e => e.Id).SingleAsync(TestDatabase.Ct);
            return await RecordCompletion.HandleAsync(database.Context(a), a, other, new RecordCompletion.Request(enrollment), TestDatabase.Ct);
        }, s.Officer)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Members_of_other_organizations_are_enrolled_by_number_and_family_name_together(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database);
        var eva = await database.RegisterMemberAsync(s.Tree.SouthBranch, "Eva", "Lima");

        Assert.IsType<ParticipantNotFound>((await database.RunAsync((db, a) => EnrollMembers.HandleAsync(db, a, s.Group,
            new EnrollMembers.Request { MemberIds = [eva.MemberId] }, TestDatabase.Ct), s.Officer)).Error);
        Assert.IsType<ParticipantNotFound>((await database.RunAsync((db, a) => EnrollMembers.HandleAsync(db, a, s.Group,
            new EnrollMembers.Request { MemberNumber = eva.Number, FamilyName = "Silva" }, TestDatabase.Ct), s.Officer)).Error);
        (await database.RunAsync((db, a) => EnrollMembers.HandleAsync(db, a, s.Group,
            new EnrollMembers.Request { MemberNumber = eva.Number, FamilyName = "lima" }, TestDatabase.Ct), s.Officer)).Ok();
        Assert.IsType<AlreadyEnrolled>((await database.RunAsync((db, a) => EnrollMembers.HandleAsync(db, a, s.Group,
            new EnrollMembers.Request { MemberIds = [s.Candidate] }, TestDatabase.Ct), s.Officer)).Error);

        var group = (await StudyGroupQueries.GetAsync(database.Context(), s.Officer, s.Group, TestDatabase.Ct)).Ok();
        Assert.Equal(["Eva Lima", "Iva Novak"], group.Participants.Select(p => p.Name).ToList());
        Assert.Equal(4, group.RequiredSessions);

        // Eva belongs to the south branch, which reads nothing of the north district's education: her enrollment shows her
        // the lesson's questions for discussion all the same.
        var evaActor = new Actor("u-eva", "eva", [(Role.Member, s.Tree.SouthBranch)], eva.PersonId);
        var lesson = Assert.Single((await MyEducation.ForAsync(database.Context(), evaActor, TestDatabase.Ct)).Ok().Lessons);
        Assert.Equal(("Course for candidates", 1, "The programme"), (lesson.CourseTitle, lesson.Number, lesson.Title));
        Assert.Equal(["Why study history?", "What are our aims?"], lesson.Questions);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_member_sees_their_courses_next_sessions_and_readings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database);
        var member = await database.MemberAsync(s.Candidate);
        var actor = new Actor("u", "iva", [(Role.Member, s.Tree.NorthBranch)], member.PersonId);
        (await AttendAsync(s, s.Sessions[0], s.Enrollment)).Ok();

        var mine = (await MyEducation.ForAsync(database.Context(), actor, TestDatabase.Ct)).Ok();

        var course = Assert.Single(mine.Courses);
        Assert.Equal(("Course for candidates", 5, 4, 1, 4), (course.CourseTitle, course.Sessions, course.Held, course.Attended, course.RequiredSessions));
        Assert.Equal([Today.AddDays(7)], mine.NextSessions.Select(n => n.On).ToList());
        var reading = Assert.Single(mine.Readings);
        Assert.Equal(("Programme", "our-history"), (reading.DocumentTitle, reading.Anchor));
        Assert.Equal(["Why study history?", "What are our aims?"], Assert.Single(mine.Lessons).Questions);
        Assert.IsType<Cadre.Dues.NotYourProfile>((await MyEducation.ForAsync(database.Context(), s.Officer, TestDatabase.Ct)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Statistics_count_completions_of_required_courses_sessions_per_month_and_attendance_for_a_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database, percent: 40);
        var second = await database.CandidateAsync(s.Tree.NorthBranch, "Jan", "Kral");
        (await database.RunAsync((db, a) => EnrollMembers.HandleAsync(db, a, s.Group, new EnrollMembers.Request { MemberIds = [second] }, TestDatabase.Ct), s.Officer)).Ok();
        var secondEnrollment = await database.Context().Enrollments.Where(e => e.MemberId == second).Select(e => e.Id).SingleAsync(TestDatabase.Ct);
        (await AttendAsync(s, s.Sessions[0], s.Enrollment, secondEnrollment)).Ok();
        (await AttendAsync(s, s.Sessions[1], s.Enrollment)).Ok();
        (await CompleteAsync(s)).Ok();

        var north = (await EducationStatistics.RunAsync(database.Context(), s.Officer, s.Tree.NorthDistrict, 3, TestDatabase.Ct)).Ok();

        var completion = Assert.Single(north.RequiredCourses);
        // Members of the district who are candidates or full members: four sponsors and two candidates; one completed.
        Assert.Equal((6, 1), (completion.Members, completion.Completed));
        Assert.Equal(4, north.SessionsHeld);
        Assert.Equal(0.75, north.AttendanceRate); // 3 present of 4 recorded
        // Today is 15 March 2025: the sessions held were on 8, 15 and 22 February and 1 March (the one on the 22nd of March is to come);
        // both participants were recorded on 8 and 15 February, present three times.
        Assert.Equal([("2025-01", 0, 0, 0), ("2025-02", 3, 4, 3), ("2025-03", 1, 0, 0)],
            north.Months.Select(m => (m.Label, m.SessionsHeld, m.Recorded, m.Present)).ToList());
        Assert.Equal([null, 0.75, null], north.Months.Select(m => m.AttendanceRate).ToList());
        var south = Arrange.Holding(Role.EducationOfficer, s.Tree.SouthDistrict);
        var southStats = (await EducationStatistics.RunAsync(database.Context(), south, s.Tree.SouthDistrict, 3, TestDatabase.Ct)).Ok();
        Assert.Equal(0, southStats.SessionsHeld);
        Assert.IsType<EducationScopeNotFound>((await EducationStatistics.RunAsync(database.Context(), south, s.Tree.NorthDistrict, 3, TestDatabase.Ct)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_change_to_a_lessons_readings_and_questions_is_audited_with_who_when_before_and_after(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ArrangeAsync(database);
        var lessonId = await database.Context().Lessons.Where(l => l.CourseId == s.Course).Select(l => l.Id).SingleAsync(TestDatabase.Ct);
        var programme = await database.Context().Documents.Select(d => d.Id).SingleAsync(TestDatabase.Ct);
        database.Clock.Advance(TimeSpan.FromHours(2));

        (await database.RunAsync((db, a) => AddLesson.ChangeAsync(db, a, s.Course, lessonId, new AddLesson.Request
        {
            Title = "The programme", Readings = [new(programme, null, "all of it")], Questions = ["What is to be done?"],
        }, TestDatabase.Ct), s.Officer)).Ok();
        // The same content again changes nothing and records nothing.
        (await database.RunAsync((db, a) => AddLesson.ChangeAsync(db, a, s.Course, lessonId, new AddLesson.Request
        {
            Title = "The programme", Readings = [new(programme, null, "all of it")], Questions = ["What is to be done?"],
        }, TestDatabase.Ct), s.Officer)).Ok();

        await using var db = database.Context();
        var key = lessonId.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.Where(e => e.EntityType == "LessonContent" && e.EntityId == key).OrderBy(e => e.Id).ToListAsync(TestDatabase.Ct);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action).ToList());
        var changed = entries[1];
        Assert.Equal((s.Officer.UserId, s.Officer.Name, s.Tree.NorthDistrict), (changed.UserId, changed.UserName, changed.OrganizationId));
        Assert.Equal(TestClock.Start.UtcDateTime.AddHours(2), changed.At);
        using var before = JsonDocument.Parse(changed.Before!);
        using var after = JsonDocument.Parse(changed.After!);
        Assert.Equal(["Why study history?", "What are our aims?"], before.RootElement.GetProperty("Questions").EnumerateArray().Select(q => q.GetString()).ToList());
        Assert.Equal("our-history", before.RootElement.GetProperty("Readings")[0].GetProperty("Anchor").GetString());
        Assert.Equal(["What is to be done?"], after.RootElement.GetProperty("Questions").EnumerateArray().Select(q => q.GetString()).ToList());
        var reading = after.RootElement.GetProperty("Readings").EnumerateArray().Single();
        Assert.Equal((programme, JsonValueKind.Null, "all of it"),
            (reading.GetProperty("DocumentId").GetInt32(), reading.GetProperty("Anchor").ValueKind, reading.GetProperty("Note").GetString()));
        Assert.Null(entries[0].Before);
        Assert.Contains("Why study history?", entries[0].After, StringComparison.Ordinal);
    }
}
