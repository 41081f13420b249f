using Cadre.Accounts;
using Cadre.Directives;
using Cadre.Dues;
using Cadre.Education.Courses;
using Cadre.Health;
using Cadre.Meetings;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Tests.Directives;
using Cadre.Tests.Dues;
using Cadre.Tests.Infrastructure;
using Cadre.Tests.Meetings;
using static Cadre.Tests.Infrastructure.ArrangeMembership;

namespace Cadre.Tests.Health;

/// A party with something to see in every indicator. Today is 2025-03-15; dues are accounted from 2024-06, so the arrears
/// window (December to February) is owed by everyone registered (joined 2020-05-01).
public sealed record HealthParty(Tree Tree, int Paid, int LatePayer, int Resigned, int Lapsed, int Transferred, int Candidate, int Deceased,
    HealthMeetings Meetings);

/// The north branch's general meetings of January (2 of its 3 full members came), February (none came) and March (nothing
/// recorded), a study meeting in February; the south branch's of December (everyone on the roll came); a meeting of the second north
/// branch still to come. A directive of the centre due on 28 February: the north branch reported on time, the south late.
public sealed record HealthMeetings(int January, int February, int March, int December, int Directive, long NorthAssignment, long SouthAssignment);

public static class HealthArrange
{
    public static async Task<HealthParty> HealthPartyAsync(this TestDatabase database)
    {
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync(DuesArrange.Rules with { AccountingFrom = new DateOnly(2024, 6, 1) });
        var paid = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Paid", 2000);
        var late = await database.MemberWithIncomeAsync(tree.NorthBranch, "Rui", "Late", 2000);
        await database.MemberWithIncomeAsync(tree.NorthBranch, "Ivo", "Behind", 2000);
        var eva = await database.MemberWithIncomeAsync(tree.NorthBranch2, "Eva", "Behind", 2000);
        await database.MemberWithIncomeAsync(tree.SouthBranch, "Zoe", "South", 2000);
        var resigned = (await database.RegisterMemberAsync(tree.NorthBranch2, "Max", "Resigned")).MemberId;
        var lapsed = (await database.RegisterMemberAsync(tree.NorthBranch2, "Lea", "Lapsed")).MemberId;
        var deceased = (await database.RegisterMemberAsync(tree.SouthBranch, "Old", "Timer")).MemberId;
        var moving = (await database.RegisterMemberAsync(tree.NorthBranch3, "Tom", "Mover")).MemberId;
        var candidate = await database.CandidateAsync(tree.SouthBranch, "Kim", "Candidate");

        var treasurer = Actor.System("treasurer");
        var now = database.Clock.Now;
        database.Clock.Now = new DateTimeOffset(2025, 2, 20, 10, 0, 0, TimeSpan.Zero);
        (await database.PayAsync(treasurer, paid, (new DateOnly(2025, 2, 1), 30m))).Ok();
        database.Clock.Now = now;
        (await database.PayAsync(treasurer, late, (new DateOnly(2025, 2, 1), 30m))).Ok();

        (await database.RunAsync((db, a) => Resign.HandleAsync(db, a, resigned, Decided(new DateOnly(2025, 2, 10)), TestDatabase.Ct))).Ok();
        (await database.RunAsync((db, a) => RecordLapse.HandleAsync(db, a, lapsed, Decided(new DateOnly(2025, 3, 2), "dues", "unpaid"), TestDatabase.Ct))).Ok();
        (await database.RunAsync((db, a) => RecordDeath.HandleAsync(db, a, deceased, Decided(new DateOnly(2024, 12, 24)), TestDatabase.Ct))).Ok();
        var transfer = (await database.RunAsync((db, a) => RequestTransfer.HandleAsync(db, a,
            new RequestTransfer.Request { MemberId = moving, ToOrganizationId = tree.SouthBranch, On = new DateOnly(2025, 1, 5) }, TestDatabase.Ct))).Ok();
        (await database.RunAsync((db, a) => AcceptTransfer.HandleAsync(db, a, transfer, Decided(new DateOnly(2025, 1, 20)), TestDatabase.Ct))).Ok();

        await database.OfficeAsync(tree.NorthBranch, "Secretary", OfficeKind.Secretary);
        var treasurerOffice = await database.OfficeAsync(tree.NorthBranch, "Treasurer", OfficeKind.Treasurer);
        var held = await database.OfficeAsync(tree.NorthBranch2, "Secretary", OfficeKind.Secretary);
        await database.OfficeAsync(tree.NorthDistrict, "Secretary", OfficeKind.Secretary);
        var holder = (await database.MemberAsync(paid)).PersonId;
        (await database.RunAsync((db, a) => AppointToOffice.HandleAsync(db, a, treasurerOffice,
            new AppointToOffice.Request { PersonId = holder, StartsOn = new DateOnly(2022, 1, 1), EndsOn = new DateOnly(2024, 12, 31) }, TestDatabase.Ct))).Ok();
        var holder2 = (await database.MemberAsync(eva)).PersonId;
        (await database.RunAsync((db, a) => AppointToOffice.HandleAsync(db, a, held,
            new AppointToOffice.Request { PersonId = holder2, StartsOn = new DateOnly(2024, 1, 1) }, TestDatabase.Ct))).Ok();

        (await database.RunAsync((db, a) => CreateCourse.HandleAsync(db, a,
            new CreateCourse.Request { OrganizationId = tree.Centre, Title = "Fundamentals", RequiredFor = RequiredStage.Candidate }, TestDatabase.Ct))).Ok();
        var meetings = await database.MeetingsAndDirectivesAsync(tree);
        return new HealthParty(tree, paid, late, resigned, lapsed, moving, candidate, deceased, meetings);
    }

