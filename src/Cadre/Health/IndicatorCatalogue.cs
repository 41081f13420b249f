using Cadre.Accounts;
using Cadre.Data;
using Cadre.Directives;
using Cadre.Education.Courses;
using Cadre.Meetings;
using Cadre.Members;
using Cadre.Organizations;

namespace Cadre.Health;

/// Every indicator Cadre computes, with its definition (docs/health.md has the same words). The SQL reads the
/// parameters @Month, @Next, @Today, @Last, @LastNext, @ArrearsFrom, @ArrearsNext and @AccountingFrom (ComputeHealth).
public static class IndicatorCatalogue
{
    /// Members with nothing paid for this many complete months in a row (through the last complete month) are in arrears.
    public const int ArrearsMonths = 3;

    /// Recent attendance is read over each organization's last this many general meetings.
    public const int RecentMeetings = 3;

    private static readonly string Current = string.Join(", ", MembershipStateMachine.Current.Select(s => (int)s));

    private const string Group_Membership = "Membership";
    private const string Group_Changes = "Changes";
    private const string Group_Dues = "Dues";
    private const string Group_Education = "Education";
    private const string Group_Offices = "Offices";
    private const string Group_Meetings = "Meetings";
    private const string Group_Directives = "Directives";

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("members", "Members", Group_Membership, IndicatorKind.Snapshot, IndicatorUnit.Count, Better.Higher,
            "Current members (candidates, full members and suspended members) on the day the indicators were computed.",
            Permission.MembersRead,
            $"""SELECT m."OrganizationId", COUNT(*) AS "N", 0 AS "D" FROM "Members" m WHERE m."Status" IN ({Current}) GROUP BY m."OrganizationId" """,
            (db, _) => MemberRows(db, db.Members.Where(m => MembershipStateMachine.Current.Contains(m.Status)))),

        new("candidates", "Candidate members", Group_Membership, IndicatorKind.Snapshot, IndicatorUnit.Count, Better.Higher,
            "Candidate members serving their probation.",
            Permission.MembersRead,
            $"""SELECT m."OrganizationId", COUNT(*) AS "N", 0 AS "D" FROM "Members" m WHERE m."Status" = {(int)MemberStatus.Candidate} GROUP BY m."OrganizationId" """,
            (db, _) => MemberRows(db, db.Members.Where(m => m.Status == MemberStatus.Candidate))),

        new("candidates_overdue", "Candidates past their probation", Group_Membership, IndicatorKind.Snapshot, IndicatorUnit.Share, Better.Lower,
            "Candidates whose probation ended before the day of computing without a decision (confirmed, extended or rejected), out of all candidates: the complement of candidates decided on time.",
            Permission.MembersRead,
            $"""
            SELECT m."OrganizationId", SUM(CASE WHEN m."ProbationEndsOn" < @Today THEN 1 ELSE 0 END) AS "N", COUNT(*) AS "D"
            FROM "Members" m WHERE m."Status" = {(int)MemberStatus.Candidate} GROUP BY m."OrganizationId"
            """,
            (db, p) => MemberRows(db, db.Members.Where(m => m.Status == MemberStatus.Candidate && m.ProbationEndsOn < p.Today)),
            (db, _) => MemberRows(db, db.Members.Where(m => m.Status == MemberStatus.Candidate))),

        Flow("joins", "Joined", Better.Higher, "Admissions and readmissions decided in the month, at the member's primary organization.",
            MembershipEventKind.Admit, MembershipEventKind.Readmit),
        Flow("confirmations", "Confirmed", Better.Higher, "Candidates confirmed as full members in the month.", MembershipEventKind.Confirm),
        new("transfers_in", "Transferred in", Group_Changes, IndicatorKind.Flow, IndicatorUnit.Count, Better.Higher,
            "Transfers accepted in the month, counted at the receiving organization.",
            Permission.MembersRead,
            $"""
            SELECT e."DecidedById" AS "OrganizationId", COUNT(*) AS "N", 0 AS "D" FROM "MembershipEvents" e
            WHERE e."Kind" = {(int)MembershipEventKind.Transfer} AND e."On" >= @Month AND e."On" < @Next AND e."DecidedById" IS NOT NULL
            GROUP BY e."DecidedById"
            """,
            (db, p) => EventRows(db, db.MembershipEvents.Where(e => e.Kind == MembershipEventKind.Transfer && e.On >= p.Month && e.On < p.Next
                && e.DecidedById != null), receiving: true)),
        Flow("transfers_out", "Transferred out", Better.Lower, "Transfers accepted in the month, counted at the organization the member left.",
            MembershipEventKind.Transfer),
        Flow("lapses", "Lapsed", Better.Lower, "Memberships lapsed in the month (for example for unpaid dues).", MembershipEventKind.Lapse),
        Flow("resignations", "Resigned", Better.Lower, "Resignations in the month.", MembershipEventKind.Resign),
        Flow("expulsions", "Expelled", Better.Lower, "Expulsions in the month.", MembershipEventKind.Expel),
        Flow("deaths", "Died", Better.Lower, "Deaths recorded in the month.", MembershipEventKind.Die),

