using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Education.Library;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Demo;

/// The demo party's education: a small library (the programme, the statutes in two versions, works in English, a lecture
/// in Korean and a note in Chinese, all written for the demo), a course required of candidates with three lessons, and a
/// study circle in the demo member's branch with five sessions, four held with attendance, and completions for those who
/// attended enough. No random draw: the same party always gets the same education.
internal static class DemoEducation
{
    public static async Task SeedAsync(CadreDbContext db, Member demoMember, CancellationToken ct)
    {
        var centre = await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var documents = new Dictionary<string, Document>();
        foreach (var (draft, note) in Library)
        {
            var document = Must(Document.Publish(centre, draft, note, "demo", db.Now));
            db.Documents.Add(document);
            await db.SaveChangesAsync(ct);
            await LibraryIndex.WriteAsync(db, document, document.Versions[^1], ct);
            documents[draft.Key] = document;
        }
        var statutes = documents["statutes"];
        var first = statutes.Versions[^1];
        Must(statutes.Revise(StatutesAmended, first, "Article 3 amended by the 2nd Congress: the probation may be extended once.", "demo", db.Now));
        await db.SaveChangesAsync(ct);
        await LibraryIndex.WriteAsync(db, statutes, statutes.Versions[^1], ct);

        var course = Must(Course.Create(centre, "Course for candidate members", "What every candidate studies before confirmation: the programme, the statutes and how the party works.",
            RequiredStage.Candidate, 80));
        Must(course.AddLesson("The programme", "Read the aims together; let each participant say which aim their workplace touches.",
            [new LessonReading(1, documents["programme"].Id, "our-aims", null), new LessonReading(2, documents["programme"].Id, "how-we-work", "the last section")],
            ["Which of the aims matters most where you work?", "What does the party ask of its members?"]));
        Must(course.AddLesson("The statutes", null, [new LessonReading(1, statutes.Id, "membership", "articles 1 to 4")],
            ["Why is there a probation?", "What are a member's rights and duties?"]));
        Must(course.AddLesson("Organizing a branch", null,
            [new LessonReading(1, documents["on-organizing"].Id, null, null), new LessonReading(2, documents["study-circles"].Id, null, null)],
            ["How does a branch hear from its members?", "How would you run a study circle?"]));
        db.Courses.Add(course);
        var seminar = Must(Course.Create(centre, "Seminar on the history of the movement", "A short seminar for full members.", RequiredStage.None, 75));
        Must(seminar.AddLesson("Where we come from", null, [new LessonReading(1, documents["history-lecture"].Id, null, null)], ["What did the founders learn?"]));
        db.Courses.Add(seminar);
        await db.SaveChangesAsync(ct);

        // The study circle of the demo member's branch: its candidates, the demo member and a few full members.
        var today = db.Today;
        var group = Must(StudyGroup.Start(course.Id, demoMember.OrganizationId, StudyFormat.StudyCircle, "Branch office", "Maria Lopez", today.AddDays(-60), today.AddDays(30)));
        db.StudyGroups.Add(group);
        var lessons = course.Lessons.OrderBy(l => l.Number).Select(l => (int?)l.Id).ToList();
        foreach (var (days, i) in new[] { -56, -42, -28, -14, 7 }.Select((d, i) => (d, i)))
            Must(group.Plan(today.AddDays(days), new TimeOnly(18, 30), null, lessons[Math.Min(i, lessons.Count - 1)]));
        var branch = await db.Members.Where(m => m.OrganizationId == demoMember.OrganizationId && m.Id != demoMember.Id
                && (m.Status == MemberStatus.Candidate || m.Status == MemberStatus.Member))
            .OrderBy(m => m.Status == MemberStatus.Candidate ? 0 : 1).ThenBy(m => m.Id).Take(9).ToListAsync(ct);
        foreach (var member in branch.Prepend(demoMember)) Must(group.Enroll(member.Id, member.Number, group.StartsOn));
        await db.SaveChangesAsync(ct);

        // Participant i misses session j when (3i + j) % 7 == 0: some attend every held session, the others miss one.
        var participants = group.Enrollments.OrderBy(e => e.Id).ToList();
        foreach (var (session, j) in group.Sessions.Where(s => s.On <= today).OrderBy(s => s.On).Select((s, j) => (s, j)))
            Must(session.RecordAttendance(participants, participants.Where((_, i) => ((3 * i) + j) % 7 != 0).Select(e => e.Id).ToHashSet(), today));
        await db.SaveChangesAsync(ct);

        // Full members who attended enough have completed; candidates and the demo member are still in the course.
        var held = group.Sessions.Count(s => s.On <= today);
        var members = branch.ToDictionary(m => m.Id);
        var attended = group.Sessions.SelectMany(s => s.Attendance).Where(a => a.Present).GroupBy(a => a.EnrollmentId).ToDictionary(g => g.Key, g => g.Count());
        var eligible = participants.Where(e => members.TryGetValue(e.MemberId, out var m) && m.Status == MemberStatus.Member
            && attended.GetValueOrDefault(e.Id) >= course.RequiredSessions(group.Sessions.Count)).ToList();
        var certificate = await RecordCompletion.ReserveAsync(db, Math.Max(eligible.Count, 1), ct);
        foreach (var enrollment in eligible)
            Must(enrollment.Complete(course, group.Sessions.Count, held, attended[enrollment.Id], today.AddDays(-13), RecordCompletion.FormatCertificate(certificate++), today));
        await db.SaveChangesAsync(ct);
    }

