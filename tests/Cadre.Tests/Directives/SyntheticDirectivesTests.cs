using Cadre.Data;
using Cadre.Directives;
using Cadre.Synthetic;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Directives;

public sealed class SyntheticDirectivesTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_synthetic_party_issues_directives_whose_assignments_keep_the_lifecycle_and_roll_up(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await SyntheticParty.SeedAsync(database.Context(), new SyntheticOptions(2_000, Seed: 2, Years: 2), null, TestDatabase.Ct)).Ok();
        await using var db = database.Context();
        var today = database.Clock.Today;

        var directives = await db.Directives.AsNoTracking().OrderBy(d => d.Id).ToListAsync(TestDatabase.Ct);
        Assert.Equal(5, directives.Count);
        var primaries = await db.Organizations.CountAsync(o => o.Level.Rank == 3, TestDatabase.Ct);
        var all = await db.Organizations.CountAsync(TestDatabase.Ct);
        var counts = await db.Assignments.GroupBy(a => a.DirectiveId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, TestDatabase.Ct);
        Assert.Equal(primaries, counts[directives[0].Id]);
        Assert.Equal(all - 1, counts[directives[2].Id]);

        var rows = await db.Assignments.AsNoTracking().ToListAsync(TestDatabase.Ct);
        Assert.All(rows, a =>
        {
            if (a.Status != AssignmentStatus.Received) Assert.NotNull(a.AcknowledgedOn);
            if (a.StartedOn is { } started) Assert.True(started >= a.AcknowledgedOn);
            if (a.ReportedOn is { } reported)
            {
                Assert.True(reported >= a.StartedOn && reported <= today);
                Assert.True(a.Figure1 >= 0 && a.Figure2 >= 1);
                if (a.Outcome == ReportOutcome.NotImplemented) Assert.NotNull(a.Reason);
            }
            Assert.Equal(a.Status is AssignmentStatus.Reported or AssignmentStatus.Accepted or AssignmentStatus.Returned, a.ReportedOn is not null);
        });
        Assert.Contains(rows, a => a.Status == AssignmentStatus.Accepted);
        Assert.Contains(rows, a => a.IsOverdue(today, true));

        // The roll-up of the open directive agrees with its rows.
        var open = directives[^1];
        var rollup = (await DirectiveRollup.RunAsync(database.Context(), Cadre.Accounts.Actor.System("test"), open.Id, null, TestDatabase.Ct)).Ok();
        var mine = rows.Where(a => a.RootDirectiveId == open.Id).ToList();
        Assert.Equal((mine.Count, mine.Count(a => a.IsReported), 0), (rollup.Total.Assigned, rollup.Total.ReportsIn, rollup.Total.Overdue));
        Assert.Equal(mine.Where(a => a.IsReported).Sum(a => a.Figure1 ?? 0), rollup.Total.Sums[0]);
    }
}