        new("dues_on_time", "Dues paid on time", Group_Dues, IndicatorKind.Snapshot, IndicatorUnit.Share, Better.Higher,
            "Of the current members who owed dues for the last complete month (joined before its end, accounting started, not exempt), those with a payment for that month received by the month's last day. Any amount counts: obligations are computed, not stored (decision 0010).",
            Permission.DuesRead,
            $"""
            SELECT m."OrganizationId", SUM(CASE WHEN {PaidFor("@Last", "@Last", "AND p.\"PaidOn\" < @LastNext")} THEN 1 ELSE 0 END) AS "N", COUNT(*) AS "D"
            FROM "Members" m WHERE {Owing("@LastNext")} GROUP BY m."OrganizationId"
            """,
            (db, p) => MemberRows(db, Owing(db, p, p.LastMonth).Where(m => db.DuesPayments.Any(x => x.MemberId == m.Id && x.PaidOn < p.LastMonth.AddMonths(1)
                && x.Allocations.Any(a => a.Month == p.LastMonth)))),
            (db, p) => MemberRows(db, Owing(db, p, p.LastMonth))),

        new("arrears", "Members in arrears", Group_Dues, IndicatorKind.Snapshot, IndicatorUnit.Share, Better.Lower,
            $"Of the current members who owed dues for the last complete month, those who owed for each of the last {ArrearsMonths} complete months and have nothing paid for any of them.",
            Permission.DuesRead,
            $"""
            SELECT m."OrganizationId", SUM(CASE WHEN m."JoinedOn" < @ArrearsNext AND @AccountingFrom <= @ArrearsFrom
                AND NOT {PaidFor("@ArrearsFrom", "@Last", "")} THEN 1 ELSE 0 END) AS "N", COUNT(*) AS "D"
            FROM "Members" m WHERE {Owing("@LastNext")} GROUP BY m."OrganizationId"
            """,
            (db, p) => MemberRows(db, Owing(db, p, p.LastMonth).Where(m => m.JoinedOn < p.ArrearsFrom.AddMonths(1) && p.AccountingFrom <= p.ArrearsFrom
                && !db.DuesPayments.Any(x => x.MemberId == m.Id && x.Allocations.Any(a => a.Month >= p.ArrearsFrom && a.Month <= p.LastMonth)))),
            (db, p) => MemberRows(db, Owing(db, p, p.LastMonth))),

        new("required_courses", "Required courses completed", Group_Education, IndicatorKind.Snapshot, IndicatorUnit.Share, Better.Higher,
            "Of the candidates and full members with a course required of them (courses required for candidates are required of full members too), those who completed every one.",
            Permission.EducationRead,
            $"""
            SELECT m."OrganizationId", SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM "Courses" c WHERE {RequiredOf} AND NOT EXISTS (SELECT 1 FROM "Enrollments" e
                WHERE e."MemberId" = m."Id" AND e."CourseId" = c."Id" AND e."CompletedOn" IS NOT NULL)) THEN 1 ELSE 0 END) AS "N", COUNT(*) AS "D"
            FROM "Members" m WHERE m."Status" IN ({(int)MemberStatus.Candidate}, {(int)MemberStatus.Member}) AND EXISTS (SELECT 1 FROM "Courses" c WHERE {RequiredOf})
            GROUP BY m."OrganizationId"
            """,
            (db, _) => MemberRows(db, Studying(db).Where(m => !db.Courses.Any(c => (c.RequiredFor == RequiredStage.Candidate
                    || (c.RequiredFor == RequiredStage.FullMember && m.Status == MemberStatus.Member))
                && !db.Enrollments.Any(e => e.MemberId == m.Id && e.CourseId == c.Id && e.CompletedOn != null)))),
            (db, _) => MemberRows(db, Studying(db))),

