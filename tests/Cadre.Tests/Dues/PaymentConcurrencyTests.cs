using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Dues.DuesArrange;

namespace Cadre.Tests.Dues;

public sealed class PaymentConcurrencyTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Concurrent_payments_get_distinct_receipts_and_never_overpay_a_month(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 2000); // 30.00 a month
        var rui = await database.MemberWithIncomeAsync(tree.NorthBranch, "Rui", "Costa", 2000);
        var admin = Actor.System("admin");

        // Six treasurers' screens at once: three pay 10.00 of Ana's January (all fit), three pay 20.00 of Rui's (only one fits).
        var payments = Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => i % 2 == 0 ? database.PayAsync(admin, ana, (January, 10m)) : database.PayAsync(admin, rui, (January, 20m))))
            .ToList();
        var results = await Task.WhenAll(payments);

        var recorded = results.Where(r => r.IsSuccess).Select(r => r.Value.ReceiptNumber).ToList();
        Assert.Equal(4, recorded.Count);
        Assert.Equal(4, recorded.Distinct().Count());
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.IsType<MonthOverpaid>(r.Error));
        Assert.Equal(0m, (await database.DuesOfAsync(ana)).Months.Single(m => m.Month == January).Outstanding);
        Assert.Equal(10m, (await database.DuesOfAsync(rui)).Months.Single(m => m.Month == January).Outstanding);
        await using var db = database.Context();
        Assert.Equal(4, await db.DuesPayments.CountAsync(TestDatabase.Ct));
    }
}
