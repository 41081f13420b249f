using Cadre.Audit;

namespace Cadre.Organizations;

/// A level of the tree (Central committee, Regional, District, Primary organization). Rank 0 is the top;
/// an organization sits under one of a lower rank.
public sealed class Level : IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int Rank { get; set; }

    int? IAudited.AuditOrganizationId => null;

    public static readonly string[] Defaults = ["Central committee", "Regional", "District", "Primary organization"];
}
