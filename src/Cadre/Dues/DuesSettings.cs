using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Dues;

/// The party-wide dues settings: one row. Bands, category amounts and level shares sit in their own tables.
public sealed class DuesSettings : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    /// ISO 4217 code of the currency dues are paid in.
    public string CurrencyCode { get; private set; } = "EUR";

    /// Obligations are rounded to a multiple of this (0.01 by default), half away from zero.
    public decimal RoundingStep { get; private set; } = 0.01m;

    /// The first month dues are accounted for in Cadre; members who joined earlier owe from here (null: from joining).
    public DateOnly? AccountingFrom { get; private set; }

    /// After this many months in a row without full payment, a member is proposed for lapse.
    public int LapseAfterMonths { get; private set; } = 6;

    /// Whether the party's statutes lapse members automatically. Recorded here; the lapse itself belongs to the membership lifecycle.
    public bool AutomaticLapse { get; private set; }

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => null;

    public static DuesSettings Defaults() => new();

    public Result<Done> Change(string currencyCode, decimal roundingStep, DateOnly? accountingFrom, int lapseAfterMonths, bool automaticLapse)
    {
        var errors = new List<InvalidField>();
        var currency = currencyCode.Trim().ToUpperInvariant();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            errors.Add(new InvalidField(nameof(CurrencyCode), "The currency is a three-letter ISO 4217 code, such as EUR or USD."));
        if (roundingStep <= 0 || roundingStep > 100)
            errors.Add(new InvalidField(nameof(RoundingStep), "The rounding step is a positive amount, such as 0.01, 0.05 or 1."));
        if (accountingFrom is { } from && !Months.IsMonth(from))
            errors.Add(new InvalidField(nameof(AccountingFrom), "Accounting starts on the first day of a month."));
        if (lapseAfterMonths is < 1 or > 120)
            errors.Add(new InvalidField(nameof(LapseAfterMonths), "Lapse is proposed after 1 to 120 months without payment."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        CurrencyCode = currency;
        RoundingStep = roundingStep;
        AccountingFrom = accountingFrom;
        LapseAfterMonths = lapseAfterMonths;
        AutomaticLapse = automaticLapse;
        Version++;
        return Done.Value;
    }

    /// Rounds to the step, a half step away from zero (2.345 -> 2.35 at 0.01; 12.5 -> 13 at 1).
    public decimal Round(decimal amount) => Math.Round(amount / RoundingStep, MidpointRounding.AwayFromZero) * RoundingStep;
}

/// A band of declared monthly income from which a percentage of the whole income is owed.
public sealed class IncomeBand : IAudited
{
    public int Id { get; set; }

    /// The lowest monthly income the band covers; the band runs up to the next band's lower bound.
    public decimal FromIncome { get; set; }

    public decimal Percent { get; set; }

    int? IAudited.AuditOrganizationId => null;
}

/// A flat monthly amount for members of an occupation category (students, retired, unemployed), whatever their income.
public sealed class CategoryRate : IAudited
{
    public int Id { get; set; }

    public int OccupationId { get; set; }

    public decimal MonthlyAmount { get; set; }

    int? IAudited.AuditOrganizationId => null;
}

/// The part of what is collected that organizations of a level keep; the parts of all levels sum to 100.
public sealed class LevelShare : IAudited
{
    public int Id { get; set; }

    public int LevelId { get; set; }

    public decimal Percent { get; set; }

    int? IAudited.AuditOrganizationId => null;
}
