using Cadre.Common;
using Cadre.Data;
using Cadre.Meetings;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;
using Decision = Cadre.Meetings.Decision;

namespace Cadre.Synthetic;

/// What the synthetic meetings wrote.
public sealed record SyntheticMeetingCounts(long Meetings, long AgendaItems, long Attendees, long Decisions = 0, long DecisionsOnDirectives = 0);

/// The synthetic party's branch life, written in bulk like its members: every primary organization holds the monthly
/// general meeting of the last three months (one in ten skipped one, so the missed-schedule list has entries), with
/// its agenda, a roll of the members then in the branch (full members and candidates) and attendance drawn per person
/// (70 % present, 5 % late, 15 % excused, 10 % absent); minutes for the held ones. A held meeting with its quorum adopts one or
/// two numbered decisions ("2026/3", numbered per organization and year in meeting order, the counters RecordDecision goes on
/// from raised to match); the first cites, two times in three, the latest directive the branch was assigned before the meeting
/// (issued in the two months before it), as a decision implementing it does. Drawn from its own Random(seed), after the
/// education and the directives, so the earlier draws are the same with or without it.
internal static class SyntheticMeetings
{
    private const int Months = 3;
    private const int MeetingsPerChunk = 5_000;
    private static readonly string[] Agenda = ["Reports of the committee", "The campaign of the month", "Admissions and dues"];

    public static async Task<SyntheticMeetingCounts> SeedAsync(CadreDbContext db, int seed, DateTime now, CancellationToken ct)
    {
        var random = new Random(unchecked((seed * 7919) + 7));
        var kind = await db.MeetingKinds.AsNoTracking().Where(k => k.Name == "General meeting").Select(k => (int?)k.Id).FirstOrDefaultAsync(ct);
        if (kind is null) return new SyntheticMeetingCounts(0, 0, 0);
        // Loaded before writing: PostgreSQL runs one command at a time on a connection.
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Candidate || m.Status == MemberStatus.Member)
            .OrderBy(m => m.OrganizationId).ThenBy(m => m.Id)
            .Select(m => new { m.OrganizationId, m.PersonId, m.Status, m.JoinedOn, m.Person.GivenName, m.Person.FamilyName, m.Person.Email })
            .ToListAsync(ct);

        // The directives each branch was assigned, by issue date: a decision cites one issued before its meeting.
        var assigned = (await (from a in db.Assignments.AsNoTracking()
                               join d in db.Directives on a.DirectiveId equals d.Id
                               select new { a.OrganizationId, a.DirectiveId, d.IssuedOn }).ToListAsync(ct))
            .ToLookup(a => a.OrganizationId, a => (a.DirectiveId, a.IssuedOn));

