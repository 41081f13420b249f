using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Meetings;

public enum MeetingStatus
{
    Planned = 1,
    Cancelled = 2,
}

/// A meeting of an organization, or of one of its bodies: when and where, its agenda, its roll (who is entitled and who
/// is invited, with their attendance) and its minutes. Times are UTC.
public sealed class Meeting : IAudited
{
    public const int TitleMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int LinkMaxLength = 500;
    public const int MinutesMaxLength = 200_000;
    public const int MaxAgendaItems = 50;

    private readonly List<AgendaItem> agenda = [];
    private readonly List<Attendee> roll = [];

    private Meeting()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    /// The committee or bureau meeting; null for a meeting of the whole organization.
    public int? BodyId { get; private set; }

    public int KindId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public string? Place { get; private set; }

    public string? OnlineLink { get; private set; }

    public MeetingStatus Status { get; private set; } = MeetingStatus.Planned;

    public string? Minutes { get; private set; }

    /// The later meeting that approved these minutes; they are not changed after it.
    public int? MinutesApprovedAtId { get; private set; }

    /// Raised on every change of time, place or status, as iCalendar's SEQUENCE, so calendars replace the old invitation.
    public int Sequence { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<AgendaItem> Agenda => agenda;

    public IReadOnlyList<Attendee> Roll => roll;

    public bool IsCancelled => Status == MeetingStatus.Cancelled;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public bool HasBegun(DateTime now) => StartsAt <= now;

    public static Result<Meeting> Schedule(int organizationId, int? bodyId, MeetingKind kind, string? title, DateTime startsAt, DateTime endsAt,
        string? place, string? onlineLink, IReadOnlyList<string> agenda)
    {
        var meeting = new Meeting { OrganizationId = organizationId, BodyId = bodyId, KindId = kind.Id };
        var errors = meeting.Set(string.IsNullOrWhiteSpace(title) ? kind.Name : title, startsAt, endsAt, place, onlineLink);
        if (agenda.Count > MaxAgendaItems) errors.Add(new InvalidField("Agenda", $"At most {MaxAgendaItems} agenda items."));
        for (var i = 0; i < agenda.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(agenda[i])) errors.Add(new InvalidField($"Agenda[{i}]", "An agenda item needs a title."));
            else if (agenda[i].Trim().Length > AgendaItem.TitleMaxLength)
                errors.Add(new InvalidField($"Agenda[{i}]", $"An agenda item has at most {AgendaItem.TitleMaxLength} characters."));
        }
        if (errors.Count > 0) return new ValidationFailed(errors);
        foreach (var item in agenda) meeting.agenda.Add(new AgendaItem(organizationId, meeting.agenda.Count + 1, item.Trim()));
        return meeting;
    }

    /// A new time or place; everyone on the roll is told (the invitation's sequence goes up).
    public Result<Done> Reschedule(string title, DateTime startsAt, DateTime endsAt, string? place, string? onlineLink)
    {
        if (IsCancelled) return new MeetingCancelled();
        var errors = Set(title, startsAt, endsAt, place, onlineLink);
        if (errors.Count > 0) return new ValidationFailed(errors);
        Sequence++;
        Version++;
        return Done.Value;
    }

    public Result<Done> Cancel(DateTime now)
    {
        if (IsCancelled) return new MeetingCancelled();
        if (HasBegun(now)) return new MeetingAlreadyHeld();
        Status = MeetingStatus.Cancelled;
        Sequence++;
        Version++;
        return Done.Value;
    }

    public Result<AgendaItem> AddAgendaItem(string title)
    {
        if (IsCancelled) return new MeetingCancelled();
        if (string.IsNullOrWhiteSpace(title)) return new InvalidField("Title", "An agenda item needs a title.");
        if (title.Trim().Length > AgendaItem.TitleMaxLength) return new InvalidField("Title", $"An agenda item has at most {AgendaItem.TitleMaxLength} characters.");
        if (agenda.Count >= MaxAgendaItems) return new InvalidField("Title", $"At most {MaxAgendaItems} agenda items.");
        var item = new AgendaItem(OrganizationId, agenda.Count == 0 ? 1 : agenda.Max(a => a.Number) + 1, title.Trim());
        agenda.Add(item);
        Version++;
        return item;
    }

