namespace Cadre.Tests.Infrastructure;

/// A clock the test sets and moves, so "today" and audit timestamps are known values.
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2025, 3, 15, 10, 0, 0, TimeSpan.Zero);

    public TestClock()
        : this(Start)
    {
    }

    public DateTimeOffset Now { get; set; } = now;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
