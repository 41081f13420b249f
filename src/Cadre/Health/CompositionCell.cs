using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Health;

/// Whom a composition cell counts: the full members or the candidates on a day, or the admissions of a year.
public enum CompositionOf
{
    FullMembers = 1,
    Candidates = 2,

    /// Admissions and readmissions decided in the year that ends on the cell's day (or up to it, for the current year).
    Admissions = 3,
}

public enum CompositionDimension
{
    /// Category: the occupation's classifier id.
    Occupation = 1,

    /// Category: the age band (CompositionCategories.AgeBands), the age on the cell's day.
    Age = 2,

    /// Category: the Sex value.
    Sex = 3,

    /// Category: the education's classifier id.
    Education = 4,
}

/// The members of an organization's subtree in one category of one dimension on one day (decision 0073): Members for the
/// whole subtree, OwnMembers for the organization alone. Category 0 is "not recorded". Derived rows, written only by
/// ComputeComposition and rebuilt at every run, like IndicatorValues.
public sealed class CompositionCell
{
    public int OrganizationId { get; private set; }

    /// A year's last day, or the day of computing.
    public DateOnly On { get; private set; }

    public CompositionOf Of { get; private set; }

    public CompositionDimension Dimension { get; private set; }

    public int Category { get; private set; }

    public int Members { get; private set; }

    public int OwnMembers { get; private set; }
}

internal sealed class CompositionCellConfiguration : IEntityTypeConfiguration<CompositionCell>
{
    public void Configure(EntityTypeBuilder<CompositionCell> builder)
    {
        builder.ToTable("CompositionCells");
        // The page reads one organization's cells (a few hundred); the job replaces one day at a time.
        builder.HasKey(c => new { c.OrganizationId, c.On, c.Of, c.Dimension, c.Category });
        builder.HasIndex(c => c.On);
    }
}
