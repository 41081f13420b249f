using Cadre.Data;
using Cadre.Dues;
using Cadre.Health;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Health;

public sealed class ComputeHealthTests
{
    private static readonly DateOnly March = new(2025, 3, 1);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Stored_indicators_equal_a_recount_of_the_rows_behind_them_at_every_organization(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.HealthPartyAsync();
        await database.ComputeAsync();

        await using var db = database.Context();
        var settings = await db.DuesSettings.SingleAsync(TestDatabase.Ct);
        var organizations = await db.Organizations.Select(o => o.Id).ToListAsync(TestDatabase.Ct);
        var stored = await db.IndicatorValues.AsNoTracking().ToListAsync(TestDatabase.Ct);
        var checkedCells = 0;
        foreach (var definition in IndicatorCatalogue.All)
        {
            var months = definition.Kind == IndicatorKind.Snapshot ? [March] : Months.Range(March.AddMonths(-11), March).ToList();
            foreach (var month in months)
            {
                var period = new HealthPeriod(month, db.Today, settings.AccountingFrom ?? DateOnly.MinValue) { Now = db.Now };
                // A row adds its Count (a meeting its members present); repeated here so each organization's sum is a count of ids.
                var counted = (await definition.Counted(db, period).Select(r => new { r.OrganizationId, r.Count }).ToListAsync(TestDatabase.Ct))
                    .SelectMany(r => Enumerable.Repeat(r.OrganizationId, r.Count)).ToList();
                var based = definition.Based is null ? [] : (await definition.Based(db, period).Select(r => new { r.OrganizationId, r.Count }).ToListAsync(TestDatabase.Ct))
                    .SelectMany(r => Enumerable.Repeat(r.OrganizationId, r.Count)).ToList();
                foreach (var organization in organizations)
                {
                    var subtree = await db.OrganizationPaths.Where(p => p.AncestorId == organization).Select(p => p.DescendantId).ToListAsync(TestDatabase.Ct);
                    var value = stored.SingleOrDefault(v => v.OrganizationId == organization && v.Indicator == definition.Code && v.Month == month);
                    var where = $"{definition.Code} {month:yyyy-MM} at {organization}";
                    Assert.True(counted.Count(subtree.Contains) == (value?.Value ?? 0), $"{where}: value {value?.Value} but {counted.Count(subtree.Contains)} rows");
                    Assert.True(counted.Count(o => o == organization) == (value?.OwnValue ?? 0), $"{where}: own value");
                    Assert.True(based.Count(subtree.Contains) == (value?.Base ?? 0), $"{where}: base {value?.Base} but {based.Count(subtree.Contains)} rows");
                    Assert.True(based.Count(o => o == organization) == (value?.OwnBase ?? 0), $"{where}: own base");
                    checkedCells++;
                }
            }
        }
        Assert.True(checkedCells > 500);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_indicator_counts_what_its_definition_says(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var party = await database.HealthPartyAsync();
        var computed = await database.ComputeAsync();
        Assert.Equal(March, computed.Month);

        await using var db = database.Context();
        var centre = party.Tree.Centre;
        async Task<(int Value, int Base)> At(string code, int organization, DateOnly? month = null)
        {
            var v = await db.IndicatorValues.SingleOrDefaultAsync(x => x.OrganizationId == organization && x.Indicator == code && x.Month == (month ?? March),
                TestDatabase.Ct);
            return (v?.Value ?? 0, v?.Base ?? 0);
        }

        // Sponsors of the candidate (2), the candidate, five with incomes, Tom (transferred), minus nobody: resigned, lapsed and deceased have left.
        Assert.Equal(9, (await At("members", centre)).Value);
        Assert.Equal(1, (await At("candidates", centre)).Value);
        Assert.Equal((1, 1), await At("candidates_overdue", centre));
        Assert.Equal(1, (await At("resignations", centre, new DateOnly(2025, 2, 1))).Value);
        Assert.Equal(1, (await At("lapses", party.Tree.NorthBranch2)).Value);
        Assert.Equal(1, (await At("deaths", party.Tree.South, new DateOnly(2024, 12, 1))).Value);
        Assert.Equal(1, (await At("transfers_out", party.Tree.NorthDistrict2, new DateOnly(2025, 1, 1))).Value);
        Assert.Equal(1, (await At("transfers_in", party.Tree.SouthBranch, new DateOnly(2025, 1, 1))).Value);
        Assert.Equal(0, (await At("transfers_in", party.Tree.North, new DateOnly(2025, 1, 1))).Value);
        // Ana paid February on 20 February; Rui paid it in March: late. Every current member owes.
        Assert.Equal((1, 9), await At("dues_on_time", centre));
        // Nobody paid December or January: everyone but Ana and Rui (who paid February) is in arrears.
        Assert.Equal((7, 9), await At("arrears", centre));
        Assert.Equal((0, 9), await At("required_courses", centre));
        Assert.Equal((3, 4), await At("vacant_offices", centre));
        Assert.Equal((2, 3), await At("secretary_vacant", centre));
        Assert.Equal(1, (await At("terms_overdue", party.Tree.NorthBranch)).Value);
        var district = await db.IndicatorValues.SingleAsync(x => x.OrganizationId == party.Tree.NorthDistrict && x.Indicator == "secretary_vacant"
            && x.Month == March, TestDatabase.Ct);
        Assert.Equal((2, 3, 1, 1), (district.Value, district.Base, district.OwnValue, district.OwnBase));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_second_run_replaces_the_month_instead_of_adding_to_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.HealthPartyAsync();
        var first = await database.ComputeAsync();
        var second = await database.ComputeAsync();
        Assert.Equal(first.Rows, second.Rows);
        await using var db = database.Context();
        Assert.Equal(second.Rows, await db.IndicatorValues.CountAsync(TestDatabase.Ct));
        Assert.Equal(2, await db.HealthRuns.CountAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Meeting_and_directive_indicators_count_what_their_definitions_say(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var party = await database.HealthPartyAsync();
        await database.ComputeAsync();

        await using var db = database.Context();
        var tree = party.Tree;
        async Task<(int Value, int Base)> At(string code, int organization, DateOnly? month = null)
        {
            var v = await db.IndicatorValues.SingleOrDefaultAsync(x => x.OrganizationId == organization && x.Indicator == code && x.Month == (month ?? March),
                TestDatabase.Ct);
            return (v?.Value ?? 0, v?.Base ?? 0);
        }
        var january = new DateOnly(2025, 1, 1);
        var february = new DateOnly(2025, 2, 1);

        // General meetings: the study meeting and next week's do not count; March's counts although nobody recorded attendance.
        Assert.Equal(1, (await At("general_meetings", tree.NorthBranch, january)).Value);
        Assert.Equal(1, (await At("general_meetings", tree.Centre, february)).Value);
        Assert.Equal(1, (await At("general_meetings", tree.NorthBranch)).Value);
        Assert.Equal(1, (await At("general_meetings", tree.South, new DateOnly(2024, 12, 1))).Value);
        // Attendance: full members present or late of those on the roll; March's meeting, unrecorded, is not a share of anything.
        Assert.Equal((2, 3), await At("attendance", tree.NorthDistrict, january));
        Assert.Equal((0, 3), await At("attendance", tree.NorthBranch, february));
        Assert.Equal((0, 0), await At("attendance", tree.NorthBranch));
        // The last three recorded general meetings: January's and February's in the north, December's in the south.
        Assert.Equal((2, 6), await At("attendance_recent", tree.NorthBranch));
        var south = await db.Attendees.CountAsync(a => a.MeetingId == party.Meetings.December && a.Role == Cadre.Meetings.AttendeeRole.FullMember, TestDatabase.Ct);
        Assert.Equal((2 + south, 6 + south), await At("attendance_recent", tree.Centre));
        // Schedules: four primary organizations each owe a monthly general and a quarterly study meeting; the north branch kept both.
        Assert.Equal((6, 8), await At("schedules_missed", tree.Centre));
        Assert.Equal((0, 2), await At("schedules_missed", tree.NorthBranch));
        // The directive due on 28 February: every organization below the centre had it; the north branch reported on time.
        var assignments = await db.Assignments.CountAsync(a => a.RootDirectiveId == party.Meetings.Directive, TestDatabase.Ct);
        Assert.Equal((1, assignments), await At("directives_on_time", tree.Centre, february));
        Assert.Equal((0, 1), await At("directives_on_time", tree.SouthBranch, february));
        Assert.Equal(assignments - 2, (await At("assignments_overdue", tree.Centre)).Value);
        Assert.Equal(0, (await At("assignments_overdue", tree.NorthBranch)).Value);

        // The rows behind attendance are the meetings, each with its members present.
        var settings = await db.DuesSettings.SingleAsync(TestDatabase.Ct);
        var period = new HealthPeriod(january, db.Today, settings.AccountingFrom ?? DateOnly.MinValue) { Now = db.Now };
        var meeting = await IndicatorCatalogue.Find("attendance")!.Counted(db, period).SingleAsync(TestDatabase.Ct);
        Assert.Equal((party.Meetings.January, 2, 2, 3), (meeting.Id, meeting.Count, meeting.Present!.Value, meeting.Entitled!.Value));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task No_general_meeting_and_low_attendance_are_warned_of_only_where_general_meetings_are_due(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var party = await database.HealthPartyAsync();
        await database.ComputeAsync();

        await using var db = database.Context();
        var tree = party.Tree;
        var warned = await db.HealthWarnings.AsNoTracking().Where(w => w.RuleId == 5 || w.RuleId == 6)
            .Select(w => new { w.RuleId, w.OrganizationId, w.Observed }).ToListAsync(TestDatabase.Ct);
        // No general meeting since January: the second and third north branches (one is only planned) and the south branch
        // (December's is outside the window); never a district, a region or the centre, which hold none.
        Assert.Equal(new[] { tree.NorthBranch2, tree.NorthBranch3, tree.SouthBranch }.Order().ToList(),
            warned.Where(w => w.RuleId == 5).Select(w => w.OrganizationId).Order().ToList());
        // Two of six over the north branch's last meetings.
        var low = Assert.Single(warned, w => w.RuleId == 6);
        Assert.Equal(tree.NorthBranch, low.OrganizationId);
        Assert.Equal(2m / 6m, low.Observed, 4);
    }
}
