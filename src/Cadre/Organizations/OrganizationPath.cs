namespace Cadre.Organizations;

/// The closure table: one row for every (ancestor, descendant) pair, itself included at depth 0.
/// "Everything below X" is one indexed lookup on AncestorId at any depth, on both engines.
public sealed class OrganizationPath
{
    public int AncestorId { get; init; }

    public int DescendantId { get; init; }

    public int Depth { get; init; }
}
