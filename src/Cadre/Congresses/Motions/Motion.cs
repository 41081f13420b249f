using Cadre.Audit;
using Cadre.Common;
using Cadre.Elections.Majorities;

namespace Cadre.Congresses.Motions;

public enum MotionStatus
{
    /// Submitted: gathering supporters, open to amendments, awaiting the vote.
    Submitted = 1,
    Withdrawn = 2,
    Adopted = 3,
    Rejected = 4,
}

public enum AmendmentKind
{
    /// Lines From..To are replaced by the amendment's lines.
    Replace = 1,
    /// The amendment's lines are inserted after line From (0: before the first line).
    Insert = 2,
    /// Lines From..To are struck out.
    Delete = 3,
}

public enum Recommendation
{
    None = 0,
    Adopt = 1,
    Reject = 2,
    /// Adopt in the committee's wording: the vote is then on that wording.
    AdoptModified = 3,
}

/// A vote recorded by the presidium: the totals, the rule they were decided by, and the decision in words.
public sealed record VoteRecord(long Yes, long No, long Abstain, MajorityKind Majority, MajorityBase Base, bool Carried, string Reason);

/// A motion to a congress, submitted by an organization or a delegate before the deadline, seconded by delegates, amended line
/// by line, and finally adopted (with the adopted amendments merged in, kept as a new version) or rejected.
public sealed class Motion : IAudited
{
    public const int TitleMaxLength = 300;
    public const int ReasonMaxLength = 10_000;
    public const int SubmitterMaxLength = 300;

    private readonly List<Amendment> amendments = [];
    private readonly List<MotionSupporter> supporters = [];
    private readonly List<MotionVersion> versions = [];

    private Motion()
    {
    }

    public int Id { get; private set; }

    public int CongressId { get; private set; }

    /// The congress's organization (scope and audit).
    public int OrganizationId { get; private set; }

    /// The motion's number at the congress, from 1 (shown as M1).
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    /// The text as submitted, one line a line; amendments refer to these line numbers.
    public string Text { get; private set; } = "";

    public string? Reason { get; private set; }

    public int? SubmittedByOrganizationId { get; private set; }

    public int? SubmittedByDelegateId { get; private set; }

    /// The submitter's name as shown (the organization, or the delegate and their organization).
    public string SubmittedBy { get; private set; } = "";

    public DateTime SubmittedAt { get; private set; }

    public MotionStatus Status { get; private set; }

    public long? Yes { get; private set; }

    public long? No { get; private set; }

    public long? Abstain { get; private set; }

    public MajorityKind? Majority { get; private set; }

    public MajorityBase? MajorityBase { get; private set; }

    public string? VoteReason { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Amendment> Amendments => amendments;

    public IReadOnlyList<MotionSupporter> Supporters => supporters;

    public IReadOnlyList<MotionVersion> Versions => versions;

    public IReadOnlyList<string> Lines => MotionText.Lines(Text);

    /// Once a vote on the motion or one of its amendments is recorded, the debate is under way: no more amendments or supporters.
    public bool VotingStarted => amendments.Any(a => a.Status is AmendmentStatus.Adopted or AmendmentStatus.Rejected) || Status != MotionStatus.Submitted;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<Motion> Submit(int congressId, int organizationId, int number, string? title, string? text, string? reason,
        int? byOrganizationId, int? byDelegateId, string submittedBy, DateTime at)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMaxLength)
            errors.Add(new InvalidField("Title", $"Give the motion a title of at most {TitleMaxLength} characters."));
        var lines = MotionText.Lines(text);
        if (lines.All(string.IsNullOrWhiteSpace)) errors.Add(new InvalidField("Text", "Give the motion's text."));
        else if ((text ?? "").Length > MotionText.MaxLength || lines.Count > MotionText.MaxLines)
            errors.Add(new InvalidField("Text", $"A motion has at most {MotionText.MaxLines} lines and {MotionText.MaxLength} characters."));
        if (reason?.Length > ReasonMaxLength) errors.Add(new InvalidField("Reason", $"The reasons have at most {ReasonMaxLength} characters."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        var motion = new Motion
        {
            CongressId = congressId, OrganizationId = organizationId, Number = number, Title = title!.Trim(), Text = MotionText.Join(lines),
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), SubmittedByOrganizationId = byOrganizationId,
            SubmittedByDelegateId = byDelegateId, SubmittedBy = submittedBy.Length > SubmitterMaxLength ? submittedBy[..SubmitterMaxLength] : submittedBy,
            SubmittedAt = at, Status = MotionStatus.Submitted,
        };
        motion.versions.Add(new MotionVersion(organizationId, 1, motion.Text, "As submitted.", at));
        return motion;
    }