        new("vacant_offices", "Vacant offices", Group_Offices, IndicatorKind.Snapshot, IndicatorUnit.Share, Better.Lower,
            "Offices of active organizations that nobody holds on the day of computing, out of all their offices.",
            Permission.OrganizationsRead,
            $"""
            SELECT o."OrganizationId", SUM(CASE WHEN {Held} THEN 0 ELSE 1 END) AS "N", COUNT(*) AS "D"
            FROM "Offices" o JOIN "Organizations" g ON g."Id" = o."OrganizationId" WHERE g."Status" = {(int)OrganizationStatus.Active}
            GROUP BY o."OrganizationId"
            """,
            (db, p) => OfficeRows(db, ActiveOffices(db).Where(o => !o.Terms.Any(t => t.StartsOn <= p.Today && (t.EndsOn == null || t.EndsOn >= p.Today)))),
            (db, _) => OfficeRows(db, ActiveOffices(db))),

        new("secretary_vacant", "Secretary's office vacant", Group_Offices, IndicatorKind.Snapshot, IndicatorUnit.Share, Better.Lower,
            "Secretary's offices of active organizations that nobody holds on the day of computing, out of all secretary's offices.",
            Permission.OrganizationsRead,
            $"""
            SELECT o."OrganizationId", SUM(CASE WHEN {Held} THEN 0 ELSE 1 END) AS "N", COUNT(*) AS "D"
            FROM "Offices" o JOIN "Organizations" g ON g."Id" = o."OrganizationId"
            WHERE g."Status" = {(int)OrganizationStatus.Active} AND o."Kind" = {(int)OfficeKind.Secretary}
            GROUP BY o."OrganizationId"
            """,
            (db, p) => OfficeRows(db, ActiveOffices(db).Where(o => o.Kind == OfficeKind.Secretary
                && !o.Terms.Any(t => t.StartsOn <= p.Today && (t.EndsOn == null || t.EndsOn >= p.Today)))),
            (db, _) => OfficeRows(db, ActiveOffices(db).Where(o => o.Kind == OfficeKind.Secretary))),

        new("terms_overdue", "Terms overdue for election", Group_Offices, IndicatorKind.Snapshot, IndicatorUnit.Count, Better.Lower,
            "Offices of active organizations whose last term has ended with no term running or following it: the election is overdue.",
            Permission.OrganizationsRead,
            $"""
            SELECT o."OrganizationId", COUNT(*) AS "N", 0 AS "D"
            FROM "Offices" o JOIN "Organizations" g ON g."Id" = o."OrganizationId" WHERE g."Status" = {(int)OrganizationStatus.Active}
            AND EXISTS (SELECT 1 FROM "Terms" t WHERE t."OfficeId" = o."Id")
            AND NOT EXISTS (SELECT 1 FROM "Terms" t WHERE t."OfficeId" = o."Id" AND (t."EndsOn" IS NULL OR t."EndsOn" >= @Today))
            GROUP BY o."OrganizationId"
            """,
            (db, p) => OfficeRows(db, ActiveOffices(db).Where(o => o.Terms.Any() && !o.Terms.Any(t => t.EndsOn == null || t.EndsOn >= p.Today)))),

        new("general_meetings", "General meetings held", Group_Meetings, IndicatorKind.Flow, IndicatorUnit.Count, Better.Higher,
            "General meetings begun in the month and not cancelled: meetings of the organization as a whole (not of one of its bodies) of a kind that decides (has a quorum rule) and that the statutes require at a set frequency; with the kinds Cadre starts with, the general meeting.",
            Permission.MeetingsRead,
            $"""
            SELECT m."OrganizationId", COUNT(*) AS "N", 0 AS "D" FROM "Meetings" m JOIN "MeetingKinds" k ON k."Id" = m."KindId"
            WHERE {General} AND m."StartsAt" >= @MonthAt AND m."StartsAt" < @NextAt GROUP BY m."OrganizationId"
            """,
            (db, p) => MeetingRows(db, GeneralMeetings(db, p).Where(m => m.StartsAt >= p.MonthAt && m.StartsAt < p.NextAt), MeetingWeight.One),
            Population: (db, from) => db.Organizations.Where(g => g.Status == OrganizationStatus.Active && g.FoundedOn < from
                && db.MeetingKinds.Any(k => k.EveryMonths != null && k.Quorum != QuorumRule.None && (k.LevelId == null || k.LevelId == g.LevelId)))
                .Select(g => g.Id)),