    /// Brings the roll up to date with who is entitled now: the newly entitled are added, those no longer entitled
    /// leave it unless their attendance was recorded. Guests stay.
    public Result<int> DrawRoll(IReadOnlyList<Entitlement> entitled)
    {
        if (IsCancelled) return new MeetingCancelled();
        if (MinutesApprovedAtId is not null) return new MinutesAlreadyApproved();
        var added = 0;
        foreach (var person in entitled)
        {
            var row = roll.FirstOrDefault(a => a.PersonId == person.PersonId);
            if (row is null)
            {
                roll.Add(new Attendee(OrganizationId, person.PersonId, person.Name, person.Email, person.Role));
                added++;
            }
            else if (row.Role != AttendeeRole.Guest) row.Role = person.Role;
        }
        var ids = entitled.Select(e => e.PersonId).ToHashSet();
        roll.RemoveAll(a => a.Role != AttendeeRole.Guest && a.PersonId is { } id && !ids.Contains(id) && a.Status == AttendanceStatus.NotRecorded);
        return added;
    }

    public Result<Attendee> InviteGuest(int? personId, string name, string? email)
    {
        if (IsCancelled) return new MeetingCancelled();
        if (string.IsNullOrWhiteSpace(name)) return new InvalidField("Name", "The guest's name is required.");
        if (name.Trim().Length > Attendee.NameMaxLength) return new InvalidField("Name", $"The name has at most {Attendee.NameMaxLength} characters.");
        if (email?.Trim().Length > Attendee.EmailMaxLength || (!string.IsNullOrWhiteSpace(email) && !email.Contains('@', StringComparison.Ordinal)))
            return new InvalidField("Email", "Give an e-mail address, or none.");
        if (personId is not null && roll.Any(a => a.PersonId == personId)) return new AlreadyOnTheRoll(name.Trim());
        var guest = new Attendee(OrganizationId, personId, name.Trim(), string.IsNullOrWhiteSpace(email) ? null : email.Trim(), AttendeeRole.Guest);
        roll.Add(guest);
        Version++;
        return guest;
    }

    /// Marks who came: only people on the roll, only once the meeting has begun, never after its minutes were approved.
    public Result<Done> RecordAttendance(IReadOnlyList<(int AttendeeId, AttendanceStatus Status)> marks, DateTime now)
    {
        if (IsCancelled) return new MeetingCancelled();
        if (!HasBegun(now)) return new MeetingNotYetBegun(StartsAt);
        if (MinutesApprovedAtId is not null) return new MinutesAlreadyApproved();
        foreach (var (id, status) in marks)
        {
            if (roll.All(a => a.Id != id)) return new NotOnTheRoll(id);
            if (!Enum.IsDefined(status) || status == AttendanceStatus.NotRecorded) return new InvalidField("Status", "Present, late, excused or absent.");
        }
        foreach (var (id, status) in marks) roll.Single(a => a.Id == id).Status = status;
        return Done.Value;
    }

    public Quorum Quorum(QuorumRule rule) =>
        new(rule, roll.Count(a => a.CountsForQuorum), roll.Count(a => a.CountsForQuorum && a.IsPresent));

    public Result<Done> WriteMinutes(string? minutes, DateTime now)
    {
        if (IsCancelled) return new MeetingCancelled();
        if (!HasBegun(now)) return new MeetingNotYetBegun(StartsAt);
        if (MinutesApprovedAtId is not null) return new MinutesAlreadyApproved();
        if (minutes?.Length > MinutesMaxLength) return new InvalidField("Minutes", $"The minutes have at most {MinutesMaxLength:N0} characters.");
        Minutes = string.IsNullOrWhiteSpace(minutes) ? null : minutes.Trim();
        Version++;
        return Done.Value;
    }