    /// A delegate seconds the motion (not their own), until the vote begins.
    public Result<Done> Support(int delegateId)
    {
        if (Open() is { } closed) return closed;
        if (SubmittedByDelegateId == delegateId) return new CannotSupportOwnMotion();
        if (supporters.Any(s => s.DelegateId == delegateId)) return new AlreadySupporting();
        // The supporters' key orders concurrent supports; the motion's version is left alone so that two delegates may second it at once.
        supporters.Add(new MotionSupporter(OrganizationId, delegateId));
        return Done.Value;
    }

    public Result<Done> WithdrawSupport(int delegateId)
    {
        if (Open() is { } closed) return closed;
        if (supporters.FirstOrDefault(s => s.DelegateId == delegateId) is not { } support) return new NotSupporting();
        supporters.Remove(support);
        return Done.Value;
    }

    /// Whether the motion may be put to the vote: a delegate's motion needs the congress's minimum of supporters; an organization's
    /// was decided by its own body and needs none.
    public bool HasSupport(int minimum) => SubmittedByDelegateId is null || supporters.Count >= minimum;

    public Result<Done> Withdraw()
    {
        if (Status == MotionStatus.Withdrawn) return new MotionWithdrawn();
        if (Status != MotionStatus.Submitted) return new MotionAlreadyDecided();
        Status = MotionStatus.Withdrawn;
        Version++;
        return Done.Value;
    }

    public Result<Amendment> Amend(AmendmentKind kind, int from, int? to, string? text, string? reason, int? byOrganizationId, int? byDelegateId,
        string submittedBy, DateTime at)
    {
        if (Open() is { } closed) return closed;
        var change = Check(kind, from, to, text);
        if (!change.IsSuccess) return change.Error;
        if (reason?.Length > ReasonMaxLength) return new InvalidField("Reason", $"The reasons have at most {ReasonMaxLength} characters.");
        var amendment = new Amendment(OrganizationId, amendments.Count + 1, change.Value, reason, byOrganizationId, byDelegateId,
            submittedBy.Length > SubmitterMaxLength ? submittedBy[..SubmitterMaxLength] : submittedBy, at);
        amendments.Add(amendment);
        Version++;
        return amendment;
    }

    public Result<Done> WithdrawAmendment(int number)
    {
        if (Find(number) is not { } amendment) return new AmendmentNotFound();
        if (Status == MotionStatus.Withdrawn) return new MotionWithdrawn();
        if (amendment.Status == AmendmentStatus.Withdrawn) return new AmendmentWithdrawn();
        if (amendment.Status != AmendmentStatus.Submitted) return new AmendmentAlreadyDecided();
        amendment.Status = AmendmentStatus.Withdrawn;
        Version++;
        return Done.Value;
    }

