using Cadre.Health;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Health;

public sealed class DemoHealthTests(SeededDemo demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_party_is_computed_with_meetings_behind_its_attendance_and_a_few_warnings()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        Assert.Equal(1, await db.HealthRuns.CountAsync(Ct));
        var centre = await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).SingleAsync(Ct);
        var attendance = await db.IndicatorValues.SingleAsync(v => v.OrganizationId == centre && v.Indicator == "attendance_recent", Ct);
        Assert.InRange((double)attendance.Value / attendance.Base, 0.5, 0.9);
        var warned = await db.HealthWarnings.GroupBy(w => w.RuleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
        // Every seventh branch held no general meeting, every fifth came in poorly (below half at its last three).
        Assert.InRange(warned.GetValueOrDefault(5), 5, 12);
        Assert.InRange(warned.GetValueOrDefault(6), 5, 15);
        Assert.True(await db.IndicatorValues.AnyAsync(v => v.OrganizationId == centre && v.Indicator == "assignments_overdue" && v.Value > 0, Ct));
    }
}
