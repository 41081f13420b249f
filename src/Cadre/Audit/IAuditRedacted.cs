namespace Cadre.Audit;

/// An audited entity whose personal data may be erased on request: the trail records that these fields changed, never
/// their values, so an erasure leaves no copy behind in the append-only trail (decision 0063).
public interface IAuditRedacted
{
    IReadOnlyCollection<string> RedactedInAudit { get; }
}
