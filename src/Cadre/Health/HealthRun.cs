using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Health;

/// One run of the compute job: when, for which month, how long, how many rows it wrote. The dashboard says "as of".
public sealed class HealthRun
{
    public int Id { get; private set; }

    public DateOnly Month { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime FinishedAt { get; private set; }

    public int Rows { get; private set; }

    /// Warnings the run raised.
    public int Raised { get; private set; }

    public long Milliseconds { get; private set; }

    internal static HealthRun Of(DateOnly month, DateTime startedAt, DateTime finishedAt, int rows, int raised) => new()
    {
        Month = month,
        StartedAt = startedAt,
        FinishedAt = finishedAt,
        Rows = rows,
        Raised = raised,
        Milliseconds = (long)(finishedAt - startedAt).TotalMilliseconds,
    };
}

internal sealed class HealthRunConfiguration : IEntityTypeConfiguration<HealthRun>
{
    public void Configure(EntityTypeBuilder<HealthRun> builder)
    {
        builder.HasIndex(r => r.FinishedAt);
    }
}