    /// These minutes are approved at a later meeting of the same organization and body, once that one has begun.
    public Result<Done> ApproveMinutesAt(Meeting next, DateTime now)
    {
        if (MinutesApprovedAtId is not null) return new MinutesAlreadyApproved();
        if (Minutes is null) return new NoMinutesToApprove();
        if (next.Id == Id || next.OrganizationId != OrganizationId || next.BodyId != BodyId || next.StartsAt <= StartsAt)
            return new ApprovalNotAtALaterMeeting();
        if (next.IsCancelled) return new MeetingCancelled();
        if (!next.HasBegun(now)) return new MeetingNotYetBegun(next.StartsAt);
        MinutesApprovedAtId = next.Id;
        Version++;
        return Done.Value;
    }

    private List<InvalidField> Set(string title, DateTime startsAt, DateTime endsAt, string? place, string? onlineLink)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new InvalidField("Title", "The title is required."));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if (startsAt.Year < 1900 || startsAt.Year > 2200) errors.Add(new InvalidField("StartsAt", "Give the date and time the meeting starts."));
        if (endsAt <= startsAt) errors.Add(new InvalidField("EndsAt", "The meeting ends after it starts."));
        else if (endsAt - startsAt > TimeSpan.FromDays(7)) errors.Add(new InvalidField("EndsAt", "A meeting lasts at most a week."));
        if (place?.Trim().Length > PlaceMaxLength) errors.Add(new InvalidField("Place", $"The place has at most {PlaceMaxLength} characters."));
        var link = string.IsNullOrWhiteSpace(onlineLink) ? null : onlineLink.Trim();
        if (link is not null && (link.Length > LinkMaxLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            errors.Add(new InvalidField("OnlineLink", "The online link is an http(s) address."));
        if (string.IsNullOrWhiteSpace(place) && link is null) errors.Add(new InvalidField("Place", "Give a place or an online link."));
        if (errors.Count > 0) return errors;
        Title = title.Trim();
        StartsAt = DateTime.SpecifyKind(startsAt, DateTimeKind.Utc);
        EndsAt = DateTime.SpecifyKind(endsAt, DateTimeKind.Utc);
        Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        OnlineLink = link;
        return errors;
    }
}

public sealed class AgendaItem : IAudited
{
    public const int TitleMaxLength = 300;

    private AgendaItem()
    {
    }

    internal AgendaItem(int organizationId, int number, string title)
    {
        OrganizationId = organizationId;
        Number = number;
        Title = title;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int OrganizationId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    int? IAudited.AuditOrganizationId => OrganizationId;
}

public enum AttendeeRole
{
    /// A full member entitled to attend and vote; counts for quorum.
    FullMember = 1,

    /// A candidate member: attends and speaks, does not vote, does not count for quorum.
    Candidate = 2,

    /// Invited, not entitled: never counts for quorum.
    Guest = 3,
}

public enum AttendanceStatus
{
    NotRecorded = 0,
    Present = 1,
    Late = 2,
    Excused = 3,
    Absent = 4,
}

/// Who may come to a meeting as the roll was drawn: a person, their role, and their e-mail for the invitation.
public sealed record Entitlement(int PersonId, string Name, string? Email, AttendeeRole Role);

/// One line of a meeting's roll: an entitled person or an invited guest, and their attendance.
public sealed class Attendee : IAudited
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;

    private Attendee()
    {
    }

    internal Attendee(int organizationId, int? personId, string name, string? email, AttendeeRole role)
    {
        OrganizationId = organizationId;
        PersonId = personId;
        Name = name;
        Email = email;
        Role = role;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int OrganizationId { get; private set; }

    /// The person (a member, or a guest known to Cadre); null for a guest from outside.
    public int? PersonId { get; private set; }

    /// The name when the roll was drawn, so the record of a meeting reads the same later.
    public string Name { get; private set; } = "";

    public string? Email { get; private set; }

    public AttendeeRole Role { get; internal set; }

    public AttendanceStatus Status { get; internal set; }

    public bool CountsForQuorum => Role == AttendeeRole.FullMember;

    public bool IsPresent => Status is AttendanceStatus.Present or AttendanceStatus.Late;

    int? IAudited.AuditOrganizationId => OrganizationId;
}
