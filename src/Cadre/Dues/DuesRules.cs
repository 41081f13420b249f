using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Dues;

public enum DuesBasis
{
    /// A percentage of the declared income, by band.
    Income = 1,

    /// The flat amount of the member's occupation category.
    Category = 2,

    Exempt = 3,

    /// Neither a category amount nor a declared income: nothing can be computed until the income is declared.
    NoIncomeDeclared = 4,
}

public sealed record Obligation(decimal Amount, DuesBasis Basis, string? Note = null);

/// The facts about one member that their obligations depend on.
public sealed record MemberDuesFacts(int MemberId, int OrganizationId, DateOnly JoinedOn, MemberStatus Status, int? OccupationId,
    IReadOnlyList<DeclaredIncome> Incomes, IReadOnlyList<DuesExemption> Exemptions);

/// The rules in force, loaded once, and the pure computation of a month's obligation from them.
public sealed class DuesRules
{
    private readonly IReadOnlyList<IncomeBand> bandsDescending;
    private readonly Dictionary<int, decimal> categoryAmounts;

    public DuesRules(DuesSettings settings, IEnumerable<IncomeBand> bands, IEnumerable<CategoryRate> categories, IEnumerable<LevelShare> shares)
    {
        Settings = settings;
        bandsDescending = bands.OrderByDescending(b => b.FromIncome).ToList();
        categoryAmounts = categories.ToDictionary(c => c.OccupationId, c => c.MonthlyAmount);
        Shares = shares.ToList();
    }

    public DuesSettings Settings { get; }

    public IReadOnlyList<IncomeBand> Bands => bandsDescending.Reverse().ToList();

    public IReadOnlyDictionary<int, decimal> CategoryAmounts => categoryAmounts;

    public IReadOnlyList<LevelShare> Shares { get; }

    public static async Task<DuesRules> LoadAsync(CadreDbContext db, CancellationToken ct) => new(
        await db.DuesSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? DuesSettings.Defaults(),
        await db.IncomeBands.AsNoTracking().ToListAsync(ct),
        await db.CategoryRates.AsNoTracking().ToListAsync(ct),
        await db.LevelShares.AsNoTracking().ToListAsync(ct));

    /// The first month the member owes dues for.
    public DateOnly FirstOwedMonth(DateOnly joinedOn)
    {
        var joined = Months.Of(joinedOn);
        return Settings.AccountingFrom is { } from && from > joined ? from : joined;
    }

    /// What the member owes for the month; null when they owe nothing for it at all (before joining, or not a member).
    public Obligation? For(MemberDuesFacts member, DateOnly month)
    {
        if (!DuesStanding.OwesDues(member.Status) || month < FirstOwedMonth(member.JoinedOn)) return null;
        if (member.Exemptions.FirstOrDefault(e => e.Covers(month)) is { } exemption) return new Obligation(0, DuesBasis.Exempt, exemption.Reason);
        if (member.OccupationId is { } occupation && categoryAmounts.TryGetValue(occupation, out var flat))
            return new Obligation(Settings.Round(flat), DuesBasis.Category);
        var income = member.Incomes.Where(i => i.FromMonth <= month).MaxBy(i => i.FromMonth);
        if (income is null) return new Obligation(0, DuesBasis.NoIncomeDeclared);
        var band = bandsDescending.FirstOrDefault(b => b.FromIncome <= income.MonthlyIncome);
        if (band is null) return new Obligation(0, DuesBasis.Income, "Below the lowest band");
        return new Obligation(Settings.Round(income.MonthlyIncome * band.Percent / 100m), DuesBasis.Income, $"{band.Percent:0.##} % of {income.MonthlyIncome:0.00}");
    }
}
