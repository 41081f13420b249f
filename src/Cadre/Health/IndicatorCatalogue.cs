using Cadre.Accounts;
using Cadre.Data;
using Cadre.Education.Courses;
using Cadre.Members;
using Cadre.Organizations;

namespace Cadre.Health;

/// Every indicator Cadre computes, with its definition (docs/health.md has the same words). The SQL reads the
/// parameters @Month, @Next, @Today, @Last, @LastNext, @ArrearsFrom, @ArrearsNext and @AccountingFrom (ComputeHealth).
public static class IndicatorCatalogue
{
    /// Members with nothing paid for this many complete months in a row (through the last complete month) are in arrears.
    public const int ArrearsMonths = 3;

    private static readonly string Current = string.Join(", ", MembershipStateMachine.Current.Select(s => (int)s));

    private const string Group_Membership = "Membership";
    private const string Group_Changes = "Changes";
    private const string Group_Dues = "Dues";
    private const string Group_Education = "Education";
    private const string Group_Offices = "Offices";

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
