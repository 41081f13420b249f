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

    /// The moment of computing (UTC): meetings count once they have begun. The end of Today unless set.
    public DateTime Now { get; init; } = Today.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc);

    /// The month's first and next month's first moment, UTC, for timestamps (meetings begin at a time).
    public DateTime MonthAt => Month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime NextAt => Next.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// A row behind a number: a member, an office, an event, a meeting, an assignment. OrganizationId is where it counts; the caller limits it to a subtree.
public sealed class HealthRow
{
    public int OrganizationId { get; init; }

    public string OrganizationName { get; init; } = "";

    /// "member", "office", "meeting", "assignment" or "schedule": what Id points at (its page; a schedule's is the organization's).
    public string Kind { get; init; } = "";

    public int Id { get; init; }

    /// The member's number or the office's title.
    public string Label { get; init; } = "";

    public string Name { get; init; } = "";

    public DateOnly? On { get; init; }

    /// When it happened, for rows with a time (meetings).
    public DateTime? At { get; init; }

    /// How much this row adds to the number: 1 for a member or an office; a meeting adds its members present (or, for
    /// the base, its members entitled).
    public int Count { get; init; } = 1;

    /// A meeting's full members present or late, and those on its roll.
    public int? Present { get; init; }

    public int? Entitled { get; init; }
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
    Func<CadreDbContext, HealthPeriod, IQueryable<HealthRow>>? Based = null,
    Func<CadreDbContext, DateOnly, IQueryable<int>>? Population = null)
{
    // Population: the organizations a rule "count below" looks at (those expected to have the thing counted, founded
    // before the given first day of the rule's window); null means every active organization. No general meeting is
    // a warning at a primary organization that must hold them, not at the central committee.
    public const int CodeMaxLength = 40;
}
