namespace Cadre.Common;

/// A named number sequence kept in the database, so that several web instances never hand out the same number.
public sealed class Counter
{
    public required string Name { get; init; }

    public long Value { get; set; }
}
