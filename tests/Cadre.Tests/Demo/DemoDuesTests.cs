using Cadre.Accounts;
using Cadre.Dues;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Demo;

/// The demo party's dues: rules in force, most members paid up, some in arrears, a few proposed for lapse, shares that sum up.
public sealed class DemoDuesTests(SeededDemo demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_dues_rules_payments_arrears_and_lapse_proposals()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        var admin = Actor.System("test");
        var centre = await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).SingleAsync(Ct);

        var rules = await DuesRules.LoadAsync(db, Ct);
        Assert.Equal(100m, rules.Shares.Sum(s => s.Percent));
        var arrears = (await DuesQueries.ArrearsAsync(db, admin, centre, 1, Ct)).Value;
        var owing = await db.Members.CountAsync(m => m.Status != Cadre.Members.MemberStatus.Former, Ct);
        Assert.InRange(arrears.Rows.Count, owing * 0.2, owing * 0.4);
        Assert.Contains(arrears.Rows, r => r.ProposedForLapse);

        var payments = await db.DuesPayments.Select(p => p.Amount).ToListAsync(Ct);
        Assert.InRange(payments.Count, owing * 0.6, owing);
        var thisMonth = Months.Of(db.Today);
        var shares = (await DuesSharesReport.RunAsync(db, admin, centre, thisMonth.AddMonths(-12), thisMonth, Ct)).Value;
        Assert.Equal(payments.Sum(), shares.Rows.Sum(r => r.Collected));
        Assert.Equal(payments.Sum(), shares.Rows.Sum(r => r.Keeps));
    }
}
