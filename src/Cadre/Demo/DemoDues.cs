using Cadre.Data;
using Cadre.Dues;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Demo;

/// The demo party's dues: rules (bands, category amounts, level shares), a declared income for each member who pays by
/// income, and the last six months of payments: most members are paid up, some a month or two behind, a few long behind
/// (proposed for lapse). Like DemoParty it builds the entities through their own factories inside the seed's transaction.
internal static class DemoDues
{
    public static async Task SeedAsync(CadreDbContext db, IReadOnlyList<Member> members, Random random, CancellationToken ct)
    {
        var thisMonth = Months.Of(db.Today);
        var first = thisMonth.AddMonths(-6);
        await SeedRulesAsync(db, first, ct);

        foreach (var member in members.Where(m => DuesStanding.OwesDues(m.Status)))
            db.DeclaredIncomes.Add(Must(DeclaredIncome.Declare(member.Id, member.OrganizationId, first, 10m * random.Next(40, 450), db.Today)));
        await db.SaveChangesAsync(ct);
        await SeedPaymentsAsync(db, random, first, thisMonth, ct);
    }

    /// The demo's dues rules (also the synthetic party's), with accounting from the month first.
    public static async Task SeedRulesAsync(CadreDbContext db, DateOnly first, CancellationToken ct)
    {
        var occupations = await db.Classifiers.Where(c => c.Kind == ClassifierKind.Occupation).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var levels = await db.Levels.OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(ct);
        var settings = DuesSettings.Defaults();
        Must(settings.Change("EUR", 0.01m, first, 3, automaticLapse: false));
        db.DuesSettings.Add(settings);
        db.IncomeBands.AddRange(new IncomeBand { FromIncome = 0, Percent = 0.5m }, new IncomeBand { FromIncome = 500, Percent = 1m },
            new IncomeBand { FromIncome = 1500, Percent = 1.5m }, new IncomeBand { FromIncome = 3000, Percent = 2m });
        foreach (var (code, amount) in new[] { ("student", 1m), ("retired", 2m), ("unemployed", 0.5m) })
            if (occupations.TryGetValue(code, out var id)) db.CategoryRates.Add(new CategoryRate { OccupationId = id, MonthlyAmount = amount });
        foreach (var (levelId, percent) in new[] { (levels[0], 40m), (levels[1], 20m), (levels[^2], 20m), (levels[^1], 20m) }.DistinctBy(s => s.Item1))
            db.LevelShares.Add(new LevelShare { LevelId = levelId, Percent = percent });
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedPaymentsAsync(CadreDbContext db, Random random, DateOnly first, DateOnly thisMonth, CancellationToken ct)
    {
        var rules = await DuesRules.LoadAsync(db, ct);
        var ledgers = await DuesLedger.LoadAsync(db, rules, db.Members.Where(m => m.Status != MemberStatus.Former), first, thisMonth.AddMonths(-1), ct);
        var receipt = await ReceiptNumbers.ReserveAsync(db, ledgers.Count, ct);
        foreach (var ledger in ledgers)
        {
            // 70 % paid up, 20 % one or two months behind, 10 % paid nothing for four months or more.
            var draw = random.NextDouble();
            var behind = draw < 0.7 ? 0 : draw < 0.9 ? random.Next(1, 3) : random.Next(4, 7);
            var lines = ledger.Months.Take(Math.Max(ledger.Months.Count - behind, 0)).Where(m => m.Due > 0).Select(m => (m.Month, m.Due)).ToList();
            if (lines.Count == 0) continue;
            var paidOn = lines[^1].Month.AddDays(random.Next(0, 27));
            var method = random.NextDouble() < 0.6 ? PaymentMethod.Cash : PaymentMethod.BankTransfer;
            db.DuesPayments.Add(Must(DuesPayment.Record(ReceiptNumbers.Format(receipt++), ledger.MemberId, ledger.OrganizationId,
                ledger.FirstOwedMonth, paidOn, method, method == PaymentMethod.BankTransfer ? $"TR-{random.Next(100000, 999999)}" : null,
                lines, "demo", db.Today)));
        }
        await db.SaveChangesAsync(ct);
    }

    private static T Must<T>(Cadre.Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo dues broke a rule: {result.Error.Message}");
}
