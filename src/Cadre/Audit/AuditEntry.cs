namespace Cadre.Audit;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}

/// One change to personal or organizational data. Written in the same transaction as the change; never edited.
public sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTime At { get; init; }

    public string? UserId { get; init; }

    public string UserName { get; init; } = "";

    public string EntityType { get; init; } = "";

    public string EntityId { get; init; } = "";

    public AuditAction Action { get; init; }

    public int? OrganizationId { get; init; }

    /// JSON object of the changed values before the change; null for a creation.
    public string? Before { get; init; }

    /// JSON object of the values after the change; null for a deletion.
    public string? After { get; init; }
}
