using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Directives;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Directives.DirectiveArrange;

namespace Cadre.Tests.Directives;

public sealed class AssignmentTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_branch_acknowledges_works_and_reports_and_the_issuer_accepts_or_returns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var centre = Arrange.Holding(Role.Secretary, tree.Centre);
        var branch = Arrange.Holding(Role.Secretary, tree.NorthBranch);
        var primary = await database.LevelIdAsync(3);
        var directive = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(10), DirectiveTarget.Levels, levels: [primary]), centre)).Ok().DirectiveId;
        var mine = await database.AssignmentOfAsync(directive, tree.NorthBranch);

        Assert.IsType<AssignmentNotAcknowledged>((await database.ReportAsync(mine, 10, 2)).Error);
        Assert.IsType<AssignmentNotAcknowledged>((await database.StartAsync(mine, branch)).Error);
        (await database.AcknowledgeAsync(mine, branch)).Ok();
        Assert.IsType<AssignmentAlreadyAcknowledged>((await database.AcknowledgeAsync(mine, branch)).Error);
        (await database.StartAsync(mine, branch)).Ok();

        // Figures missing or negative, "not implemented" without a reason: refused, nothing changed.
        var bad = (await database.ReportAsync(mine, new ReportAssignment.Request { Outcome = ReportOutcome.NotImplemented, Figures = [5, -1] }, branch))
            .Fails<ValidationFailed, Done>();
        Assert.Equal(["Reason", "Figures[1]"], bad.Errors.Select(e => e.FieldName));
        Assert.IsType<FigureMissing>((await database.ReportAsync(mine, new ReportAssignment.Request { Figures = [5] }, branch)).Fails<ValidationFailed, Done>().Errors.Single());
        Assert.Equal(AssignmentStatus.InProgress, (await database.AssignmentAsync(mine)).Status);

        (await database.ReportAsync(mine, new ReportAssignment.Request { Outcome = ReportOutcome.Partly, Text = "Met 40 workers.", Figures = [40, 3] }, branch)).Ok();
        Assert.IsType<AssignmentAlreadyReported>((await database.ReportAsync(mine, 1, 1)).Error);
        // The branch cannot review its own report; the centre returns it, the branch reports again, the centre accepts.
        Assert.IsType<ReviewNotPermitted>((await database.AcceptAsync(mine, branch)).Error);
        Assert.IsType<ReturnNoteRequired>((await database.ReturnAsync(mine, " ", centre)).Error);
        (await database.ReturnAsync(mine, "Give the names of the meetings.", centre)).Ok();
        (await database.StartAsync(mine, branch)).Ok();
        (await database.ReportAsync(mine, new ReportAssignment.Request { Outcome = ReportOutcome.Implemented, Text = "Two meetings.", Figures = [45, 4] }, branch)).Ok();
        (await database.AcceptAsync(mine, centre)).Ok();
        Assert.IsType<NoReportToReview>((await database.AcceptAsync(mine, centre)).Error);

        var done = await database.AssignmentAsync(mine);
        Assert.Equal((AssignmentStatus.Accepted, ReportOutcome.Implemented, 45L, 4L, Today), (done.Status, done.Outcome!.Value, done.Figure1!.Value, done.Figure2!.Value, done.ReviewedOn!.Value));
        await using var db = database.Context();
        var trail = await db.AuditEntries.Where(e => e.EntityType == "Assignment" && e.EntityId == mine.ToString()).CountAsync(TestDatabase.Ct);
        Assert.Equal(7, trail); // acknowledged, started, reported, returned, started, reported, accepted
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Another_branch_neither_sees_nor_touches_an_assignment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var directive = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(10)), Arrange.Holding(Role.Secretary, tree.Centre))).Ok().DirectiveId;
        var north = await database.AssignmentOfAsync(directive, tree.NorthBranch);
        var south = Arrange.Holding(Role.Secretary, tree.SouthBranch);
        var control = Arrange.Holding(Role.ControlCommission, tree.Centre);

        Assert.IsType<AssignmentNotFound>((await database.AcknowledgeAsync(north, south)).Error);
        Assert.IsType<AssignmentNotFound>((await database.AcknowledgeAsync(999_999, south)).Error);
        Assert.IsType<AssignmentNotFound>((await database.RunAsync((db, a) => DirectiveQueries.GetAssignmentAsync(db, a, north, TestDatabase.Ct), south)).Error);
        Assert.IsType<DirectivesNotPermitted>((await database.AcknowledgeAsync(north, control)).Error);
        Assert.IsType<DirectiveNotFound>((await database.RollupAsync(directive, actor: south)).Error);
        (await database.RollupAsync(directive, actor: control)).Ok();
        // A district drills into its own subtree only.
        Assert.IsType<DirectiveNotFound>((await database.RollupAsync(directive, tree.SouthBranch, Arrange.Holding(Role.Secretary, tree.NorthDistrict))).Error);
        Assert.Equal(AssignmentStatus.Received, (await database.AssignmentAsync(north)).Status);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_roll_up_counts_by_level_and_organization_with_overdue_and_sums(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var primary = await database.LevelIdAsync(3);
        var directive = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(5), DirectiveTarget.Levels, levels: [primary]))).Ok().DirectiveId;
        foreach (var (organization, figures) in new[] { (tree.NorthBranch, 40L), (tree.NorthBranch2, 12L) })
        {
            var id = await database.AssignmentOfAsync(directive, organization);
            (await database.AcknowledgeAsync(id)).Ok();
            (await database.ReportAsync(id, figures, 1)).Ok();
        }
        (await database.AcknowledgeAsync(await database.AssignmentOfAsync(directive, tree.SouthBranch))).Ok();
        database.Clock.Advance(TimeSpan.FromDays(6));

        var rollup = (await database.RollupAsync(directive)).Ok();
        var level = Assert.Single(rollup.ByLevel);
        Assert.Equal(("Primary organization", 4, 2, 2, 1), (level.Level, level.Counts.Assigned, level.Counts.ReportsIn, level.Counts.Overdue, level.Counts.Acknowledged));
        Assert.Equal([52L, 2L], rollup.Total.Sums.Take(2));
        var regions = rollup.Children.ToDictionary(c => c.Code);
        Assert.Equal((3, 2, 1), (regions["N"].Counts.Assigned, regions["N"].Counts.ReportsIn, regions["N"].Counts.Overdue));
        Assert.Equal((1, 0, 1), (regions["S"].Counts.Assigned, regions["S"].Counts.ReportsIn, regions["S"].Counts.Overdue));
        Assert.Null(regions["N"].AssignmentId); // the region itself was not assigned

        var district = (await database.RollupAsync(directive, tree.NorthDistrict)).Ok();
        Assert.Equal(["Central Committee", "North Region"], district.Breadcrumbs.Select(c => c.Name));
        Assert.Equal(["N-1-1", "N-1-2"], district.Children.Select(c => c.Code));
        Assert.All(district.Children, c => Assert.NotNull(c.AssignmentId));
        var overdue = (await database.RunAsync((db, a) => DirectiveQueries.ListAssignmentsAsync(db, a, directive, new AssignmentFilter { OverdueOnly = true }, TestDatabase.Ct))).Ok();
        Assert.Equal(["N-2-1", "S-1-1"], overdue.Items.Select(r => r.Code).Order());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_region_passes_the_directive_on_with_an_earlier_date_and_reports_its_subtrees_sums(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var centre = Arrange.Holding(Role.Secretary, tree.Centre);
        var region = Arrange.Holding(Role.Secretary, tree.North);
        var regional = await database.LevelIdAsync(1);
        var primary = await database.LevelIdAsync(3);
        var directive = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(20), DirectiveTarget.Levels, levels: [regional, primary]), centre)).Ok().DirectiveId;
        var north = await database.AssignmentOfAsync(directive, tree.North);
        var passOn = new PassOnDirective.Request { Text = "Report to the region first.", DueOn = Today.AddDays(15) };

        Assert.IsType<AssignmentNotAcknowledged>((await database.RunAsync((db, a) => PassOnDirective.HandleAsync(db, a, north, passOn, TestDatabase.Ct), region)).Error);
        (await database.AcknowledgeAsync(north, region)).Ok();
        var late = (await database.RunAsync((db, a) => PassOnDirective.HandleAsync(db, a, north, passOn with { DueOn = Today.AddDays(21) }, TestDatabase.Ct), region))
            .Fails<ValidationFailed, PassOnDirective.PassedOn>();
        Assert.IsType<PassOnDueAfterOwn>(late.Errors.Single());
        var passed = (await database.RunAsync((db, a) => PassOnDirective.HandleAsync(db, a, north, passOn, TestDatabase.Ct), region)).Ok();
        // The three northern branches already held the centre's directive: they now answer to the region; both districts are new.
        Assert.Equal((2, 3), (passed.Assigned, passed.Repointed));
        Assert.IsType<AlreadyPassedOn>((await database.RunAsync((db, a) => PassOnDirective.HandleAsync(db, a, north, passOn, TestDatabase.Ct), region)).Error);

        var branch = await database.AssignmentOfAsync(directive, tree.NorthBranch);
        var row = await database.AssignmentAsync(branch);
        Assert.Equal((passed.DirectiveId, Today.AddDays(15)), (row.DirectiveId, row.DueOn));
        Assert.Equal(Today.AddDays(20), (await database.AssignmentAsync(await database.AssignmentOfAsync(directive, tree.SouthBranch))).DueOn);

        foreach (var (organization, reached) in new[] { (tree.NorthBranch, 30L), (tree.NorthBranch3, 7L) })
        {
            var id = await database.AssignmentOfAsync(directive, organization);
            (await database.AcknowledgeAsync(id)).Ok();
            (await database.ReportAsync(id, reached, 2)).Ok();
        }
        // The region reviews what it passed on; the centre does too, being above it. A branch secretary of the south does not.
        (await database.AcceptAsync(branch, region)).Ok();
        Assert.IsType<AssignmentNotFound>((await database.AcceptAsync(await database.AssignmentOfAsync(directive, tree.NorthBranch3), Arrange.Holding(Role.Secretary, tree.SouthBranch))).Error);

        // The region's own roll-up covers its subtree; its report gives the sums of the reports below it.
        var regionRollup = (await database.RollupAsync(passed.DirectiveId, actor: region)).Ok();
        Assert.Equal((5, 2), (regionRollup.Total.Assigned, regionRollup.Total.ReportsIn));
        (await database.ReportAsync(north, new ReportAssignment.Request { Text = "The region's summary.", SummariseSubtree = true }, region)).Ok();
        var summary = await database.AssignmentAsync(north);
        Assert.Equal((37L, 4L, true), (summary.Figure1!.Value, summary.Figure2!.Value, summary.SummarisesSubtree));
        // The centre sees the whole chain: both regions, the two districts the region added and all four branches.
        var total = (await database.RollupAsync(directive, actor: centre)).Ok();
        Assert.Equal((8, 3), (total.Total.Assigned, total.Total.ReportsIn));
        Assert.IsType<DirectiveNotFound>((await database.RollupAsync(passed.DirectiveId, actor: Arrange.Holding(Role.Secretary, tree.South))).Error);
    }

    /// The roll-up is grouped queries; here it is checked against a plain recount of the assignment rows, for a tree and a
    /// mix of states drawn at random (seeded), at the top and at every organization below it.
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_roll_up_equals_a_recount_of_the_assignments(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        for (var i = 0; i < 6; i++)
            await database.CreateOrganizationAsync($"N-1-X{i}", $"Extra Branch {i}", 3, i % 2 == 0 ? tree.NorthDistrict : tree.SouthDistrict);
        var directive = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(3)))).Ok().DirectiveId;
        var random = new Random(20260501);
        await using (var read = database.Context())
        {
            foreach (var id in await read.Assignments.Select(a => a.Id).ToListAsync(TestDatabase.Ct))
            {
                var step = random.Next(6);
                if (step >= 1) (await database.AcknowledgeAsync(id)).Ok();
                if (step >= 2) (await database.StartAsync(id)).Ok();
                if (step >= 3) (await database.ReportAsync(id, random.Next(100), random.Next(10))).Ok();
                if (step == 4) (await database.AcceptAsync(id)).Ok();
                if (step == 5) (await database.ReturnAsync(id, "More detail.")).Ok();
            }
        }
        database.Clock.Advance(TimeSpan.FromDays(4));
        var today = database.Clock.Today;

        await using var db = database.Context();
        var rows = await db.Assignments.AsNoTracking().ToListAsync(TestDatabase.Ct);
        var paths = await db.OrganizationPaths.AsNoTracking().ToListAsync(TestDatabase.Ct);
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToListAsync(TestDatabase.Ct);
        (int Assigned, int ReportsIn, int Overdue, int Returned, long Sum1, long Sum2) Recount(IEnumerable<Assignment> these)
        {
            var list = these.ToList();
            var done = list.Where(a => a.IsReported).ToList();
            return (list.Count, done.Count, list.Count(a => a.IsOverdue(today, true)), list.Count(a => a.Status == AssignmentStatus.Returned),
                done.Sum(a => a.Figure1 ?? 0), done.Sum(a => a.Figure2 ?? 0));
        }
        (int, int, int, int, long, long) Of(RollupCounts c) => (c.Assigned, c.ReportsIn, c.Overdue, c.Returned, c.Sums[0], c.Sums[1]);
        IEnumerable<Assignment> Under(int ancestor) => rows.Where(a => paths.Any(p => p.AncestorId == ancestor && p.DescendantId == a.OrganizationId));

        foreach (var at in organizations.Where(o => o.Id != tree.Centre))
        {
            var rollup = (await database.RollupAsync(directive, at.Id)).Ok();
            Assert.Equal(Recount(Under(at.Id)), Of(rollup.Total));
            foreach (var child in rollup.Children) Assert.Equal(Recount(Under(child.OrganizationId)), Of(child.Counts));
        }
        var top = (await database.RollupAsync(directive)).Ok();
        Assert.Equal(Recount(rows), Of(top.Total));
        foreach (var level in top.ByLevel) Assert.Equal(Recount(rows.Where(a => a.LevelId == level.LevelId)), Of(level.Counts));
        Assert.Equal(rows.Count, top.Children.Sum(c => c.Counts.Assigned));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_district_follows_a_directive_to_the_primaries_below_it_but_sees_nothing_above_or_beside(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var primary = await database.LevelIdAsync(3);
        var directive = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(5), DirectiveTarget.Levels, levels: [primary]))).Ok().DirectiveId;
        var toTheDistricts = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(5), DirectiveTarget.Levels, levels: [await database.LevelIdAsync(2)]))).Ok();
        var district = Arrange.Holding(Role.Secretary, tree.NorthDistrict);
        var id = await database.AssignmentOfAsync(directive, tree.NorthBranch);
        (await database.AcknowledgeAsync(id)).Ok();
        (await database.ReportAsync(id, 7, 1)).Ok();

        // The inbox: the district's own assignment to act on; the directive to the primaries "from above", counted below the district.
        var inbox = (await database.RunAsync((db, a) => DirectiveInbox.ForAsync(db, a, null, TestDatabase.Ct), district)).Ok();
        Assert.Equal([toTheDistricts.DirectiveId], inbox.ToActOn.Select(i => i.DirectiveId));
        var reaching = Assert.Single(inbox.Reaching);
        Assert.Equal((directive, 2, 1, "Central Committee"), (reaching.DirectiveId, reaching.Assigned, reaching.ReportsIn, reaching.IssuedBy));

        var below = (await database.RunAsync((db, a) => DirectiveRollup.RunAsync(db, a, directive, tree.NorthDistrict, TestDatabase.Ct), district)).Ok();
        Assert.Equal((2, 1, 7L), (below.Total.Assigned, below.Total.ReportsIn, below.Total.Sums[0]));
        Assert.Empty(below.Breadcrumbs);
        Assert.False(below.Directive.CanManage);
        Assert.Equal(["N-1-1", "N-1-2"], below.Children.Select(c => c.Code));
        foreach (var at in new int?[] { null, tree.Centre, tree.North, tree.SouthDistrict, tree.NorthDistrict2 })
            Assert.IsType<DirectiveNotFound>((await database.RunAsync((db, a) => DirectiveRollup.RunAsync(db, a, directive, at, TestDatabase.Ct), district)).Error);
        var listed = (await database.RunAsync((db, a) => DirectiveQueries.ListAssignmentsAsync(db, a, directive, new AssignmentFilter { At = tree.NorthDistrict }, TestDatabase.Ct), district)).Ok();
        Assert.Equal(["N-1-1", "N-1-2"], listed.Items.Select(r => r.Code).Order());
        Assert.IsType<DirectiveNotFound>((await database.RunAsync((db, a) => DirectiveQueries.ListAssignmentsAsync(db, a, directive, new AssignmentFilter(), TestDatabase.Ct), district)).Error);

        // A region sees the same directive below it, with the district in its breadcrumbs' place below.
        var region = (await database.RunAsync((db, a) => DirectiveRollup.RunAsync(db, a, directive, tree.NorthDistrict, TestDatabase.Ct),
            Arrange.Holding(Role.Secretary, tree.North))).Ok();
        Assert.Equal(["North Region"], region.Breadcrumbs.Select(c => c.Name));
    }
}
