using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Health;

/// One indicator of one organization for one month: Value over Base for its whole subtree (itself included), and
/// OwnValue over OwnBase for the organization alone. Derived rows: written only by ComputeHealth, rebuilt at will.
public sealed class IndicatorValue
{
    public int OrganizationId { get; private set; }

    /// The month as its first day.
    public DateOnly Month { get; private set; }

    /// The indicator's code (IndicatorDefinition.Code).
    public string Indicator { get; private set; } = "";

    public int Value { get; private set; }

    /// What Value is a share of (0 for indicators that are counts).
    public int Base { get; private set; }

    public int OwnValue { get; private set; }

    public int OwnBase { get; private set; }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("IndicatorValues");
        builder.HasKey(v => new { v.OrganizationId, v.Indicator, v.Month });
        builder.Property(v => v.Indicator).HasMaxLength(IndicatorDefinition.CodeMaxLength);
        // The job replaces one indicator's month at a time; no foreign keys, the rows are derived (like MemberTallies).
        builder.HasIndex(v => new { v.Indicator, v.Month });
    }
}