    /// The committee's recommendation on an amendment; adopting it modified gives the committee's wording of the same lines.
    public Result<Done> Recommend(int number, Recommendation recommendation, string? modifiedText, string? note)
    {
        if (Find(number) is not { } amendment) return new AmendmentNotFound();
        if (Status == MotionStatus.Withdrawn) return new MotionWithdrawn();
        if (Status != MotionStatus.Submitted || amendment.Status is AmendmentStatus.Adopted or AmendmentStatus.Rejected) return new AmendmentAlreadyDecided();
        if (amendment.Status == AmendmentStatus.Withdrawn) return new AmendmentWithdrawn();
        if (!Enum.IsDefined(recommendation)) return new InvalidField("Recommendation", "Adopt, reject, adopt modified or no recommendation.");
        if (note?.Length > Amendment.NoteMaxLength) return new InvalidField("Note", $"The note has at most {Amendment.NoteMaxLength} characters.");
        string? modified = null;
        if (recommendation == Recommendation.AdoptModified)
        {
            if (amendment.Kind == AmendmentKind.Delete) return new InvalidField("ModifiedText", "A deletion is adopted or rejected as it stands.");
            var lines = MotionText.Lines(modifiedText);
            if (lines.Count == 0 || lines.Count > MotionText.MaxLines || (modifiedText ?? "").Length > MotionText.MaxLength)
                return new InvalidField("ModifiedText", "Give the committee's wording of the lines.");
            modified = MotionText.Join(lines);
        }
        amendment.Recommend(recommendation, modified, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        Version++;
        return Done.Value;
    }

    /// Whether an amendment may be put to the vote now: the motion is open and supported, the amendment pending, and it overlaps
    /// no amendment already adopted (two overlapping amendments are never both adopted; the later one cannot be voted on).
    public Result<Amendment> CheckAmendmentVote(int number, int minimumSupporters)
    {
        if (Find(number) is not { } amendment) return new AmendmentNotFound();
        if (Status == MotionStatus.Withdrawn) return new MotionWithdrawn();
        if (Status != MotionStatus.Submitted) return new MotionAlreadyDecided();
        if (amendment.Status == AmendmentStatus.Withdrawn) return new AmendmentWithdrawn();
        if (amendment.Status != AmendmentStatus.Submitted) return new AmendmentAlreadyDecided();
        if (!HasSupport(minimumSupporters)) return new TooFewSupporters(supporters.Count, minimumSupporters);
        if (amendments.FirstOrDefault(a => a.Status == AmendmentStatus.Adopted && MotionText.Overlap(a.Change, amendment.Change)) is { } adopted)
            return new AmendmentsConflict(amendment.Number, adopted.Number);
        return amendment;
    }

    public Result<Done> RecordAmendmentVote(int number, int minimumSupporters, VoteRecord vote, DateTime at)
    {
        var amendment = CheckAmendmentVote(number, minimumSupporters);
        if (!amendment.IsSuccess) return amendment.Error;
        amendment.Value.Decide(vote, at);
        Version++;
        return Done.Value;
    }

    /// Whether the motion itself may be put to the vote: every amendment decided or withdrawn first.
    public Result<Done> CheckVote(int minimumSupporters)
    {
        if (Status == MotionStatus.Withdrawn) return new MotionWithdrawn();
        if (Status != MotionStatus.Submitted) return new MotionAlreadyDecided();
        if (!HasSupport(minimumSupporters)) return new TooFewSupporters(supporters.Count, minimumSupporters);
        var pending = amendments.Count(a => a.Status == AmendmentStatus.Submitted);
        if (pending > 0) return new AmendmentsUndecided(pending);
        return Done.Value;
    }

    /// The final vote. Adopted, the text with the adopted amendments merged in is kept as a new version.
    public Result<Done> RecordVote(int minimumSupporters, VoteRecord vote, DateTime at)
    {
        var check = CheckVote(minimumSupporters);
        if (!check.IsSuccess) return check.Error;
        Yes = vote.Yes;
        No = vote.No;
        Abstain = vote.Abstain;
        Majority = vote.Majority;
        MajorityBase = vote.Base;
        VoteReason = vote.Reason;
        DecidedAt = at;
        Status = vote.Carried ? MotionStatus.Adopted : MotionStatus.Rejected;
        if (vote.Carried)
        {
            var adopted = amendments.Where(a => a.Status == AmendmentStatus.Adopted).OrderBy(a => a.Number).ToList();
            var note = adopted.Count == 0 ? "As adopted, unamended."
                : $"As adopted, with amendment{(adopted.Count == 1 ? "" : "s")} {string.Join(", ", adopted.Select(a => $"A{a.Number}"))}.";
            versions.Add(new MotionVersion(OrganizationId, versions.Count + 1, MotionText.Join(Merged()), note, at));
        }
        Version++;
        return Done.Value;
    }

    /// The text with every adopted amendment merged in (as the committee modified it, where the vote was on its wording).
    public IReadOnlyList<string> Merged() =>
        MotionText.Apply(Lines, amendments.Where(a => a.Status == AmendmentStatus.Adopted).Select(a => a.AdoptedChange).ToList());

    private Amendment? Find(int number) => amendments.FirstOrDefault(a => a.Number == number);

    private Error? Open()
    {
        if (Status == MotionStatus.Withdrawn) return new MotionWithdrawn();
        if (Status != MotionStatus.Submitted) return new MotionAlreadyDecided();
        if (VotingStarted) return new VotingUnderWay();
        return null;
    }

    private Result<LineChange> Check(AmendmentKind kind, int from, int? to, string? text)
    {
        var count = Lines.Count;
        if (!Enum.IsDefined(kind)) return new InvalidField("Kind", "Replace, insert or delete lines.");
        var lines = MotionText.Lines(text);
        if ((text ?? "").Length > MotionText.MaxLength || lines.Count > MotionText.MaxLines)
            return new InvalidField("Text", $"An amendment has at most {MotionText.MaxLines} lines and {MotionText.MaxLength} characters.");
        if (kind == AmendmentKind.Insert)
        {
            if (from < 0 || from > count) return new AmendmentLineNotFound(from, count);
            if (lines.Count == 0) return new InvalidField("Text", "Give the lines to insert.");
            return new LineChange(kind, from, from, lines);
        }
        var last = to ?? from;
        if (from < 1 || from > count) return new AmendmentLineNotFound(from, count);
        if (last < from || last > count) return new AmendmentLineNotFound(last, count);
        if (kind == AmendmentKind.Replace && lines.Count == 0) return new InvalidField("Text", "Give the new wording of the lines.");
        return new LineChange(kind, from, last, kind == AmendmentKind.Delete ? [] : lines);
    }
}

public enum AmendmentStatus
{
    Submitted = 1,
    Withdrawn = 2,
    Adopted = 3,
    Rejected = 4,
}

/// An amendment to lines of a motion, with the committee's recommendation and the vote on it.
public sealed class Amendment : IAudited
{
    public const int NoteMaxLength = 2_000;

