using Cadre.Audit;
using Cadre.Common;

namespace Cadre.International.Seminars;

public enum SeminarKind
{
    Seminar = 1,
    Conference = 2,
    Meeting = 3,
}

/// An international seminar, conference or meeting: where and when, who hosted it (a party of the registry, or the
/// organization itself), the parties that took part with their delegates, and the papers presented.
public sealed class Seminar : IAudited
{
    public const int TitleMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int SummaryMaxLength = 20_000;
    public const int NameMaxLength = 200;
    public const int MaxDelegates = 100;

    private readonly List<SeminarParticipant> participants = [];
    private readonly List<SeminarPaper> papers = [];

    private Seminar()
    {
    }

    public int Id { get; private set; }

    /// The organization whose international work records it (decision 0061).
    public int OrganizationId { get; private set; }

    public SeminarKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public string? Place { get; private set; }

    /// The party that hosted it; null when the organization itself did.
    public int? HostPartyId { get; private set; }

    public string? Summary { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<SeminarParticipant> Participants => participants;

    public IReadOnlyList<SeminarPaper> Papers => papers;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<Seminar> Hold(int organizationId, SeminarKind kind, string title, DateOnly startsOn, DateOnly? endsOn, string? place, int? hostPartyId,
        string? summary)
    {
        if (endsOn < startsOn) return new SeminarEndsBeforeStart(startsOn);
        var errors = new List<InvalidField>();
        if (!Enum.IsDefined(kind)) errors.Add(new InvalidField("Kind", "The kind is a seminar, a conference or a meeting."));
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new InvalidField("Title", "Give the event a title."));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if (startsOn.Year < Party.EarliestYear) errors.Add(new InvalidField("StartsOn", "Give the first day."));
        if (place?.Trim().Length > PlaceMaxLength) errors.Add(new InvalidField("Place", $"The place has at most {PlaceMaxLength} characters."));
        if (summary?.Length > SummaryMaxLength) errors.Add(new InvalidField("Summary", $"The summary has at most {SummaryMaxLength:N0} characters."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new Seminar
        {
            OrganizationId = organizationId, Kind = kind, Title = title.Trim(), StartsOn = startsOn, EndsOn = endsOn, Place = Clean(place), HostPartyId = hostPartyId,
            Summary = Clean(summary), Version = 1,
        };
    }

    /// A party takes part, with its delegates (names and positions as the list gives them). A party is listed once.
    public Result<SeminarParticipant> Admit(int partyId, IReadOnlyList<DelegateEntry> delegates)
    {
        if (participants.Any(p => p.PartyId == partyId)) return new PartyAlreadyParticipates();
        var cleaned = delegates.Where(d => !string.IsNullOrWhiteSpace(d.Name)).ToList();
        var errors = new List<InvalidField>();
        if (cleaned.Count > MaxDelegates) errors.Add(new InvalidField("Delegates", $"A delegation has at most {MaxDelegates} members."));
        foreach (var (d, i) in cleaned.Select((d, i) => (d, i)))
        {
            if (d.Name.Trim().Length > NameMaxLength || d.Position?.Trim().Length > NameMaxLength)
                errors.Add(new InvalidField($"Delegates[{i}]", $"A delegate's name and position have at most {NameMaxLength} characters each."));
        }
        if (errors.Count > 0) return new ValidationFailed(errors);
        var participant = new SeminarParticipant(OrganizationId, partyId, cleaned.Select((d, i) => new SeminarDelegate(i + 1, d.Name.Trim(), Clean(d.Position))));
        participants.Add(participant);
        Version++;
        return participant;
    }

    /// A paper presented: by a participating party's author, or by one of the organization's own (partyId null).
    public Result<SeminarPaper> Present(string title, string? author, int? partyId, int? documentId)
    {
        if (partyId is { } party && party != HostPartyId && participants.All(p => p.PartyId != party)) return new PaperPartyNotParticipating();
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new InvalidField("Title", "Give the paper's title."));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if (author?.Trim().Length > NameMaxLength) errors.Add(new InvalidField("Author", $"The author has at most {NameMaxLength} characters."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        var paper = new SeminarPaper(OrganizationId, papers.Count + 1, title.Trim(), Clean(author), partyId, documentId);
        papers.Add(paper);
        Version++;
        return paper;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// A party taking part in a seminar, with its delegates.
public sealed class SeminarParticipant : IAudited
{
    private readonly List<SeminarDelegate> delegates = [];

    private SeminarParticipant()
    {
    }

    internal SeminarParticipant(int organizationId, int partyId, IEnumerable<SeminarDelegate> members)
    {
        OrganizationId = organizationId;
        PartyId = partyId;
        delegates.AddRange(members);
    }

    public int Id { get; private set; }

    public int SeminarId { get; private set; }

    public int PartyId { get; private set; }

    /// The seminar's organization, for the audit trail.
    public int OrganizationId { get; private set; }

    public IReadOnlyList<SeminarDelegate> Delegates => delegates;

    int? IAudited.AuditOrganizationId => OrganizationId;
}

public sealed class SeminarDelegate
{
    private SeminarDelegate()
    {
    }

    internal SeminarDelegate(int number, string name, string? position)
    {
        Number = number;
        Name = name;
        Position = position;
    }

    public int Id { get; private set; }

    public int ParticipantId { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; } = "";

    public string? Position { get; private set; }
}

/// A paper presented at a seminar, linked to the library when the text is there.
public sealed class SeminarPaper : IAudited
{
    private SeminarPaper()
    {
    }

    internal SeminarPaper(int organizationId, int number, string title, string? author, int? partyId, int? documentId)
    {
        OrganizationId = organizationId;
        Number = number;
        Title = title;
        Author = author;
        PartyId = partyId;
        DocumentId = documentId;
    }

    public int Id { get; private set; }

    public int SeminarId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public string? Author { get; private set; }

    /// The author's party; null for a paper of the organization's own.
    public int? PartyId { get; private set; }

    public int? DocumentId { get; private set; }

    /// The seminar's organization, for the audit trail.
    public int OrganizationId { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;
}
