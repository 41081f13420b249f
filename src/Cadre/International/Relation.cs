using Cadre.Audit;
using Cadre.Common;

namespace Cadre.International;

/// How close an organization stands to a party, from the closest: fraternal, friendly, contact; none when ties ended.
public enum RelationStatus
{
    None = 0,
    Contact = 1,
    Friendly = 2,
    Fraternal = 3,
}

/// The relation of one organization with one party, and every change of its status with its date.
public sealed class Relation : IAudited
{
    public const int NoteMaxLength = 2000;

    private readonly List<RelationChange> changes = [];

    private Relation()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public int PartyId { get; private set; }

    public RelationStatus Status { get; private set; }

    /// The date of the latest change of status.
    public DateOnly Since { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<RelationChange> Changes => changes;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<Relation> Establish(int organizationId, int partyId, RelationStatus status, DateOnly on, string? note, DateOnly today)
    {
        if (Check(status, on, note, today) is { } error) return error;
        var relation = new Relation { OrganizationId = organizationId, PartyId = partyId, Status = status, Since = on, Version = 1 };
        relation.changes.Add(new RelationChange(organizationId, null, status, on, Clean(note)));
        return relation;
    }

    public Result<Done> Change(RelationStatus status, DateOnly on, string? note, DateOnly today)
    {
        if (Check(status, on, note, today) is { } error) return error;
        if (status == Status) return new RelationAlreadyAt(status);
        if (on < Since) return new RelationChangeBeforeLast(Since);
        changes.Add(new RelationChange(OrganizationId, Status, status, on, Clean(note)));
        Status = status;
        Since = on;
        Version++;
        return Done.Value;
    }

    private static ValidationFailed? Check(RelationStatus status, DateOnly on, string? note, DateOnly today)
    {
        var errors = new List<InvalidField>();
        if (!Enum.IsDefined(status)) errors.Add(new InvalidField("Status", "The status is fraternal, friendly, contact or none."));
        if (on > today) errors.Add(new InvalidField("On", "A change of relation is recorded once it has happened: the date cannot be in the future."));
        if (on.Year < Party.EarliestYear) errors.Add(new InvalidField("On", "Give the date of the change."));
        if (note?.Length > NoteMaxLength) errors.Add(new InvalidField("Note", $"The note has at most {NoteMaxLength:N0} characters."));
        return errors.Count == 0 ? null : new ValidationFailed(errors);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// One step of a relation's history: from one status (none for the first) to another, on a date, with the reason.
public sealed class RelationChange : IAudited
{
    private RelationChange()
    {
    }

    internal RelationChange(int organizationId, RelationStatus? from, RelationStatus to, DateOnly on, string? note)
    {
        OrganizationId = organizationId;
        From = from;
        To = to;
        On = on;
        Note = note;
    }

    public int Id { get; private set; }

    public int RelationId { get; private set; }

    public int OrganizationId { get; private set; }

    public RelationStatus? From { get; private set; }

    public RelationStatus To { get; private set; }

    public DateOnly On { get; private set; }

    public string? Note { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;
}
