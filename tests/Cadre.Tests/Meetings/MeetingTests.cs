using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Organizations;
using Cadre.Tests.Directives;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Meetings;

public sealed class MeetingTests
{
    private static CancellationToken Ct => TestDatabase.Ct;

    private sealed record Branch(TestDatabase Database, Tree Tree, Actor Secretary, int Meeting, List<Attendee> Roll);

    /// The north branch with five full members (one with an e-mail) and a candidate, and a general meeting held
    /// yesterday evening with a guest invited.
    private static async Task<Branch> ArrangeAsync(TestDatabase database)
    {
        var tree = await database.CreateTreeAsync();
        foreach (var (given, family) in new[] { ("Ana", "Alves"), ("Bo", "Berg"), ("Cy", "Cruz"), ("Di", "Dunn"), ("Ed", "Eck") })
            await database.RegisterMemberAsync(tree.NorthBranch, given, family);
        await database.CandidateMemberAsync(tree.NorthBranch, "Flo", "Fern");
        await database.RegisterMemberAsync(tree.SouthBranch, "Gus", "Gray");
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthBranch);
        var meeting = await database.ScheduleAsync(tree.NorthBranch, actor: secretary, agenda: ["Report of the committee", "The campaign"]);
        (await database.RunAsync((db, a) => InviteGuest.HandleAsync(db, a, meeting, new InviteGuest.Request { Name = "Hal Guest", Email = "hal@example.org" }, Ct), secretary)).Ok();
        return new Branch(database, tree, secretary, meeting, await database.RollAsync(meeting));
    }

    private static int Id(Branch b, string name) => b.Roll.Single(a => a.Name == name).Id;

    private static Task<Result<RecordDecision.Recorded>> DecideAsync(Branch b, int votesFor, bool adopted = true, int against = 0, int abstaining = 0) =>
        b.Database.RunAsync((db, a) => RecordDecision.HandleAsync(db, a, b.Meeting, new RecordDecision.Request
        {
            Text = "The branch joins the **campaign**.", VotesFor = votesFor, VotesAgainst = against, Abstaining = abstaining, Adopted = adopted,
        }, Ct), b.Secretary);

    [Theory]
    [InlineData(QuorumRule.MoreThanHalf, 5, 3, true)]
    [InlineData(QuorumRule.MoreThanHalf, 6, 3, false)]
    [InlineData(QuorumRule.MoreThanHalf, 6, 4, true)]
    [InlineData(QuorumRule.MoreThanHalf, 0, 0, false)]
    [InlineData(QuorumRule.AtLeastTwoThirds, 6, 4, true)]
    [InlineData(QuorumRule.AtLeastTwoThirds, 7, 4, false)]
    [InlineData(QuorumRule.AtLeastTwoThirds, 7, 5, true)]
    [InlineData(QuorumRule.AtLeastOneThird, 7, 3, true)]
    [InlineData(QuorumRule.AtLeastOneThird, 7, 2, false)]
    [InlineData(QuorumRule.None, 0, 0, true)]
    public void Quorum_follows_its_rule_at_the_boundary(QuorumRule rule, int entitled, int present, bool reached) =>
        Assert.Equal(reached, new Quorum(rule, entitled, present).Reached);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Candidates_and_guests_attend_without_counting_and_no_decision_is_adopted_without_quorum(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var b = await ArrangeAsync(database);
        Assert.Equal([(AttendeeRole.FullMember, 5), (AttendeeRole.Candidate, 1), (AttendeeRole.Guest, 1)],
            b.Roll.GroupBy(a => a.Role).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key).ToList());

        var quorum = (await database.MarkAsync(b.Meeting, b.Secretary, (Id(b, "Ana Alves"), AttendanceStatus.Present), (Id(b, "Bo Berg"), AttendanceStatus.Present),
            (Id(b, "Flo Fern"), AttendanceStatus.Present), (Id(b, "Hal Guest"), AttendanceStatus.Present), (Id(b, "Di Dunn"), AttendanceStatus.Excused))).Ok();
        Assert.Equal((5, 2, 3, false), (quorum.Entitled, quorum.Present, quorum.Required, quorum.Reached));

        var refused = (await DecideAsync(b, 2)).Fails<QuorumNotReached, RecordDecision.Recorded>();
        Assert.Equal((2, 3), (refused.Present, refused.Required));
        Assert.Equal(0, await database.CountAsync<Decision>());
        // Without quorum the meeting may still record that a motion was not adopted.
        Assert.Equal("2025/1", (await DecideAsync(b, 1, adopted: false, against: 1)).Ok().Number);

        quorum = (await database.MarkAsync(b.Meeting, b.Secretary, (Id(b, "Cy Cruz"), AttendanceStatus.Late))).Ok();
        Assert.True(quorum.Reached);
        Assert.IsType<MoreVotesThanVoters>((await DecideAsync(b, 3, against: 1)).Error);
        Assert.IsType<VoteDoesNotCarry>((await DecideAsync(b, 1, against: 1, abstaining: 1)).Error);
        Assert.Equal("2025/2", (await DecideAsync(b, 2, against: 1)).Ok().Number);

        // Numbers run per organization: the south branch's first decision of the year is its own 2025/1.
        var southSecretary = Arrange.Holding(Role.Secretary, b.Tree.SouthBranch);
        var south = await database.ScheduleAsync(b.Tree.SouthBranch, actor: southSecretary);
        var gus = (await database.RollAsync(south)).Single().Id;
        (await database.MarkAsync(south, southSecretary, (gus, AttendanceStatus.Present))).Ok();
        // A decision cites a directive the branch received; one issued to another district is refused.
        var directive = (await database.IssueAsync(DirectiveArrange.Directive(b.Tree.Centre, new DateOnly(2030, 1, 1)))).Ok().DirectiveId;
        var northOnly = (await database.IssueAsync(DirectiveArrange.Directive(b.Tree.NorthDistrict, new DateOnly(2030, 1, 1)))).Ok().DirectiveId;
        var notAssigned = await database.RunAsync((db, a) => RecordDecision.HandleAsync(db, a, south,
            new RecordDecision.Request { Text = "Adopted.", VotesFor = 1, DirectiveId = northOnly }, Ct), southSecretary);
        Assert.Equal(northOnly, Assert.IsType<DirectiveNotAssigned>(notAssigned.Error).DirectiveId);
        var southDecision = await database.RunAsync((db, a) => RecordDecision.HandleAsync(db, a, south,
            new RecordDecision.Request { Text = "Adopted.", VotesFor = 1, DirectiveId = directive }, Ct), southSecretary);
        Assert.Equal("2025/1", southDecision.Ok().Number);

        await using var db = database.Context();
        Assert.Equal(directive, await db.Decisions.Where(d => d.OrganizationId == b.Tree.SouthBranch).Select(d => d.DirectiveId).SingleAsync(Ct));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Decision), Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Attendee) && e.Action == AuditAction.Updated && e.OrganizationId == b.Tree.NorthBranch, Ct));
        var view = (await MeetingQueries.GetAsync(db, b.Secretary, b.Meeting, Ct)).Ok();
        Assert.Equal(["2025/1", "2025/2"], view.Decisions.Select(d => d.Number).ToList());
        Assert.Contains("<strong>campaign</strong>", view.Decisions[1].TextHtml, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Attendance_for_someone_not_on_the_roll_or_before_the_meeting_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var b = await ArrangeAsync(database);
        var stranger = (await database.RollAsync(await database.ScheduleAsync(b.Tree.SouthBranch))).Single().Id;

        var refused = (await database.MarkAsync(b.Meeting, b.Secretary, (Id(b, "Ana Alves"), AttendanceStatus.Present), (stranger, AttendanceStatus.Present)))
            .Fails<NotOnTheRoll, Quorum>();
        Assert.Equal(stranger, refused.AttendeeId);
        Assert.IsType<InvalidField>((await database.MarkAsync(b.Meeting, b.Secretary, (Id(b, "Ana Alves"), (AttendanceStatus)77))).Error);
        Assert.All(await database.RollAsync(b.Meeting), a => Assert.Equal(AttendanceStatus.NotRecorded, a.Status));

        var next = await database.ScheduleAsync(b.Tree.NorthBranch, database.Clock.Now.UtcDateTime.AddDays(7), b.Secretary);
        var early = (await database.MarkAsync(next, b.Secretary, ((await database.RollAsync(next))[0].Id, AttendanceStatus.Present))).Fails<MeetingNotYetBegun, Quorum>();
        Assert.Equal(database.Clock.Now.UtcDateTime.AddDays(7), early.StartsAt);
        Assert.IsType<MeetingNotYetBegun>((await database.RunAsync((db, a) => WriteMinutes.HandleAsync(db, a, next, new WriteMinutes.Request("Early."), Ct), b.Secretary)).Error);
        (await database.RunAsync((db, a) => CancelMeeting.HandleAsync(db, a, next, Ct), b.Secretary)).Ok();
        Assert.IsType<MeetingCancelled>((await database.RunAsync((db, a) => CancelMeeting.HandleAsync(db, a, next, Ct), b.Secretary)).Error);
        Assert.IsType<MeetingAlreadyHeld>((await database.RunAsync((db, a) => CancelMeeting.HandleAsync(db, a, b.Meeting, Ct), b.Secretary)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Minutes_are_approved_at_the_next_meeting_and_closed_after_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var b = await ArrangeAsync(database);
        Task<Result<Done>> Write(int meeting, string text) =>
            database.RunAsync((db, a) => WriteMinutes.HandleAsync(db, a, meeting, new WriteMinutes.Request(text), Ct), b.Secretary);
        Task<Result<Done>> Approve(int at, int meeting) =>
            database.RunAsync((db, a) => ApproveMinutes.HandleAsync(db, a, at, new ApproveMinutes.Request(meeting), Ct), b.Secretary);

        var earlier = await database.ScheduleAsync(b.Tree.NorthBranch, database.Clock.Now.UtcDateTime.AddDays(-30), b.Secretary);
        Assert.IsType<NoMinutesToApprove>((await Approve(b.Meeting, earlier)).Error);
        (await Write(earlier, "# Minutes\n\nPresent: five. <script>alert(1)</script>")).Ok();
        (await Write(b.Meeting, "Minutes of yesterday.")).Ok();
        Assert.IsType<ApprovalNotAtALaterMeeting>((await Approve(earlier, b.Meeting)).Error);
        var south = await database.ScheduleAsync(b.Tree.SouthBranch);
        Assert.IsType<ApprovalNotAtALaterMeeting>((await database.RunAsync((db, a) => ApproveMinutes.HandleAsync(db, a, south, new ApproveMinutes.Request(earlier), Ct))).Error);
        Assert.IsType<MeetingNotFound>((await Approve(south, earlier)).Error);
        (await Approve(b.Meeting, earlier)).Ok();

        Assert.IsType<MinutesAlreadyApproved>((await Write(earlier, "Rewritten.")).Error);
        Assert.IsType<MinutesAlreadyApproved>((await Approve(b.Meeting, earlier)).Error);
        await using var db = database.Context();
        var view = (await MeetingQueries.GetAsync(db, b.Secretary, earlier, Ct)).Ok();
        Assert.Equal(b.Meeting, view.MinutesApprovedAtId);
        Assert.Contains("&lt;script&gt;", view.MinutesHtml, StringComparison.Ordinal);
        Assert.Empty((await MeetingQueries.GetAsync(db, b.Secretary, b.Meeting, Ct)).Ok().AwaitingApproval);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Meetings_outside_the_subtree_are_not_found_and_readers_may_not_keep_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var b = await ArrangeAsync(database);
        var southSecretary = Arrange.Holding(Role.Secretary, b.Tree.SouthDistrict);
        var control = Arrange.Holding(Role.ControlCommission, b.Tree.North);
        var ana = Id(b, "Ana Alves");

        Assert.IsType<MeetingNotFound>((await database.MarkAsync(b.Meeting, southSecretary, (ana, AttendanceStatus.Present))).Error);
        Assert.IsType<MeetingNotFound>((await MeetingQueries.GetAsync(database.Context(), southSecretary, b.Meeting, Ct)).Error);
        Assert.IsType<MeetingScopeNotFound>((await MeetingQueries.ListAsync(database.Context(), southSecretary, b.Tree.NorthBranch, null, 20, Ct)).Error);
        Assert.IsType<MeetingOrganizationNotFound>((await database.TryScheduleAsync(b.Tree.NorthBranch, southSecretary)).Error);
        Assert.IsType<MeetingsNotPermitted>((await database.MarkAsync(b.Meeting, control, (ana, AttendanceStatus.Present))).Error);
        Assert.IsType<MeetingsNotPermitted>((await database.TryScheduleAsync(b.Tree.NorthBranch, control)).Error);
        Assert.True((await MeetingQueries.GetAsync(database.Context(), control, b.Meeting, Ct)).IsSuccess);
        Assert.All(await database.RollAsync(b.Meeting), a => Assert.Equal(AttendanceStatus.NotRecorded, a.Status));
        Assert.Equal(1, await database.CountAsync<Meeting>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_body_meets_with_its_office_holders_and_bad_schedules_are_named(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var b = await ArrangeAsync(database);
        var bureau = (await database.RunAsync((db, a) => CreateBody.HandleAsync(db, a, b.Tree.NorthBranch,
            new CreateBody.Request { Name = "Branch bureau", Kind = BodyKind.Bureau }, Ct))).Ok();
        var office = (await database.RunAsync((db, a) => CreateOffice.HandleAsync(db, a, b.Tree.NorthBranch,
            new CreateOffice.Request { Title = "Bureau member", BodyId = bureau, Kind = OfficeKind.Member, Seats = 3 }, Ct))).Ok();
        foreach (var name in new[] { "Ana Alves", "Bo Berg" })
        {
            var person = b.Roll.Single(a => a.Name == name).PersonId!.Value;
            (await database.RunAsync((db, a) => AppointToOffice.HandleAsync(db, a, office, new AppointToOffice.Request { PersonId = person, StartsOn = new DateOnly(2024, 1, 1) }, Ct))).Ok();
        }
        var session = await database.ScheduleAsync(b.Tree.NorthBranch, actor: b.Secretary, kind: "Bureau session", bodyId: bureau);
        Assert.Equal(["Ana Alves", "Bo Berg"], (await database.RollAsync(session)).Select(a => a.Name).Order().ToList());

        var kind = await database.KindIdAsync("General meeting");
        var bad = await database.RunAsync((db, a) => ScheduleMeeting.HandleAsync(db, a, new ScheduleMeeting.Request
        {
            OrganizationId = b.Tree.NorthBranch, KindId = kind, StartsAt = new DateTime(2025, 4, 1, 18, 0, 0), EndsAt = new DateTime(2025, 4, 1, 17, 0, 0),
            OnlineLink = "javascript:alert(1)", Agenda = ["", "ok"],
        }, Ct), b.Secretary);
        var fields = bad.Fails<ValidationFailed, int>().Errors.Select(f => f.FieldName).ToList();
        Assert.Equal(["EndsAt", "OnlineLink", "Agenda[0]"], fields);
        Assert.IsType<MeetingBodyNotFound>((await database.RunAsync((db, a) => ScheduleMeeting.HandleAsync(db, a, new ScheduleMeeting.Request
        {
            OrganizationId = b.Tree.SouthBranch, BodyId = bureau, KindId = kind, StartsAt = new DateTime(2025, 4, 1, 18, 0, 0), Place = "Hall",
        }, Ct))).Error);
        Assert.IsType<MeetingKindNotFound>((await database.RunAsync((db, a) => ScheduleMeeting.HandleAsync(db, a, new ScheduleMeeting.Request
        {
            OrganizationId = b.Tree.NorthBranch, KindId = 9999, StartsAt = new DateTime(2025, 4, 1, 18, 0, 0), Place = "Hall",
        }, Ct))).Error);
        Assert.Equal(2, await database.CountAsync<Meeting>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Organizations_that_miss_the_required_frequency_are_listed_within_the_readers_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var now = database.Clock.Now.UtcDateTime;
        await database.ScheduleAsync(tree.NorthBranch, now.AddDays(-10));
        await database.ScheduleAsync(tree.NorthBranch2, now.AddDays(-45));
        await database.ScheduleAsync(tree.NorthBranch3, now.AddDays(5)); // planned, not yet held
        var cancelled = await database.ScheduleAsync(tree.SouthBranch, now.AddDays(2));
        (await database.RunAsync((db, a) => CancelMeeting.HandleAsync(db, a, cancelled, Ct))).Ok();
        var general = await database.KindIdAsync("General meeting");

        var all = (await MissedSchedules.ListAsync(database.Context(), ArrangeMembership.Admin, null, general, 100, Ct)).Ok();
        Assert.Equal(["N-1-2", "N-2-1", "S-1-1"], all.Select(m => m.OrganizationCode).ToList());
        Assert.Equal(now.AddDays(-45), all[0].LastHeldAt);
        var district = Arrange.Holding(Role.Secretary, tree.NorthDistrict);
        Assert.Equal(["N-1-2"], (await MissedSchedules.ListAsync(database.Context(), district, null, general, 100, Ct)).Ok().Select(m => m.OrganizationCode).ToList());
        Assert.Equal(["N-2-1"], (await MissedSchedules.ListAsync(database.Context(), ArrangeMembership.Admin, tree.NorthDistrict2, general, 100, Ct)).Ok()
            .Select(m => m.OrganizationCode).ToList());
        Assert.IsType<MeetingScopeNotFound>((await MissedSchedules.ListAsync(database.Context(), district, tree.SouthDistrict, null, 100, Ct)).Error);
        // The quarterly study meeting: no branch has held one.
        var study = await database.KindIdAsync("Study meeting");
        Assert.Equal(4, (await MissedSchedules.ListAsync(database.Context(), ArrangeMembership.Admin, null, study, 100, Ct)).Ok().Count);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Kinds_are_defined_by_an_administrator_with_named_errors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var id = (await database.RunAsync((db, a) => DefineMeetingKind.HandleAsync(db, a,
            new DefineMeetingKind.Request { Name = "Party lesson", Quorum = QuorumRule.None, EveryMonths = 3 }, Ct))).Ok();
        Assert.IsType<MeetingKindNameTaken>((await database.RunAsync((db, a) => DefineMeetingKind.HandleAsync(db, a,
            new DefineMeetingKind.Request { Name = "Party lesson" }, Ct))).Error);
        Assert.IsType<ValidationFailed>((await database.RunAsync((db, a) => DefineMeetingKind.ChangeAsync(db, a, id,
            new DefineMeetingKind.Request { Name = "Party lesson", EveryMonths = 0, Quorum = (QuorumRule)9 }, Ct))).Error);
        Assert.IsType<MeetingKindsNotPermitted>((await database.RunAsync((db, a) => DefineMeetingKind.HandleAsync(db, a,
            new DefineMeetingKind.Request { Name = "Other" }, Ct), Arrange.Holding(Role.Secretary, tree.Centre))).Error);
        (await database.RunAsync((db, a) => DefineMeetingKind.ChangeAsync(db, a, id,
            new DefineMeetingKind.Request { Name = "Party lesson", Quorum = QuorumRule.AtLeastOneThird, EveryMonths = 2 }, Ct))).Ok();
        var kinds = await MeetingQueries.KindsAsync(database.Context(), Ct);
        Assert.Equal(5, kinds.Count);
        Assert.Equal((QuorumRule.AtLeastOneThird, 2), kinds.Where(k => k.Id == id).Select(k => (k.Quorum, k.EveryMonths)).Single());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Calendar_feeds_list_the_meetings_and_a_revoked_address_answers_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var b = await ArrangeAsync(database);
        var user = await database.UserAsync(b.Tree.NorthBranch);
        var feed = (await CalendarFeeds.IssueForOrganizationAsync(database.Context(), user, b.Tree.NorthBranch, Ct)).Ok();
        Assert.IsType<MeetingOrganizationNotFound>((await CalendarFeeds.IssueForOrganizationAsync(database.Context(), user, b.Tree.SouthBranch, Ct)).Error);

        var ics = (await CalendarFeeds.FeedAsync(database.Context(), feed.Secret, Ct)).Ok();
        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:meeting-{b.Meeting}@cadre", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Union hall", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20250314T180000Z", ics, StringComparison.Ordinal);

        (await CalendarFeeds.RevokeAsync(database.Context(), user, feed.Id, Ct)).Ok();
        Assert.IsType<CalendarTokenNotFound>((await CalendarFeeds.FeedAsync(database.Context(), feed.Secret, Ct)).Error);
        Assert.IsType<CalendarTokenNotFound>((await CalendarFeeds.FeedAsync(database.Context(), feed.Secret + "x", Ct)).Error);
        Assert.IsType<CalendarTokenNotFound>((await CalendarFeeds.RevokeAsync(database.Context(), Arrange.Holding(Role.Secretary, b.Tree.NorthBranch), feed.Id, Ct)).Error);

        // A member's own feed: the meetings on whose roll they stand.
        var ana = b.Roll.Single(a => a.Name == "Ana Alves").PersonId!.Value;
        var member = await database.UserAsync(b.Tree.NorthBranch, Role.Member, ana);
        var mine = (await CalendarFeeds.IssueMineAsync(database.Context(), member, Ct)).Ok();
        Assert.Contains($"UID:meeting-{b.Meeting}@cadre", (await CalendarFeeds.FeedAsync(database.Context(), mine.Secret, Ct)).Ok(), StringComparison.Ordinal);
        Assert.IsType<NoMemberCalendar>((await CalendarFeeds.IssueMineAsync(database.Context(), user, Ct)).Error);
    }
}

internal static class MeetingTestSteps
{
    public static async Task<Result<int>> TryScheduleAsync(this TestDatabase database, int organizationId, Actor actor)
    {
        var kind = await database.KindIdAsync("General meeting");
        return await database.RunAsync((db, a) => ScheduleMeeting.HandleAsync(db, a, new ScheduleMeeting.Request
        {
            OrganizationId = organizationId, KindId = kind, StartsAt = new DateTime(2025, 4, 1, 18, 0, 0, DateTimeKind.Utc), Place = "Hall",
        }, TestDatabase.Ct), actor);
    }

    /// A real account (calendar addresses belong to one) holding a role at an organization.
    public static async Task<Actor> UserAsync(this TestDatabase database, int organizationId, Role role = Role.Secretary, int? personId = null)
    {
        await using var db = database.Context();
        var id = Guid.NewGuid().ToString("N");
        db.Users.Add(new CadreUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), PersonId = personId, CreatedAt = db.Now });
        db.RoleGrants.Add(RoleGrant.Create(id, role, organizationId, db.Now));
        await db.SaveChangesAsync(TestDatabase.Ct);
        return (await ActorLoader.LoadAsync(db, id, TestDatabase.Ct))!;
    }
}