    private static readonly DocumentDraft StatutesAmended = Statutes with
    {
        Body = Statutes.Body.Replace("The probation lasts one year.", "The probation lasts one year; the branch may extend it once, by up to a year.", StringComparison.Ordinal),
    };

    private static DocumentDraft Statutes => new()
    {
        Key = "statutes", Title = "Statutes of the Party", Author = "Founding Congress", Year = 2001, Kind = DocumentKind.Statute, Language = "en",
        Tags = ["statutes"], Body = """
            # Statutes of the Party

            ## Membership

            Article 1. Any worker, peasant or intellectual of eighteen years or more who accepts the programme may join the party.

            Article 2. An applicant is sponsored by two members of at least one year's standing.

            Article 3. An applicant admitted by a branch becomes a candidate member. The probation lasts one year.

            Article 4. At the end of the probation the branch confirms the candidate as a full member, or does not.

            ## Organization

            Article 5. The party is built from primary organizations upward; each elects its committee and its secretary.

            Article 6. Decisions of higher bodies bind the organizations below them; every member may speak before a decision is taken.
            """,
    };

    private static readonly (DocumentDraft Draft, string? Note)[] Library =
    [
        (new DocumentDraft
        {
            Key = "programme", Title = "Programme of the Party", Author = "Founding Congress", Year = 2001, Kind = DocumentKind.Programme, Language = "en",
            Tags = ["programme", "founding"], Body = """
                # Programme of the Party

                ## Our aims

                The party organizes working people to govern their own affairs: at work, where they live and in the country as a whole.
                It stands for public services open to all, fair wages, and the independence of every nation.

                ## How we work

                Members belong to a branch, attend its meetings, pay their dues and study. Decisions are discussed freely and carried out together.
                """,
        }, "Adopted by the Founding Congress."),
        (Statutes, "Adopted by the Founding Congress."),
        (new DocumentDraft
        {
            Key = "on-organizing", Title = "On Organizing a Branch", Author = "Ana Ferreira", Year = 2008, Kind = DocumentKind.Work, Language = "en",
            Tags = ["organizing", "branches"], Body = """
                A branch organizes where its members work and live. It meets every month, keeps minutes, and hears every member.

                Organizers do not speak for the members; they help members speak for themselves. A branch that stops listening stops growing.
                """,
        }, null),
        (new DocumentDraft
        {
            Key = "study-circles", Title = "Study Circles in Practice", Author = "Tomas Novak", Year = 2015, Kind = DocumentKind.Article, Language = "en",
            Tags = ["education"], Body = """
                A study circle is small: eight to twelve members and one instructor. Each session reads one text and discusses two or three questions.

                The instructor prepares the questions, the members bring their experience. Nobody is graded; the circle records who attended.
                """,
        }, null),
        (new DocumentDraft
        {
            Key = "education-resolution", Title = "Resolution on Political Education", Author = "Central Committee", Year = 2019, Kind = DocumentKind.Resolution,
            Language = "en", Tags = ["education", "resolutions"], Body = """
                The Central Committee resolves that every candidate member completes the course for candidates before confirmation,
                and that every district runs at least one seminar a year for its full members.
                """,
        }, null),
        (new DocumentDraft
        {
            Key = "history-lecture", Title = "Lecture on the History of the Movement", Author = "Li Wei", Year = 2012, Kind = DocumentKind.Lecture, Language = "en",
            Tags = ["history"], Body = """
                The movement began in workshops and reading rooms. Its founders learned that organizations last when members are educated,
                leaders are accountable, and the organization stays close to the people it serves.
                """,
        }, null),
        (new DocumentDraft
        {
            Key = "korean-lecture", Title = "당 건설에 관한 강의", Author = "김민수", Year = 2018, Kind = DocumentKind.Lecture, Language = "ko", Tags = ["강의"], Body = """
                # 당 건설에 관한 강의

                당의 기초는 기층 조직이다. 모든 당원은 기층 조직에 속하여 회의에 참가하고 학습한다.

                노동자 계급의 당은 대중과 함께 있을 때 강하다. 학습 모임은 당원들이 함께 배우는 곳이다.
                """,
        }, null),
        (new DocumentDraft
        {
            Key = "chinese-note", Title = "学习小组笔记", Author = "王芳", Year = 2020, Kind = DocumentKind.Article, Language = "zh", Tags = ["学习"], Body = """
                学习小组每月开会一次。每次读一篇文章，讨论两三个问题。

                党的建设从基层组织开始，群众路线是我们的工作方法。
                """,
        }, null),
    ];

    private static T Must<T>(Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo education broke a rule: {result.Error.Message}");
}