    private Amendment()
    {
    }

    internal Amendment(int organizationId, int number, LineChange change, string? reason, int? byOrganizationId, int? byDelegateId, string submittedBy,
        DateTime at)
    {
        OrganizationId = organizationId;
        Number = number;
        Kind = change.Kind;
        FromLine = change.From;
        ToLine = change.To;
        Text = MotionText.Join(change.Lines);
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        SubmittedByOrganizationId = byOrganizationId;
        SubmittedByDelegateId = byDelegateId;
        SubmittedBy = submittedBy;
        SubmittedAt = at;
        Status = AmendmentStatus.Submitted;
    }

    public int Id { get; private set; }

    public int MotionId { get; private set; }

    public int OrganizationId { get; private set; }

    /// The amendment's number on its motion, from 1 (shown as A1).
    public int Number { get; private set; }

    public AmendmentKind Kind { get; private set; }

    /// Replace and delete: the first line; insert: the line after which the new lines go (0: at the start).
    public int FromLine { get; private set; }

    public int ToLine { get; private set; }

    /// The new lines (empty for a deletion).
    public string Text { get; private set; } = "";

    public string? Reason { get; private set; }

    public int? SubmittedByOrganizationId { get; private set; }

    public int? SubmittedByDelegateId { get; private set; }

    public string SubmittedBy { get; private set; } = "";

    public DateTime SubmittedAt { get; private set; }

    public AmendmentStatus Status { get; internal set; }

    public Recommendation Recommendation { get; private set; }

    /// The committee's wording, when it recommends adopting the amendment modified.
    public string? ModifiedText { get; private set; }

    public string? RecommendationNote { get; private set; }

    public long? Yes { get; private set; }

    public long? No { get; private set; }

    public long? Abstain { get; private set; }

    public string? VoteReason { get; private set; }

    /// The vote was on the committee's wording.
    public bool AdoptedModified { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public LineChange Change => new(Kind, FromLine, ToLine, Kind == AmendmentKind.Delete ? [] : MotionText.Lines(Text));

    /// The change as put to the vote: in the committee's wording when it recommended adopting it modified.
    public LineChange VotedChange => Recommendation == Recommendation.AdoptModified && ModifiedText is not null
        ? Change with { Lines = MotionText.Lines(ModifiedText) } : Change;

    public LineChange AdoptedChange => AdoptedModified && ModifiedText is not null ? Change with { Lines = MotionText.Lines(ModifiedText) } : Change;

    int? IAudited.AuditOrganizationId => OrganizationId;

    internal void Recommend(Recommendation recommendation, string? modified, string? note)
    {
        Recommendation = recommendation;
        ModifiedText = modified;
        RecommendationNote = note;
    }

    internal void Decide(VoteRecord vote, DateTime at)
    {
        Yes = vote.Yes;
        No = vote.No;
        Abstain = vote.Abstain;
        VoteReason = vote.Reason;
        DecidedAt = at;
        AdoptedModified = Recommendation == Recommendation.AdoptModified && ModifiedText is not null;
        Status = vote.Carried ? AmendmentStatus.Adopted : AmendmentStatus.Rejected;
    }
}

/// A delegate who seconds a motion. Seconding is open, so it is audited.
public sealed class MotionSupporter : IAudited
{
    private MotionSupporter()
    {
    }

    internal MotionSupporter(int organizationId, int delegateId)
    {
        OrganizationId = organizationId;
        DelegateId = delegateId;
    }

    public int MotionId { get; private set; }

    public int DelegateId { get; private set; }

    public int OrganizationId { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;
}

/// A version of a motion's text: 1 as submitted, then the text as adopted with its adopted amendments merged in.
public sealed class MotionVersion : IAudited
{
    private MotionVersion()
    {
    }

    internal MotionVersion(int organizationId, int number, string text, string note, DateTime at)
    {
        OrganizationId = organizationId;
        Number = number;
        Text = text;
        Note = note;
        CreatedAt = at;
    }

    public int Id { get; private set; }

    public int MotionId { get; private set; }

    public int OrganizationId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; } = "";

    public string Note { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;
}
