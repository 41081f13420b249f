using Cadre.Audit;
using Cadre.Common;

namespace Cadre.MassOrganizations;

public enum MassOrganizationKind
{
    TradeUnion = 1,
    YouthLeague = 2,
    WomensUnion = 3,
    FarmersUnion = 4,
    Other = 5,
}

/// An affiliated organization of the masses (a trade union, a youth league, a women's or farmers' union), kept by the party
/// organization it is affiliated with (decision 0066). It has its own small tree of bodies.
public sealed class MassOrganization : IAudited
{
    public const int NameMaxLength = 200;
    public const int ShortNameMaxLength = 40;
    public const int NoteMaxLength = 4000;

    private MassOrganization()
    {
    }

    public int Id { get; private set; }

    /// The party organization that keeps it (its affiliation); its subtree's keepers keep the mass organization.
    public int OrganizationId { get; private set; }

    public MassOrganizationKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    public string? ShortName { get; private set; }

    public DateOnly? FoundedOn { get; private set; }

    public string? Note { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<MassOrganization> Found(int organizationId, MassOrganizationKind kind, string name, string? shortName, DateOnly? foundedOn, string? note,
        DateOnly today)
    {
        var errors = new List<InvalidField>();
        if (!Enum.IsDefined(kind)) errors.Add(new InvalidField("Kind", "The kind is a trade union, a youth league, a women's union, a farmers' union or other."));
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new InvalidField("Name", "Give the mass organization's name."));
        else if (name.Trim().Length > NameMaxLength) errors.Add(new InvalidField("Name", $"The name has at most {NameMaxLength} characters."));
        if (shortName?.Trim().Length > ShortNameMaxLength) errors.Add(new InvalidField("ShortName", $"The short name has at most {ShortNameMaxLength} characters."));
        if (foundedOn > today) errors.Add(new InvalidField("FoundedOn", "The founding date cannot be in the future."));
        if (note?.Length > NoteMaxLength) errors.Add(new InvalidField("Note", $"The note has at most {NoteMaxLength:N0} characters."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new MassOrganization
        {
            OrganizationId = organizationId, Kind = kind, Name = name.Trim(), ShortName = Clean(shortName), FoundedOn = foundedOn, Note = Clean(note),
        };
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// A body of a mass organization: its national committee, a regional council, a local branch. Bodies form a tree of their own.
public sealed class MassBody : IAudited
{
    public const int NameMaxLength = 200;
    public const int LevelMaxLength = 60;

    private MassBody()
    {
    }

    public int Id { get; private set; }

    public int MassOrganizationId { get; private set; }

    /// The mass organization's keeping organization, copied so the audit trail and scope need no join.
    public int OrganizationId { get; private set; }

    public int? ParentId { get; private set; }

    public string Name { get; private set; } = "";

    /// The mass organization's own name of the level: national, regional, local, factory committee…
    public string Level { get; private set; } = "";

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<MassBody> Form(MassOrganization owner, MassBody? parent, string name, string level)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new InvalidField("Name", "Give the body's name."));
        else if (name.Trim().Length > NameMaxLength) errors.Add(new InvalidField("Name", $"The name has at most {NameMaxLength} characters."));
        if (string.IsNullOrWhiteSpace(level)) errors.Add(new InvalidField("Level", "Say at which level the body works (national, regional, local…)."));
        else if (level.Trim().Length > LevelMaxLength) errors.Add(new InvalidField("Level", $"The level has at most {LevelMaxLength} characters."));
        if (parent is not null && parent.MassOrganizationId != owner.Id) errors.Add(new InvalidField("ParentId", "The parent body belongs to another mass organization."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new MassBody { MassOrganizationId = owner.Id, OrganizationId = owner.OrganizationId, ParentId = parent?.Id, Name = name.Trim(), Level = level.Trim() };
    }

    /// Puts the body under another of the same mass organization (or at the top); refuses a parent within its own subtree.
    /// parentOf answers each body's parent in the mass organization's tree.
    public Result<Done> MoveUnder(MassBody? parent, IReadOnlyDictionary<int, int?> parentOf)
    {
        if (parent is null)
        {
            ParentId = null;
            return Done.Value;
        }
        if (parent.MassOrganizationId != MassOrganizationId) return new InvalidField("ParentId", "The parent body belongs to another mass organization.");
        // Walking up from the new parent must never meet this body; the walk is bounded by the tree's size.
        int? step = parent.Id;
        for (var guard = 0; step is { } at && guard <= parentOf.Count; guard++)
        {
            if (at == Id) return new MassBodyCycle(Name, parent.Name);
            step = parentOf.TryGetValue(at, out var up) ? up : null;
        }
        ParentId = parent.Id;
        return Done.Value;
    }
}

/// A party organization a body works with (a local union branch with the factory's primary organization).
public sealed class MassBodyLink : IAudited
{
    private MassBodyLink()
    {
    }

    public MassBodyLink(int bodyId, int organizationId)
    {
        BodyId = bodyId;
        OrganizationId = organizationId;
    }

    public int Id { get; private set; }

    public int BodyId { get; private set; }

    public int OrganizationId { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;
}

/// A party member's place in a body of a mass organization: a member, or an office held, from a date until a date.
public sealed class MassPosition : IAudited
{
    public const int OfficeMaxLength = 120;

    private MassPosition()
    {
    }

    public int Id { get; private set; }

    public int BodyId { get; private set; }

    public int MemberId { get; private set; }

    /// The keeping organization of the mass organization, for the audit trail.
    public int OrganizationId { get; private set; }

    /// The office held (chair, secretary, committee member); null for an ordinary member.
    public string? Office { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<MassPosition> Take(MassBody body, int memberId, string? office, DateOnly from, DateOnly? to, DateOnly today)
    {
        if (to < from) return new PositionEndsBeforeStart(from);
        var errors = new List<InvalidField>();
        if (office?.Trim().Length > OfficeMaxLength) errors.Add(new InvalidField("Office", $"The office has at most {OfficeMaxLength} characters."));
        if (from.Year < 1800) errors.Add(new InvalidField("From", "Give the date the position began."));
        if (from > today) errors.Add(new InvalidField("From", "A position is recorded once it has begun: the start cannot be in the future."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new MassPosition { BodyId = body.Id, MemberId = memberId, OrganizationId = body.OrganizationId, Office = MassOrganization.Clean(office), From = from, To = to };
    }

    public Result<Done> End(DateOnly on)
    {
        if (To is { } ended) return new PositionAlreadyEnded(ended);
        if (on < From) return new PositionEndsBeforeStart(From);
        To = on;
        return Done.Value;
    }
}

/// A body's periodic report of its own membership on a date: how many members, and of them women and youth when counted.
public sealed class MassReport : IAudited
{
    public const int NoteMaxLength = 2000;
    public const int MaxMembers = 100_000_000;

    private MassReport()
    {
    }

    public int Id { get; private set; }

    public int BodyId { get; private set; }

    public int OrganizationId { get; private set; }

    public DateOnly On { get; private set; }

    public int Members { get; private set; }

    public int? Women { get; private set; }

    public int? Youth { get; private set; }

    public string? Note { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<MassReport> File(MassBody body, DateOnly on, int members, int? women, int? youth, string? note, DateOnly today)
    {
        if (on > today) return new ReportDatedInFuture(on);
        var errors = new List<InvalidField>();
        if (on.Year < 1800) errors.Add(new InvalidField("On", "Give the date of the report."));
        if (members is < 0 or > MaxMembers) errors.Add(new InvalidField("Members", $"The number of members is between 0 and {MaxMembers:N0}."));
        if (women < 0 || women > members) errors.Add(new InvalidField("Women", "The number of women is between 0 and the number of members."));
        if (youth < 0 || youth > members) errors.Add(new InvalidField("Youth", "The number of young members is between 0 and the number of members."));
        if (note?.Length > NoteMaxLength) errors.Add(new InvalidField("Note", $"The note has at most {NoteMaxLength:N0} characters."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new MassReport { BodyId = body.Id, OrganizationId = body.OrganizationId, On = on, Members = members, Women = women, Youth = youth, Note = MassOrganization.Clean(note) };
    }
}