        await using var meetings = BulkTable.For<Meeting>(db);
        await using var decisions = BulkTable.For<Decision>(db);
        var decisionRows = new List<object?[]>();
        var counters = new Dictionary<string, int>();
        long decisionId = 0, onDirectives = 0;
        await using var agenda = BulkTable.For<AgendaItem>(db);
        await using var attendees = BulkTable.For<Attendee>(db);
        var rows = (Meetings: new List<object?[]>(), Agenda: new List<object?[]>(), Attendees: new List<object?[]>());
        long meetingId = 0, itemId = 0, attendeeId = 0;
        var firstOfMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);

        foreach (var branch in members.GroupBy(m => m.OrganizationId))
        {
            for (var back = Months - 1; back >= 0; back--)
            {
                if (random.NextDouble() < 0.1) continue;
                var startsAt = firstOfMonth.AddMonths(-back).AddDays(random.Next(0, 20)).AddHours(18);
                var held = startsAt <= now;
                var id = (int)++meetingId;
                var meeting = meetings.NewRow();
                meetings.Set(meeting, nameof(Meeting.Id), id);
                meetings.Set(meeting, nameof(Meeting.OrganizationId), branch.Key);
                meetings.Set(meeting, nameof(Meeting.KindId), kind.Value);
                meetings.Set(meeting, nameof(Meeting.Title), "General meeting");
                meetings.Set(meeting, nameof(Meeting.StartsAt), startsAt);
                meetings.Set(meeting, nameof(Meeting.EndsAt), startsAt.AddHours(2));
                meetings.Set(meeting, nameof(Meeting.Place), "Branch office");
                meetings.Set(meeting, nameof(Meeting.Status), MeetingStatus.Planned);
                if (held) meetings.Set(meeting, nameof(Meeting.Minutes), "The meeting heard the reports and discussed the campaign.");
                meetings.Set(meeting, nameof(Meeting.Sequence), 0);
                meetings.Set(meeting, nameof(Meeting.Version), 1);
                rows.Meetings.Add(meeting);
                for (var n = 0; n < Agenda.Length; n++)
                {
                    var item = agenda.NewRow();
                    agenda.Set(item, nameof(AgendaItem.Id), (int)++itemId);
                    agenda.Set(item, nameof(AgendaItem.MeetingId), id);
                    agenda.Set(item, nameof(AgendaItem.OrganizationId), branch.Key);
                    agenda.Set(item, nameof(AgendaItem.Number), n + 1);
                    agenda.Set(item, nameof(AgendaItem.Title), Agenda[n]);
                    rows.Agenda.Add(item);
                }
                var day = DateOnly.FromDateTime(startsAt);
                int entitled = 0, present = 0;
                foreach (var member in branch.Where(m => m.JoinedOn <= day))
                {
                    var row = attendees.NewRow();
                    attendees.Set(row, nameof(Attendee.Id), (int)++attendeeId);
                    attendees.Set(row, nameof(Attendee.MeetingId), id);
                    attendees.Set(row, nameof(Attendee.OrganizationId), branch.Key);
                    attendees.Set(row, nameof(Attendee.PersonId), member.PersonId);
                    attendees.Set(row, nameof(Attendee.Name), $"{member.GivenName} {member.FamilyName}");
                    attendees.Set(row, nameof(Attendee.Email), member.Email);
                    attendees.Set(row, nameof(Attendee.Role), member.Status == MemberStatus.Candidate ? AttendeeRole.Candidate : AttendeeRole.FullMember);
                    var draw = random.NextDouble();
                    var status = !held ? AttendanceStatus.NotRecorded
                        : draw < 0.70 ? AttendanceStatus.Present : draw < 0.75 ? AttendanceStatus.Late : draw < 0.90 ? AttendanceStatus.Excused : AttendanceStatus.Absent;
                    attendees.Set(row, nameof(Attendee.Status), status);
                    rows.Attendees.Add(row);
                    if (member.Status != MemberStatus.Member) continue;
                    entitled++;
                    if (status is AttendanceStatus.Present or AttendanceStatus.Late) present++;
                }
                // The general meeting's rule: more than half of the full members present (Quorum).
                if (!held || present * 2 <= entitled) continue;
                var count = random.Next(1, 3);
                for (var n = 0; n < count; n++)
                {
                    var counter = RecordDecision.CounterName(branch.Key, startsAt.Year);
                    var sequence = counters[counter] = counters.GetValueOrDefault(counter) + 1;
                    int? directive = null;
                    if (n == 0 && random.Next(3) < 2)
                        directive = assigned[branch.Key].Where(a => a.IssuedOn <= day && a.IssuedOn >= day.AddMonths(-2))
                            .OrderByDescending(a => a.IssuedOn).Select(a => (int?)a.DirectiveId).FirstOrDefault();
                    var against = random.Next(0, Math.Max(1, present / 5));
                    var abstaining = random.Next(0, Math.Max(1, present / 6));
                    var votesFor = present - against - abstaining;
                    if (votesFor <= against) (votesFor, against, abstaining) = (present, 0, 0);
                    var decision = decisions.NewRow();
                    decisions.Set(decision, nameof(Decision.Id), (int)++decisionId);
                    decisions.Set(decision, nameof(Decision.OrganizationId), branch.Key);
                    decisions.Set(decision, nameof(Decision.MeetingId), id);
                    decisions.Set(decision, nameof(Decision.AgendaItemId), (int)(itemId - Agenda.Length + 1 + (n == 0 ? 1 : 0)));
                    decisions.Set(decision, nameof(Decision.Year), startsAt.Year);
                    decisions.Set(decision, nameof(Decision.Sequence), sequence);
                    decisions.Set(decision, nameof(Decision.Number), Decision.Format(startsAt.Year, sequence));
                    decisions.Set(decision, nameof(Decision.Text), n == 1 ? "The branch approves the committee's report."
                        : directive is null ? "The branch joins the campaign of the month."
                        : "The branch carries out the directive: every member takes part in the campaign of the month.");
                    decisions.Set(decision, nameof(Decision.VotesFor), votesFor);
                    decisions.Set(decision, nameof(Decision.VotesAgainst), against);
                    decisions.Set(decision, nameof(Decision.Abstaining), abstaining);
                    decisions.Set(decision, nameof(Decision.Adopted), true);
                    decisions.Set(decision, nameof(Decision.DirectiveId), directive);
                    decisionRows.Add(decision);
                    if (directive is not null) onDirectives++;
                }
            }
            if (rows.Meetings.Count >= MeetingsPerChunk) await FlushAsync();
        }
        await FlushAsync();
        foreach (var table in new[] { meetings, agenda, attendees, decisions }) await table.AdvanceIdentityAsync(ct);
        // RecordDecision numbers on from the counters: the next decision of a branch's year follows the synthetic ones.
        await using (var counterTable = BulkTable.For<Counter>(db))
            await counterTable.WriteAsync(counters.Select(c => counterTable.Row(new Counter { Name = c.Key, Value = c.Value })).ToList(), ct);
        return new SyntheticMeetingCounts(meetings.Rows, agenda.Rows, attendees.Rows, decisions.Rows, onDirectives);

        async Task FlushAsync()
        {
            await meetings.WriteAsync(rows.Meetings, ct);
            await agenda.WriteAsync(rows.Agenda, ct);
            await attendees.WriteAsync(rows.Attendees, ct);
            await decisions.WriteAsync(decisionRows, ct);
            rows.Meetings.Clear();
            rows.Agenda.Clear();
            rows.Attendees.Clear();
            decisionRows.Clear();
        }
    }
}
