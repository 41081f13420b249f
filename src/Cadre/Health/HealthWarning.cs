using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Health;

public enum WarningStatus
{
    Open = 1,
    Seen = 2,
    Acknowledged = 3,
    Resolved = 4,
}

/// A warning raised by a rule at one organization: seen, acknowledged and resolved with a note by the people who
/// answer for it. A rule raises at most one unresolved warning per organization.
public sealed class HealthWarning : IAudited
{
    public const int NoteMaxLength = 2000;

    private HealthWarning()
    {
    }

    public int Id { get; private set; }

    public int RuleId { get; private set; }

    public WarningRule Rule { get; private set; } = null!;

    public int OrganizationId { get; private set; }

    public DateOnly Month { get; private set; }

    public DateOnly RaisedOn { get; private set; }

    /// What the rule saw, and the threshold it was compared with then.
    public decimal Observed { get; private set; }

    public decimal Threshold { get; private set; }

    public WarningStatus Status { get; private set; }

    public string? SeenBy { get; private set; }

    public DateTime? SeenAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public DateTime? AcknowledgedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public string? Note { get; private set; }

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    internal static HealthWarning Raise(WarningRule rule, int organizationId, DateOnly month, DateOnly today, decimal observed) => new()
    {
        RuleId = rule.Id,
        OrganizationId = organizationId,
        Month = month,
        RaisedOn = today,
        Observed = observed,
        Threshold = rule.Threshold,
        Status = WarningStatus.Open,
    };

    /// The latest figure while it is open; it was raised once and stays one warning.
    internal void Observe(decimal observed, DateOnly month)
    {
        Observed = observed;
        Month = month;
    }

    public Result<Done> See(string by, DateTime at)
    {
        if (Status != WarningStatus.Open) return Done.Value;
        Status = WarningStatus.Seen;
        SeenBy = by;
        SeenAt = at;
        Version++;
        return Done.Value;
    }

    public Result<Done> Acknowledge(string by, DateTime at, string? note)
    {
        if (Status == WarningStatus.Resolved) return new WarningAlreadyResolved();
        if (Status == WarningStatus.Acknowledged) return new WarningAlreadyAcknowledged();
        if (Clean(note) is { Length: > NoteMaxLength }) return new InvalidField("Note", $"The note is at most {NoteMaxLength} characters.");
        if (Status == WarningStatus.Open)
        {
            SeenBy = by;
            SeenAt = at;
        }
        Status = WarningStatus.Acknowledged;
        AcknowledgedBy = by;
        AcknowledgedAt = at;
        if (Clean(note) is { } text) Note = text;
        Version++;
        return Done.Value;
    }

    public Result<Done> Resolve(string by, DateTime at, string? note)
    {
        if (Status == WarningStatus.Resolved) return new WarningAlreadyResolved();
        if (Clean(note) is not { } text) return new InvalidField("Note", "Say what was done: a warning is resolved with a note.");
        if (text.Length > NoteMaxLength) return new InvalidField("Note", $"The note is at most {NoteMaxLength} characters.");
        Status = WarningStatus.Resolved;
        ResolvedBy = by;
        ResolvedAt = at;
        Note = Note is null ? text : Note + "\n\n" + text;
        Version++;
        return Done.Value;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record WarningNotFound() : NotFoundError("There is no such warning.");

public sealed record WarningRuleNotFound() : NotFoundError("There is no such warning rule.");

public sealed record WarningAlreadyResolved() : ConflictError("The warning is resolved already.");

public sealed record WarningAlreadyAcknowledged() : ConflictError("The warning is acknowledged already.");

public sealed record HealthOrganizationNotFound() : NotFoundError("There is no such organization.");

public sealed record UnknownIndicator() : InvalidField("Indicator", "That is not one of the indicators.");

public sealed record HealthNotPermitted() : ForbiddenError("You may not act on the health warnings of this organization.");
