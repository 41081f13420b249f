using Cadre.Accounts;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Synthetic;
using Cadre.Tests.Demo;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Meetings;

public sealed class SyntheticMeetingsTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_synthetic_party_holds_monthly_general_meetings_with_attendance_that_the_queries_read(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await SyntheticParty.SeedAsync(database.Context(), new SyntheticOptions(2_000, 2, 1), null, TestDatabase.Ct)).Ok();
        await using var db = database.Context();

        var primaries = await db.Organizations.CountAsync(o => o.Level.Rank == 3, TestDatabase.Ct);
        var meetings = await db.Meetings.CountAsync(TestDatabase.Ct);
        Assert.InRange(meetings, primaries * 2, primaries * 3);
        Assert.Equal(meetings * 3, await db.AgendaItems.CountAsync(TestDatabase.Ct));
        // Only held meetings have attendance; candidates never count for quorum.
        Assert.False(await db.Attendees.AnyAsync(a => a.Status != AttendanceStatus.NotRecorded && db.Meetings.Any(m => m.Id == a.MeetingId && m.StartsAt > db.Now), TestDatabase.Ct));
        var statuses = await db.Attendees.Where(a => a.Status != AttendanceStatus.NotRecorded).GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, TestDatabase.Ct);
        var recorded = statuses.Values.Sum();
        Assert.InRange(statuses[AttendanceStatus.Present] / (double)recorded, 0.65, 0.75);

        var some = await db.Meetings.Where(m => m.StartsAt <= db.Now).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(TestDatabase.Ct);
        var view = (await MeetingQueries.GetAsync(database.Context(), Actor.System("test"), some, TestDatabase.Ct)).Ok();
        Assert.Equal(view.Roll.Count(a => a.Role == AttendeeRole.FullMember), view.Quorum.Entitled);
        Assert.Equal(3, view.Agenda.Count);
        var general = await db.MeetingKinds.Where(k => k.Name == "General meeting").Select(k => k.Id).SingleAsync(TestDatabase.Ct);
        var missed = (await MissedSchedules.ListAsync(database.Context(), Actor.System("test"), null, general, 500, TestDatabase.Ct)).Ok();
        Assert.InRange(missed.Count, 1, primaries - 1);

        // A meeting scheduled now gets the next ids.
        var branch = view.Meeting.OrganizationId;
        var id = (await ScheduleMeeting.HandleAsync(database.Context(), Actor.System("test"), new ScheduleMeeting.Request
        {
            OrganizationId = branch, KindId = general, StartsAt = db.Now.AddDays(3), Place = "Hall", Agenda = ["One"],
        }, TestDatabase.Ct)).Ok();
        Assert.True(id > meetings);
    }
}

public sealed class SyntheticDecisionsTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Held_meetings_with_quorum_adopt_numbered_decisions_some_implementing_the_branchs_directives(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await SyntheticParty.SeedAsync(database.Context(), new SyntheticOptions(2_000, 2, 1), null, TestDatabase.Ct)).Ok();
        await using var db = database.Context();

        var decisions = await db.Decisions.AsNoTracking().ToListAsync(TestDatabase.Ct);
        Assert.NotEmpty(decisions);
        // Numbered 1, 2, 3 … per organization and year, in meeting order; the votes carry and never exceed the full members present.
        foreach (var year in decisions.GroupBy(d => (d.OrganizationId, d.Year)))
            Assert.Equal(Enumerable.Range(1, year.Count()), year.OrderBy(d => d.MeetingId).ThenBy(d => d.Id).Select(d => d.Sequence));
        Assert.All(decisions, d => Assert.Equal(Decision.Format(d.Year, d.Sequence), d.Number));
        foreach (var d in decisions.Take(50))
        {
            var view = (await MeetingQueries.GetAsync(database.Context(), Actor.System("test"), d.MeetingId, TestDatabase.Ct)).Ok();
            Assert.True(view.Begun && view.Quorum.Reached, $"Decision {d.Number} of meeting {d.MeetingId} without quorum.");
            Assert.True(d.VotesFor > d.VotesAgainst && d.VotesFor + d.VotesAgainst + d.Abstaining <= view.Quorum.Present);
            Assert.Contains(view.Agenda, a => a.Id == d.AgendaItemId);
        }
        // Those that cite a directive cite one their organization was assigned.
        var citing = decisions.Where(d => d.DirectiveId is not null).ToList();
        Assert.InRange(citing.Count, 1, decisions.Count - 1);
        foreach (var d in citing)
            Assert.True(await db.Assignments.AnyAsync(a => a.OrganizationId == d.OrganizationId && a.DirectiveId == d.DirectiveId, TestDatabase.Ct));

        // The next decision a branch records follows the synthetic ones.
        var last = decisions.Where(d => d.Year == db.Now.Year).OrderByDescending(d => d.Sequence).First();
        var kind = await db.MeetingKinds.Where(k => k.Name == "General meeting").Select(k => k.Id).SingleAsync(TestDatabase.Ct);
        var system = Actor.System("test");
        var meeting = (await ScheduleMeeting.HandleAsync(database.Context(system), system, new ScheduleMeeting.Request
        {
            OrganizationId = last.OrganizationId, KindId = kind, StartsAt = db.Now.AddMinutes(-5), Place = "Hall", Agenda = ["One"],
        }, TestDatabase.Ct)).Ok();
        var roll = await db.Attendees.Where(a => a.MeetingId == meeting && a.Role == AttendeeRole.FullMember).Select(a => a.Id).ToListAsync(TestDatabase.Ct);
        (await RecordAttendance.HandleAsync(database.Context(system), system, meeting,
            new RecordAttendance.Request(roll.Select(id => new RecordAttendance.Mark(id, AttendanceStatus.Present)).ToList()), TestDatabase.Ct)).Ok();
        var recorded = (await RecordDecision.HandleAsync(database.Context(system), system, meeting,
            new RecordDecision.Request { Text = "Next.", VotesFor = 1 }, TestDatabase.Ct)).Ok();
        Assert.Equal(Decision.Format(last.Year, last.Sequence + 1), recorded.Number);
    }
}

public sealed class DemoMeetingsTests(SeededDemo demo)
{
    [Fact]
    public async Task The_demo_branch_has_a_held_meeting_with_a_numbered_decision_approved_minutes_and_one_planned()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        // The other branches' general meetings are the health demo's (DemoHealth).
        var decision = await db.Decisions.SingleAsync(TestContext.Current.CancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.OrganizationId == decision.OrganizationId).OrderBy(m => m.StartsAt)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, meetings.Count);
        Assert.Equal(meetings[1].Id, meetings[0].MinutesApprovedAtId);
        Assert.True(decision.Adopted);
        Assert.Equal($"{meetings[0].StartsAt.Year}/1", decision.Number);
        Assert.True(meetings[2].StartsAt > db.Now);
    }
}