        new("attendance", "Attendance at general meetings", Group_Meetings, IndicatorKind.Flow, IndicatorUnit.Share, Better.Higher,
            "Of the full members on the roll of the general meetings begun in the month (those whose attendance was recorded), those present or late. Candidates and guests do not count, as for the quorum.",
            Permission.MeetingsRead,
            $"""
            SELECT m."OrganizationId", SUM(CASE WHEN a."Status" IN ({Came}) THEN 1 ELSE 0 END) AS "N", COUNT(*) AS "D"
            FROM "Meetings" m JOIN "MeetingKinds" k ON k."Id" = m."KindId" JOIN "Attendees" a ON a."MeetingId" = m."Id"
            WHERE {General} AND {Recorded} AND m."StartsAt" >= @MonthAt AND m."StartsAt" < @NextAt AND a."Role" = {(int)AttendeeRole.FullMember}
            GROUP BY m."OrganizationId"
            """,
            (db, p) => MeetingRows(db, RecordedMeetings(db, p).Where(m => m.StartsAt >= p.MonthAt && m.StartsAt < p.NextAt), MeetingWeight.Present),
            (db, p) => MeetingRows(db, RecordedMeetings(db, p).Where(m => m.StartsAt >= p.MonthAt && m.StartsAt < p.NextAt), MeetingWeight.Entitled)),

        new("attendance_recent", "Attendance at the last three general meetings", Group_Meetings, IndicatorKind.Snapshot, IndicatorUnit.Share, Better.Higher,
            $"Attendance as above over each organization's last {RecentMeetings} general meetings whose attendance was recorded, whenever they were held: of the full members on their rolls, those present or late.",
            Permission.MeetingsRead,
            $"""
            SELECT r."OrganizationId", SUM(CASE WHEN a."Status" IN ({Came}) THEN 1 ELSE 0 END) AS "N", COUNT(*) AS "D"
            FROM (SELECT m."Id", m."OrganizationId", ROW_NUMBER() OVER (PARTITION BY m."OrganizationId" ORDER BY m."StartsAt" DESC, m."Id" DESC) AS "R"
                  FROM "Meetings" m JOIN "MeetingKinds" k ON k."Id" = m."KindId" WHERE {General} AND {Recorded}) r
            JOIN "Attendees" a ON a."MeetingId" = r."Id" AND a."Role" = {(int)AttendeeRole.FullMember}
            WHERE r."R" <= {RecentMeetings} GROUP BY r."OrganizationId"
            """,
            (db, p) => MeetingRows(db, Recent(db, p), MeetingWeight.Present),
            (db, p) => MeetingRows(db, Recent(db, p), MeetingWeight.Entitled)),

        new("schedules_missed", "Meeting schedules missed", Group_Meetings, IndicatorKind.Snapshot, IndicatorUnit.Share, Better.Lower,
            "For every kind of meeting with a required frequency (every N months) and every active organization of the kind's level founded at least N months ago: whether it has begun no meeting of that kind (not cancelled) in the last N months, out of all such obligations. The same test as the list of missed schedules.",
            Permission.MeetingsRead,
            $"""
            SELECT g."Id" AS "OrganizationId", SUM(CASE WHEN EXISTS (SELECT 1 FROM "Meetings" m WHERE m."KindId" = k."Id" AND m."OrganizationId" = g."Id"
                AND m."Status" = {(int)MeetingStatus.Planned} AND m."StartsAt" <= @Now AND m."StartsAt" >= {ByFrequency("@Since")}) THEN 0 ELSE 1 END) AS "N", COUNT(*) AS "D"
            FROM "Organizations" g JOIN "MeetingKinds" k ON k."EveryMonths" IS NOT NULL AND (k."LevelId" IS NULL OR k."LevelId" = g."LevelId")
            WHERE g."Status" = {(int)OrganizationStatus.Active} AND g."FoundedOn" <= {ByFrequency("@FoundedBy")}
            GROUP BY g."Id"
            """,
            (db, p) => ScheduleRows(db, p, missed: true),
            (db, p) => ScheduleRows(db, p, missed: false)),

