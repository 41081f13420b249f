using Cadre.Audit;

namespace Cadre.Organizations;

public enum BodyKind
{
    Committee = 1,
    Bureau = 2,
    Secretariat = 3,
    Commission = 4,
    Other = 9,
}

/// A committee, bureau or commission of an organization.
public sealed class Body : IAudited
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public required string Name { get; set; }

    public BodyKind Kind { get; set; }

    int? IAudited.AuditOrganizationId => OrganizationId;
}
