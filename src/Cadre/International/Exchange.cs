using Cadre.Audit;
using Cadre.Common;

namespace Cadre.International;

public enum ExchangeKind
{
    DelegationSent = 1,
    DelegationReceived = 2,
    MessageSent = 3,
    MessageReceived = 4,
    Agreement = 5,
    Memorandum = 6,
}

public enum MessageKind
{
    Greetings = 1,
    Condolences = 2,
    Solidarity = 3,
    Other = 4,
}

public sealed record DelegateEntry(string Name, string? Position);

/// Something exchanged between an organization and a party: a delegation sent or received (with its members), a message
/// (greetings, condolences, solidarity), an agreement or memorandum, with its dates and its document.
public sealed class Exchange : IAudited
{
    public const int TitleMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int ReferenceMaxLength = 200;
    public const int SummaryMaxLength = 20_000;
    public const int NameMaxLength = 200;
    public const int MaxDelegates = 100;

    private readonly List<ExchangeDelegate> delegates = [];

    private Exchange()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public int PartyId { get; private set; }

    public ExchangeKind Kind { get; private set; }

    public MessageKind? MessageKind { get; private set; }

    public string Title { get; private set; } = "";

    /// The day it happened (a visit's first day, a message's date, an agreement's signing).
    public DateOnly On { get; private set; }

    /// A visit's last day; an agreement's end of validity.
    public DateOnly? Until { get; private set; }

    public string? Place { get; private set; }

    public string? Summary { get; private set; }

    /// The text in the library, when it is there.
    public int? DocumentId { get; private set; }

    /// Where the text is kept otherwise (a file number, an archive reference).
    public string? Reference { get; private set; }

    public IReadOnlyList<ExchangeDelegate> Delegates => delegates;

    public bool IsDelegation => Kind is ExchangeKind.DelegationSent or ExchangeKind.DelegationReceived;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<Exchange> Record(int organizationId, int partyId, ExchangeKind kind, MessageKind? messageKind, string title, DateOnly on,
        DateOnly? until, string? place, string? summary, int? documentId, string? reference, IReadOnlyList<DelegateEntry> members)
    {
        var errors = new List<InvalidField>();
        if (!Enum.IsDefined(kind)) errors.Add(new InvalidField("Kind", "The kind is a delegation sent or received, a message sent or received, an agreement or a memorandum."));
        var isMessage = kind is ExchangeKind.MessageSent or ExchangeKind.MessageReceived;
        if (isMessage && (messageKind is null || !Enum.IsDefined(messageKind.Value)))
            errors.Add(new InvalidField("MessageKind", "Say what the message is: greetings, condolences, solidarity or other."));
        if (!isMessage && messageKind is not null) errors.Add(new InvalidField("MessageKind", "Only a message has a message kind."));
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new InvalidField("Title", "Give the exchange a title."));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if (on.Year < Party.EarliestYear) errors.Add(new InvalidField("On", "Give the date."));
        if (until < on) errors.Add(new InvalidField("Until", "The end is on or after the start."));
        if (place?.Trim().Length > PlaceMaxLength) errors.Add(new InvalidField("Place", $"The place has at most {PlaceMaxLength} characters."));
        if (summary?.Length > SummaryMaxLength) errors.Add(new InvalidField("Summary", $"The summary has at most {SummaryMaxLength:N0} characters."));
        if (reference?.Trim().Length > ReferenceMaxLength) errors.Add(new InvalidField("Reference", $"The reference has at most {ReferenceMaxLength} characters."));
        var kindIsDelegation = kind is ExchangeKind.DelegationSent or ExchangeKind.DelegationReceived;
        var cleaned = members.Where(m => !string.IsNullOrWhiteSpace(m.Name)).ToList();
        if (!kindIsDelegation && cleaned.Count > 0) errors.Add(new InvalidField("Delegates", "Only a delegation has members."));
        if (cleaned.Count > MaxDelegates) errors.Add(new InvalidField("Delegates", $"A delegation has at most {MaxDelegates} members."));
        foreach (var (m, i) in cleaned.Select((m, i) => (m, i)))
        {
            if (m.Name.Trim().Length > NameMaxLength || m.Position?.Trim().Length > NameMaxLength)
                errors.Add(new InvalidField($"Delegates[{i}]", $"A delegate's name and position have at most {NameMaxLength} characters each."));
        }
        if (errors.Count > 0) return new ValidationFailed(errors);
        var exchange = new Exchange
        {
            OrganizationId = organizationId, PartyId = partyId, Kind = kind, MessageKind = messageKind, Title = title.Trim(), On = on, Until = until,
            Place = Clean(place), Summary = Clean(summary), DocumentId = documentId, Reference = Clean(reference),
        };
        exchange.delegates.AddRange(cleaned.Select((m, i) => new ExchangeDelegate(i + 1, m.Name.Trim(), Clean(m.Position))));
        return exchange;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// A member of a delegation: a name and a position, as the delegation list gives them.
public sealed class ExchangeDelegate
{
    private ExchangeDelegate()
    {
    }

    internal ExchangeDelegate(int number, string name, string? position)
    {
        Number = number;
        Name = name;
        Position = position;
    }

    public int Id { get; private set; }

    public int ExchangeId { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; } = "";

    public string? Position { get; private set; }
}

/// A contact person of a party for an organization: who to write to, and their role in the party.
public sealed class PartyContact : IAudited
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 40;
    public const int NoteMaxLength = 2000;

    private PartyContact()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public int PartyId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Position { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Note { get; private set; }

    /// The day they stopped being the contact; null while they are.
    public DateOnly? EndedOn { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<PartyContact> Add(int organizationId, int partyId, string name, string? position, string? email, string? phone, string? note)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new InvalidField("Name", "Give the contact's name."));
        else if (name.Trim().Length > NameMaxLength) errors.Add(new InvalidField("Name", $"The name has at most {NameMaxLength} characters."));
        if (position?.Trim().Length > NameMaxLength) errors.Add(new InvalidField("Position", $"The position has at most {NameMaxLength} characters."));
        if (email is not null && email.Trim().Length > 0 && (email.Trim().Length > EmailMaxLength || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email.Trim())))
            errors.Add(new InvalidField("Email", "That is not an e-mail address."));
        if (phone?.Trim().Length > PhoneMaxLength) errors.Add(new InvalidField("Phone", $"The phone number has at most {PhoneMaxLength} characters."));
        if (note?.Length > NoteMaxLength) errors.Add(new InvalidField("Note", $"The note has at most {NoteMaxLength:N0} characters."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new PartyContact
        {
            OrganizationId = organizationId, PartyId = partyId, Name = name.Trim(), Position = Clean(position), Email = Clean(email), Phone = Clean(phone), Note = Clean(note),
        };
    }

    public Result<Done> End(DateOnly on)
    {
        if (EndedOn is { } ended) return new ContactAlreadyEnded(ended);
        EndedOn = on;
        return Done.Value;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
