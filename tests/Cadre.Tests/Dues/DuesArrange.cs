using Cadre.Accounts;
using Cadre.Dues;
using Cadre.Members;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Dues;

/// Intent methods for dues tests. Today is 2025-03-15 (TestClock); members joined 2020-05-01 and accounting starts 2025-01,
/// so January and February are past months and March the current one.
public static class DuesArrange
{
    public static readonly DateOnly January = new(2025, 1, 1);
    public static readonly DateOnly February = new(2025, 2, 1);
    public static readonly DateOnly March = new(2025, 3, 1);
    public static readonly DateOnly IncomeSince = new(2024, 1, 1);

    public static ChangeDuesRules.Request Rules => new()
    {
        CurrencyCode = "EUR",
        RoundingStep = 0.01m,
        AccountingFrom = January,
        LapseAfterMonths = 3,
        Bands = [new(0, 1m), new(1000, 1.5m), new(3000, 2m)],
    };

    public static async Task SetRulesAsync(this TestDatabase database, ChangeDuesRules.Request? rules = null)
    {
        var admin = Actor.System("admin");
        var result = await ChangeDuesRules.HandleAsync(database.Context(admin), admin, rules ?? Rules, TestDatabase.Ct);
        result.Ok();
    }

    public static async Task<int> OccupationAsync(this TestDatabase database, string code)
    {
        await using var db = database.Context();
        return await db.Classifiers.Where(c => c.Kind == ClassifierKind.Occupation && c.Code == code).Select(c => c.Id).SingleAsync(TestDatabase.Ct);
    }

    public static async Task<int> MemberWithIncomeAsync(this TestDatabase database, int organizationId, string given, string family, decimal income)
    {
        var member = await database.RegisterMemberAsync(organizationId, given, family);
        var admin = Actor.System("admin");
        (await DeclareIncome.HandleAsync(database.Context(admin), admin, new DeclareIncome.Request(member.MemberId, IncomeSince, income), TestDatabase.Ct)).Ok();
        return member.MemberId;
    }

    public static Task<Cadre.Common.Result<RecordPayment.Recorded>> PayAsync(this TestDatabase database, Actor actor, int memberId,
        params (DateOnly Month, decimal Amount)[] months) =>
        RecordPayment.HandleAsync(database.Context(actor), actor,
            new RecordPayment.Request { MemberId = memberId, Method = PaymentMethod.Cash, Months = months.Select(m => new RecordPayment.Line(m.Month, m.Amount)).ToList() },
            TestDatabase.Ct);

    public static async Task<MemberDues> DuesOfAsync(this TestDatabase database, int memberId)
    {
        var admin = Actor.System("admin");
        return (await DuesQueries.MemberAsync(database.Context(admin), admin, memberId, TestDatabase.Ct)).Ok();
    }

    public static async Task<(int Payments, int Allocations)> StoredPaymentsAsync(this TestDatabase database)
    {
        await using var db = database.Context();
        return (await db.DuesPayments.CountAsync(TestDatabase.Ct), await db.Set<PaymentAllocation>().CountAsync(TestDatabase.Ct));
    }
}