    public static async Task<HealthMeetings> MeetingsAndDirectivesAsync(this TestDatabase database, Tree tree)
    {
        var january = await database.ScheduleAsync(tree.NorthBranch, new DateTime(2025, 1, 20, 18, 0, 0, DateTimeKind.Utc));
        await database.AttendAsync(january, AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Absent);
        var february = await database.ScheduleAsync(tree.NorthBranch, new DateTime(2025, 2, 20, 18, 0, 0, DateTimeKind.Utc));
        await database.AttendAsync(february, AttendanceStatus.Excused, AttendanceStatus.Absent, AttendanceStatus.Absent);
        var march = await database.ScheduleAsync(tree.NorthBranch, new DateTime(2025, 3, 10, 18, 0, 0, DateTimeKind.Utc));
        var study = await database.ScheduleAsync(tree.NorthBranch, new DateTime(2025, 2, 25, 18, 0, 0, DateTimeKind.Utc), kind: "Study meeting");
        await database.AttendAsync(study, AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present);
        var december = await database.ScheduleAsync(tree.SouthBranch, new DateTime(2024, 12, 12, 18, 0, 0, DateTimeKind.Utc));
        await database.AttendAsync(december, [.. Enumerable.Repeat(AttendanceStatus.Present, 20)]);
        await database.ScheduleAsync(tree.NorthBranch2, new DateTime(2025, 3, 20, 18, 0, 0, DateTimeKind.Utc));

        var now = database.Clock.Now;
        database.Clock.Now = new DateTimeOffset(2025, 2, 10, 10, 0, 0, TimeSpan.Zero);
        var directive = (await database.IssueAsync(DirectiveArrange.Directive(tree.Centre, new DateOnly(2025, 2, 28), figures: []))).Ok().DirectiveId;
        var north = await database.AssignmentOfAsync(directive, tree.NorthBranch);
        var south = await database.AssignmentOfAsync(directive, tree.SouthBranch);
        (await database.AcknowledgeAsync(north)).Ok();
        (await database.ReportAsync(north)).Ok();
        database.Clock.Now = now;
        (await database.AcknowledgeAsync(south)).Ok();
        (await database.ReportAsync(south)).Ok();
        return new HealthMeetings(january, february, march, december, directive, north, south);
    }

    /// Marks the roll in its order (full members, candidates and guests alike), as many as statuses are given.
    public static async Task AttendAsync(this TestDatabase database, int meetingId, params AttendanceStatus[] statuses)
    {
        var roll = await database.RollAsync(meetingId);
        var marks = roll.Zip(statuses, (a, s) => (a.Id, s)).ToArray();
        (await database.MarkAsync(meetingId, Actor.System("test"), marks)).Ok();
    }

    public static async Task<int> OfficeAsync(this TestDatabase database, int organizationId, string title, OfficeKind kind) =>
        (await database.RunAsync((db, a) => CreateOffice.HandleAsync(db, a, organizationId,
            new CreateOffice.Request { Title = title, Kind = kind }, TestDatabase.Ct))).Ok();

    public static async Task<ComputeHealth.Computed> ComputeAsync(this TestDatabase database, int flowMonths = ComputeHealth.DefaultFlowMonths)
    {
        await using var db = database.Context(Actor.System("health"));
        return await ComputeHealth.RunAsync(db, TestDatabase.Ct, flowMonths);
    }
}
