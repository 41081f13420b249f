using Cadre.Audit;

namespace Cadre.Organizations;

public enum OfficeKind
{
    Secretary = 1,
    DeputySecretary = 2,
    Treasurer = 3,
    Member = 4,
    Other = 9,
}

/// An office of an organization (secretary, treasurer, ...), optionally within one of its bodies.
/// Seats is how many people may hold it at once (1 for a secretary, more for committee membership).
public sealed class Office : IAudited
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public int? BodyId { get; set; }

    public Body? Body { get; set; }

    public required string Title { get; set; }

    public OfficeKind Kind { get; set; }

    public int Seats { get; set; } = 1;

    public List<Term> Terms { get; } = [];

    int? IAudited.AuditOrganizationId => OrganizationId;
}
