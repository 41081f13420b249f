using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Directives;

public enum AssignmentStatus
{
    Received = 1,
    Acknowledged = 2,
    InProgress = 3,
    Reported = 4,
    Accepted = 5,

    /// The issuer sent the report back for rework; the organization reports again.
    Returned = 6,
}

public enum ReportOutcome
{
    Implemented = 1,
    Partly = 2,
    NotImplemented = 3,
}

/// A directive at one receiving organization: received → acknowledged → in progress → reported, then accepted or returned
/// for rework. One per organization and chain (a directive passed on re-points the assignments it reaches). The report's
/// figures are columns (Figure1…Figure5) so the roll-up sums them in the same grouped scan that counts (decision 0041).
public sealed class Assignment : IAudited
{
    public const int ReportTextMaxLength = 20_000;
    public const int ReasonMaxLength = 2000;
    public const int NoteMaxLength = 2000;

    private Assignment()
    {
    }

    public long Id { get; private set; }

    /// The directive it arrived through: the first of the chain, or the one an intermediate organization passed on.
    public int DirectiveId { get; private set; }

    public int RootDirectiveId { get; private set; }

    public int OrganizationId { get; private set; }

    /// The organization's level when it was assigned, for the roll-up by level.
    public int LevelId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public AssignmentStatus Status { get; private set; }

    public DateOnly? AcknowledgedOn { get; private set; }

    public DateOnly? StartedOn { get; private set; }

    public DateOnly? ReportedOn { get; private set; }

    public ReportOutcome? Outcome { get; private set; }

    public string? Reason { get; private set; }

    public string? ReportText { get; private set; }

    public long? Figure1 { get; private set; }

    public long? Figure2 { get; private set; }

    public long? Figure3 { get; private set; }

    public long? Figure4 { get; private set; }

    public long? Figure5 { get; private set; }

    /// Whether the report's figures were summed from the reports of the organization's subtree.
    public bool SummarisesSubtree { get; private set; }

    public DateOnly? ReviewedOn { get; private set; }

    public string? ReviewNote { get; private set; }

    /// The directive this organization passed the assignment on as, if it did.
    public int? PassedOnDirectiveId { get; private set; }

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static readonly AssignmentStatus[] Done = [AssignmentStatus.Reported, AssignmentStatus.Accepted];

    public bool IsReported => Status is AssignmentStatus.Reported or AssignmentStatus.Accepted;

    public bool IsOverdue(DateOnly today, bool reportRequired) => reportRequired && !IsReported && DueOn < today;

    public IReadOnlyList<long?> Figures => [Figure1, Figure2, Figure3, Figure4, Figure5];

    /// A test or generator builds one directly (the use cases create assignments in bulk, AssignmentSql).
    internal static Assignment For(int directiveId, int rootDirectiveId, int organizationId, int levelId, DateOnly dueOn) => new()
    {
        DirectiveId = directiveId, RootDirectiveId = rootDirectiveId, OrganizationId = organizationId, LevelId = levelId, DueOn = dueOn,
        Status = AssignmentStatus.Received,
    };

    public Result<Done> Acknowledge(DateOnly today)
    {
        if (Status != AssignmentStatus.Received) return new AssignmentAlreadyAcknowledged(Status);
        Status = AssignmentStatus.Acknowledged;
        AcknowledgedOn = today;
        Version++;
        return Common.Done.Value;
    }

    public Result<Done> Start(DateOnly today)
    {
        if (Status == AssignmentStatus.Received) return new AssignmentNotAcknowledged();
        if (Status != AssignmentStatus.Acknowledged && Status != AssignmentStatus.Returned) return new AssignmentCannotStart(Status);
        Status = AssignmentStatus.InProgress;
        StartedOn ??= today;
        Version++;
        return Common.Done.Value;
    }

    /// figures: one value for each figure of the report form, in its order.
    public Result<Done> Report(ReportOutcome outcome, string? reason, string? text, IReadOnlyList<long?> figures, IReadOnlyList<string> figureNames,
        bool summarisesSubtree, DateOnly today)
    {
        if (Status == AssignmentStatus.Received) return new AssignmentNotAcknowledged();
        if (IsReported) return new AssignmentAlreadyReported(Status);
        var errors = new List<InvalidField>();
        if (!Enum.IsDefined(outcome)) errors.Add(new InvalidField("Outcome", "Implemented, partly implemented or not implemented."));
        if (outcome == ReportOutcome.NotImplemented && string.IsNullOrWhiteSpace(reason)) errors.Add(new ReasonRequired());
        if (reason?.Length > ReasonMaxLength) errors.Add(new InvalidField("Reason", $"The reason has at most {ReasonMaxLength} characters."));
        if (text?.Length > ReportTextMaxLength) errors.Add(new InvalidField("Text", $"The report has at most {ReportTextMaxLength:N0} characters."));
        if (figures.Count > figureNames.Count) errors.Add(new InvalidField("Figures", $"The report form has {figureNames.Count} figure(s)."));
        for (var i = 0; i < figureNames.Count; i++)
        {
            var value = i < figures.Count ? figures[i] : null;
            if (value is null) errors.Add(new FigureMissing(i, figureNames[i]));
            else if (value < 0) errors.Add(new InvalidField($"Figures[{i}]", $"\"{figureNames[i]}\" cannot be negative."));
        }
        if (errors.Count > 0) return new ValidationFailed(errors);
        Status = AssignmentStatus.Reported;
        ReportedOn = today;
        Outcome = outcome;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ReportText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        long? At(int i) => i < figureNames.Count ? figures[i] : null;
        (Figure1, Figure2, Figure3, Figure4, Figure5) = (At(0), At(1), At(2), At(3), At(4));
        SummarisesSubtree = summarisesSubtree;
        Version++;
        return Common.Done.Value;
    }

    public Result<Done> Accept(string? note, DateOnly today)
    {
        if (Status != AssignmentStatus.Reported) return new NoReportToReview(Status);
        if (note?.Length > NoteMaxLength) return new InvalidField("Note", $"The note has at most {NoteMaxLength} characters.");
        Status = AssignmentStatus.Accepted;
        ReviewedOn = today;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Version++;
        return Common.Done.Value;
    }

    public Result<Done> Return(string? note, DateOnly today)
    {
        if (Status != AssignmentStatus.Reported) return new NoReportToReview(Status);
        if (string.IsNullOrWhiteSpace(note)) return new ReturnNoteRequired();
        if (note.Length > NoteMaxLength) return new InvalidField("Note", $"The note has at most {NoteMaxLength} characters.");
        Status = AssignmentStatus.Returned;
        ReviewedOn = today;
        ReviewNote = note.Trim();
        Version++;
        return Common.Done.Value;
    }

    public Result<Done> MarkPassedOn(int directiveId)
    {
        if (PassedOnDirectiveId is not null) return new AlreadyPassedOn();
        if (Status == AssignmentStatus.Received) return new AssignmentNotAcknowledged();
        if (IsReported) return new AssignmentAlreadyReported(Status);
        PassedOnDirectiveId = directiveId;
        Version++;
        return Common.Done.Value;
    }

    public static string Describe(AssignmentStatus status) => status switch
    {
        AssignmentStatus.InProgress => "in progress",
        AssignmentStatus.Returned => "returned for rework",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Describe(ReportOutcome outcome) => outcome switch
    {
        ReportOutcome.Implemented => "implemented",
        ReportOutcome.Partly => "partly implemented",
        _ => "not implemented",
    };
}
