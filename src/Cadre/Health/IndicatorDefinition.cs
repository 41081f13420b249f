using Cadre.Accounts;
using Cadre.Data;

namespace Cadre.Health;

public enum IndicatorKind
{
    /// Counted as things stand when the job runs, stored for the current month: each run replaces the month's row,
    /// so the last run of a month is its figure.
    Snapshot = 1,

    /// Counted from dated events of the month; any month can be recounted.
    Flow = 2,
}

public enum IndicatorUnit
{
    /// A number of members, offices or events.
    Count = 1,

    /// Value out of Base.
    Share = 2,
}

/// Whether more is better (dues paid on time) or worse (lapses, vacant offices): the weakest sub-organization is the
/// one at the bad end.
public enum Better
{
    Higher = 1,
    Lower = 2,
}

/// The month an indicator is counted for, and the dates its definitions need.
public sealed record HealthPeriod(DateOnly Month, DateOnly Today, DateOnly AccountingFrom)
{
    public DateOnly Next => Month.AddMonths(1);

    /// The last complete month before Today's (dues are judged on it: the current month is still being paid).
    public DateOnly LastMonth => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);

    /// The first of the ArrearsMonths months that a member in arrears has paid nothing for.
    public DateOnly ArrearsFrom => LastMonth.AddMonths(1 - IndicatorCatalogue.ArrearsMonths);
}

/// A row behind a number: a member, an office, an event. OrganizationId is where it counts; the caller limits it to a subtree.
public sealed class HealthRow
{
    public int OrganizationId { get; init; }

    public string OrganizationName { get; init; } = "";

    /// "member" or "office": what Id points at (the member's or the office's page).
    public string Kind { get; init; } = "";

    public int Id { get; init; }

    /// The member's number or the office's title.
    public string Label { get; init; } = "";

    public string Name { get; init; } = "";

    public DateOnly? On { get; init; }
}

/// One indicator: what it counts (Own, one set-based SELECT on both engines returning "OrganizationId", "N", "D" for each
/// organization's own rows, with the parameters of ComputeHealth.Parameters), and the same rows as a query (Counted, and Based for a share) for the drill-down and the recount that the
/// stored values must equal. A new indicator (meetings held, directives reported) is one more instance in
/// IndicatorCatalogue.All; docs/health.md says how.
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    string Group,
    IndicatorKind Kind,
    IndicatorUnit Unit,
    Better Better,
    string Definition,
    Permission RowsPermission,
    string Own,
    Func<CadreDbContext, HealthPeriod, IQueryable<HealthRow>> Counted,
    Func<CadreDbContext, HealthPeriod, IQueryable<HealthRow>>? Based = null)
{
    public const int CodeMaxLength = 40;
}
