namespace Cadre.Audit;

/// An entity whose every create, update and delete is written to the audit trail.
public interface IAudited
{
    /// The organization the change belongs to, so the trail can be limited to a subtree.
    int? AuditOrganizationId { get; }
}