        new("directives_on_time", "Directives reported on time", Group_Directives, IndicatorKind.Flow, IndicatorUnit.Share, Better.Higher,
            "Of the assignments due in the month whose due date has passed and whose directive asks for a report, those reported (or accepted) by their due date. Counted in the month they were due.",
            Permission.DirectivesRead,
            $"""
            SELECT a."OrganizationId", SUM(CASE WHEN a."Status" IN ({ReportedStates}) AND a."ReportedOn" <= a."DueOn" THEN 1 ELSE 0 END) AS "N", COUNT(*) AS "D"
            FROM "Assignments" a JOIN "Directives" d ON d."Id" = a."RootDirectiveId"
            WHERE d."ReportRequired" = TRUE AND a."DueOn" >= @Month AND a."DueOn" < @Next AND a."DueOn" < @Today
            GROUP BY a."OrganizationId"
            """,
            (db, p) => AssignmentRows(db, Due(db, p).Where(a => (a.Status == AssignmentStatus.Reported || a.Status == AssignmentStatus.Accepted)
                && a.ReportedOn <= a.DueOn)),
            (db, p) => AssignmentRows(db, Due(db, p))),

        new("assignments_overdue", "Assignments overdue", Group_Directives, IndicatorKind.Snapshot, IndicatorUnit.Count, Better.Lower,
            "Assignments whose directive asks for a report, not reported (or accepted) and past their due date on the day of computing.",
            Permission.DirectivesRead,
            $"""
            SELECT a."OrganizationId", COUNT(*) AS "N", 0 AS "D"
            FROM "Assignments" a JOIN "Directives" d ON d."Id" = a."RootDirectiveId"
            WHERE d."ReportRequired" = TRUE AND a."Status" NOT IN ({ReportedStates}) AND a."DueOn" < @Today
            GROUP BY a."OrganizationId"
            """,
            (db, p) => AssignmentRows(db, db.Assignments.Where(a => a.Status != AssignmentStatus.Reported && a.Status != AssignmentStatus.Accepted
                && a.DueOn < p.Today && db.Directives.Any(d => d.Id == a.RootDirectiveId && d.ReportRequired)))),
    ];

    public static IndicatorDefinition? Find(string? code) => All.FirstOrDefault(d => d.Code == code);

    private static string Held => """EXISTS (SELECT 1 FROM "Terms" t WHERE t."OfficeId" = o."Id" AND t."StartsOn" <= @Today AND (t."EndsOn" IS NULL OR t."EndsOn" >= @Today))""";

    private static string RequiredOf => $"""(c."RequiredFor" = {(int)RequiredStage.Candidate} OR (c."RequiredFor" = {(int)RequiredStage.FullMember} AND m."Status" = {(int)MemberStatus.Member}))""";

    // Owes dues for the last complete month: current, joined before its end, accounting started by then, not exempt for it.
    private static string Owing(string lastNext) => $"""
        m."Status" IN ({Current}) AND m."JoinedOn" < {lastNext} AND @AccountingFrom <= @Last
        AND NOT EXISTS (SELECT 1 FROM "DuesExemptions" x WHERE x."MemberId" = m."Id" AND x."FromMonth" <= @Last AND (x."ToMonth" IS NULL OR x."ToMonth" >= @Last))
        """;

    private static string PaidFor(string from, string to, string andPaid) => $"""
        EXISTS (SELECT 1 FROM "DuesPayments" p JOIN "PaymentAllocation" a ON a."PaymentId" = p."Id"
            WHERE p."MemberId" = m."Id" AND a."Month" >= {from} AND a."Month" <= {to} {andPaid})
        """;

    private static IQueryable<Member> Owing(CadreDbContext db, HealthPeriod p, DateOnly last) =>
        db.Members.Where(m => MembershipStateMachine.Current.Contains(m.Status) && m.JoinedOn < last.AddMonths(1) && p.AccountingFrom <= last
            && !db.DuesExemptions.Any(x => x.MemberId == m.Id && x.FromMonth <= last && (x.ToMonth == null || x.ToMonth >= last)));

    private static IQueryable<Member> Studying(CadreDbContext db) =>
        db.Members.Where(m => (m.Status == MemberStatus.Candidate || m.Status == MemberStatus.Member)
            && db.Courses.Any(c => c.RequiredFor == RequiredStage.Candidate || (c.RequiredFor == RequiredStage.FullMember && m.Status == MemberStatus.Member)));

    private static IQueryable<Office> ActiveOffices(CadreDbContext db) =>
        db.Offices.Where(o => db.Organizations.Any(g => g.Id == o.OrganizationId && g.Status == OrganizationStatus.Active));

    private static IndicatorDefinition Flow(string code, string name, Better better, string definition, params MembershipEventKind[] kinds)
    {
        var list = string.Join(", ", kinds.Select(k => (int)k));
        return new IndicatorDefinition(code, name, Group_Changes, IndicatorKind.Flow, IndicatorUnit.Count, better, definition, Permission.MembersRead,
            $"""
            SELECT e."OrganizationId", COUNT(*) AS "N", 0 AS "D" FROM "MembershipEvents" e
            WHERE e."Kind" IN ({list}) AND e."On" >= @Month AND e."On" < @Next GROUP BY e."OrganizationId"
            """,
            (db, p) => EventRows(db, db.MembershipEvents.Where(e => kinds.Contains(e.Kind) && e.On >= p.Month && e.On < p.Next), receiving: false));
    }

    // A general meeting: of the whole organization, not cancelled, begun, of a deciding kind with a required frequency.
    private static string General => $"""
        m."Status" = {(int)MeetingStatus.Planned} AND m."BodyId" IS NULL AND m."StartsAt" <= @Now
        AND k."EveryMonths" IS NOT NULL AND k."Quorum" <> {(int)QuorumRule.None}
        """;

    // Somebody's attendance was marked: a meeting nobody recorded says nothing about attendance.
    private static string Recorded => $"""EXISTS (SELECT 1 FROM "Attendees" x WHERE x."MeetingId" = m."Id" AND x."Status" <> {(int)AttendanceStatus.NotRecorded})""";

    private static string Came => $"{(int)AttendanceStatus.Present}, {(int)AttendanceStatus.Late}";

    private static string ReportedStates => $"{(int)AssignmentStatus.Reported}, {(int)AssignmentStatus.Accepted}";

    // The parameter of the kind's own frequency: @Since{EveryMonths}, without an engine's date arithmetic.
    private static string ByFrequency(string prefix) =>
        "CASE k.\"EveryMonths\" " + string.Join(" ", Enumerable.Range(1, ComputeHealth.MaxScheduleMonths).Select(n => $"WHEN {n} THEN {prefix}{n}")) + " END";

    private static IQueryable<Meeting> GeneralMeetings(CadreDbContext db, HealthPeriod p) =>
        db.Meetings.Where(m => m.Status == MeetingStatus.Planned && m.BodyId == null && m.StartsAt <= p.Now
            && db.MeetingKinds.Any(k => k.Id == m.KindId && k.EveryMonths != null && k.Quorum != QuorumRule.None));

    private static IQueryable<Meeting> RecordedMeetings(CadreDbContext db, HealthPeriod p) =>
        GeneralMeetings(db, p).Where(m => db.Attendees.Any(a => a.MeetingId == m.Id && a.Status != AttendanceStatus.NotRecorded));

    private static IQueryable<Meeting> Recent(CadreDbContext db, HealthPeriod p)
    {
        var recorded = RecordedMeetings(db, p);
        return recorded.Where(m => recorded.Count(x => x.OrganizationId == m.OrganizationId
            && (x.StartsAt > m.StartsAt || (x.StartsAt == m.StartsAt && x.Id > m.Id))) < RecentMeetings);
    }

    private enum MeetingWeight
    {
        One,
        Present,
        Entitled,
    }

    // A meeting's row adds one meeting, or its full members present, or (for the base) those on the roll.
    private static IQueryable<HealthRow> MeetingRows(CadreDbContext db, IQueryable<Meeting> meetings, MeetingWeight weight)
    {
        var one = weight == MeetingWeight.One;
        var present = weight == MeetingWeight.Present;
        return from m in meetings
               join g in db.Organizations on m.OrganizationId equals g.Id
               let entitled = db.Attendees.Count(a => a.MeetingId == m.Id && a.Role == AttendeeRole.FullMember)
               let came = db.Attendees.Count(a => a.MeetingId == m.Id && a.Role == AttendeeRole.FullMember
                   && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late))
               select new HealthRow
               {
                   OrganizationId = g.Id,
                   OrganizationName = g.Name,
                   Kind = "meeting",
                   Id = m.Id,
                   Label = m.Title,
                   Name = g.Name,
                   At = m.StartsAt,
                   Count = one ? 1 : present ? came : entitled,
                   Present = came,
                   Entitled = entitled,
               };
    }

    // One row per obligation (organization and kind of meeting); the kinds with a frequency are few, read first.
    private static IQueryable<HealthRow> ScheduleRows(CadreDbContext db, HealthPeriod p, bool missed)
    {
        var kinds = db.MeetingKinds.Where(k => k.EveryMonths != null).OrderBy(k => k.Id)
            .Select(k => new { k.Id, k.Name, Every = k.EveryMonths!.Value, k.LevelId }).ToList();
        IQueryable<HealthRow>? rows = null;
        foreach (var kind in kinds)
        {
            var (kindId, name, levelId) = (kind.Id, kind.Name, kind.LevelId);
            var since = p.Now.AddMonths(-kind.Every);
            var foundedBy = DateOnly.FromDateTime(since);
            var now = p.Now;
            var organizations = db.Organizations.Where(g => g.Status == OrganizationStatus.Active && g.FoundedOn <= foundedBy
                && (levelId == null || g.LevelId == levelId));
            if (missed)
                organizations = organizations.Where(g => !db.Meetings.Any(m => m.KindId == kindId && m.OrganizationId == g.Id
                    && m.Status == MeetingStatus.Planned && m.StartsAt <= now && m.StartsAt >= since));
            var these = organizations.Select(g => new HealthRow
            {
                OrganizationId = g.Id,
                OrganizationName = g.Name,
                Kind = "schedule",
                Id = g.Id,
                Label = name,
                Name = g.Name,
                At = db.Meetings.Where(m => m.KindId == kindId && m.OrganizationId == g.Id && m.Status == MeetingStatus.Planned && m.StartsAt <= now)
                    .Max(m => (DateTime?)m.StartsAt),
            });
            rows = rows is null ? these : rows.Concat(these);
        }
        return rows ?? db.Organizations.Where(g => false).Select(g => new HealthRow { OrganizationId = g.Id, Kind = "schedule" });
    }

    private static IQueryable<Assignment> Due(CadreDbContext db, HealthPeriod p) =>
        db.Assignments.Where(a => a.DueOn >= p.Month && a.DueOn < p.Next && a.DueOn < p.Today
            && db.Directives.Any(d => d.Id == a.RootDirectiveId && d.ReportRequired));

    private static IQueryable<HealthRow> AssignmentRows(CadreDbContext db, IQueryable<Assignment> assignments) =>
        from a in assignments
        join g in db.Organizations on a.OrganizationId equals g.Id
        join d in db.Directives on a.DirectiveId equals d.Id
        select new HealthRow
        {
            OrganizationId = g.Id,
            OrganizationName = g.Name,
            Kind = "assignment",
            Id = (int)a.Id,
            Label = d.Title,
            Name = g.Name,
            On = a.DueOn,
        };

    private static IQueryable<HealthRow> MemberRows(CadreDbContext db, IQueryable<Member> members) =>
        members.Select(m => new HealthRow
        {
            OrganizationId = m.OrganizationId,
            OrganizationName = m.Organization.Name,
            Kind = "member",
            Id = m.Id,
            Label = m.Number,
            Name = m.Person.GivenName + " " + m.Person.FamilyName,
            On = m.JoinedOn,
        });

    private static IQueryable<HealthRow> EventRows(CadreDbContext db, IQueryable<MembershipEvent> events, bool receiving) =>
        (receiving
            ? events.Join(db.Organizations, e => e.DecidedById!.Value, g => g.Id, (e, g) => new { e, g })
            : events.Join(db.Organizations, e => e.OrganizationId, g => g.Id, (e, g) => new { e, g }))
        .Join(db.Members, x => x.e.MemberId, m => m.Id, (x, m) => new HealthRow
        {
            OrganizationId = x.g.Id,
            OrganizationName = x.g.Name,
            Kind = "member",
            Id = m.Id,
            Label = m.Number,
            Name = m.Person.GivenName + " " + m.Person.FamilyName,
            On = x.e.On,
        });

    private static IQueryable<HealthRow> OfficeRows(CadreDbContext db, IQueryable<Office> offices) =>
        from o in offices
        join g in db.Organizations on o.OrganizationId equals g.Id
        select new HealthRow
        {
            OrganizationId = g.Id,
            OrganizationName = g.Name,
            Kind = "office",
            Id = o.Id,
            Label = o.Title,
            Name = g.Name,
            On = o.Terms.Max(t => t.EndsOn),
        };
}
