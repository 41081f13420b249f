using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Members;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Dues.DuesArrange;

namespace Cadre.Tests.Dues;

public sealed class AutomaticLapseTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task With_automatic_lapse_on_members_m_months_behind_lapse_with_an_event_and_the_others_stay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync(Rules with { AccountingFrom = new DateOnly(2024, 11, 1), LapseAfterMonths = 3, AutomaticLapse = true });
        var paid = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Paid", 2000);
        var lapsing = await database.MemberWithIncomeAsync(tree.NorthBranch2, "Ivo", "Lapsing", 2000);
        var admin = Actor.System("admin");
        (await database.PayAsync(admin, paid, (new DateOnly(2024, 11, 1), 30m), (new DateOnly(2024, 12, 1), 30m), (January, 30m), (February, 30m))).Ok();
        (await database.PayAsync(admin, lapsing, (new DateOnly(2024, 11, 1), 30m))).Ok();

        var result = (await LapseForArrears.HandleAsync(database.Context(admin), admin, tree.NorthDistrict, TestDatabase.Ct)).Ok();

        await using var db = database.Context();
        Assert.Single(result.Numbers);
        Assert.Empty(result.Refused);
        Assert.Equal(MemberStatus.Lapsed, await db.Members.Where(m => m.Id == lapsing).Select(m => m.Status).SingleAsync(TestDatabase.Ct));
        Assert.Equal(MemberStatus.Member, await db.Members.Where(m => m.Id == paid).Select(m => m.Status).SingleAsync(TestDatabase.Ct));
        var lapse = await db.Set<MembershipEvent>().SingleAsync(e => e.MemberId == lapsing && e.Kind == MembershipEventKind.Lapse, TestDatabase.Ct);
        Assert.Contains("3 months of dues unpaid", lapse.Reason, StringComparison.Ordinal);

        // Run again (a second web instance, a retry): nothing more happens.
        Assert.Empty((await LapseForArrears.HandleAsync(database.Context(admin), admin, tree.NorthDistrict, TestDatabase.Ct)).Ok().Numbers);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task With_automatic_lapse_off_nothing_lapses_and_the_branch_decides(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync(Rules with { AccountingFrom = new DateOnly(2024, 11, 1), LapseAfterMonths = 3, AutomaticLapse = false });
        var lapsing = await database.MemberWithIncomeAsync(tree.NorthBranch2, "Ivo", "Lapsing", 2000);
        var admin = Actor.System("admin");

        var refused = (await LapseForArrears.HandleAsync(database.Context(admin), admin, tree.NorthDistrict, TestDatabase.Ct)).Error;

        Assert.IsType<AutomaticLapseOff>(refused);
        await using var db = database.Context();
        Assert.Equal(MemberStatus.Member, await db.Members.Where(m => m.Id == lapsing).Select(m => m.Status).SingleAsync(TestDatabase.Ct));
    }
}
