using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Meetings;

/// How many of the entitled full members must be present for a meeting to decide.
public enum QuorumRule
{
    /// More than half (the statutes' usual rule and the default).
    MoreThanHalf = 1,

    AtLeastTwoThirds = 2,

    AtLeastOneThird = 3,

    /// Study meetings and the like decide nothing, so need no quorum.
    None = 4,
}

/// A kind of meeting (general meeting, committee session, study meeting) with its quorum rule and, when the statutes
/// ask for one, how often every organization of a level must hold it.
public sealed class MeetingKind : IAudited
{
    public const int NameMaxLength = 100;

    private MeetingKind()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public QuorumRule Quorum { get; private set; } = QuorumRule.MoreThanHalf;

    /// At most this many months between two meetings of this kind; null when the kind has no required frequency.
    public int? EveryMonths { get; private set; }

    /// The level whose organizations must keep the frequency (for example primary organizations); null for every level.
    public int? LevelId { get; private set; }

    public int Version { get; private set; }

    int? IAudited.AuditOrganizationId => null;

    public static Result<MeetingKind> Define(string name, QuorumRule quorum, int? everyMonths, int? levelId)
    {
        var kind = new MeetingKind();
        var changed = kind.Change(name, quorum, everyMonths, levelId);
        return changed.IsSuccess ? kind : changed.Error;
    }

    public Result<Done> Change(string name, QuorumRule quorum, int? everyMonths, int? levelId)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new InvalidField("Name", "The name is required."));
        else if (name.Trim().Length > NameMaxLength) errors.Add(new InvalidField("Name", $"The name has at most {NameMaxLength} characters."));
        if (!Enum.IsDefined(quorum)) errors.Add(new InvalidField("Quorum", "More than half, at least two thirds, at least one third, or none."));
        if (everyMonths is < 1 or > 60) errors.Add(new InvalidField("EveryMonths", "Between 1 and 60 months, or none."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        Name = name.Trim();
        Quorum = quorum;
        EveryMonths = everyMonths;
        LevelId = levelId;
        Version++;
        return Done.Value;
    }

    /// The kinds a new installation starts with (the first at the lowest level, monthly; the study meeting quarterly).
    public static IReadOnlyList<(string Name, QuorumRule Quorum, int? EveryMonths, bool AtPrimaryLevel)> Defaults { get; } =
    [
        ("General meeting", QuorumRule.MoreThanHalf, 1, true),
        ("Committee session", QuorumRule.MoreThanHalf, null, false),
        ("Bureau session", QuorumRule.MoreThanHalf, null, false),
        ("Study meeting", QuorumRule.None, 3, true),
    ];
}

/// The quorum of a meeting: of the entitled full members (candidates and guests do not count), how many are present
/// (late arrivals count as present) and how many are needed.
public sealed record Quorum(QuorumRule Rule, int Entitled, int Present)
{
    public int Required => Rule switch
    {
        QuorumRule.MoreThanHalf => (Entitled / 2) + 1,
        QuorumRule.AtLeastTwoThirds => ((2 * Entitled) + 2) / 3,
        QuorumRule.AtLeastOneThird => (Entitled + 2) / 3,
        _ => 0,
    };

    public bool Reached => Present >= Required && (Rule == QuorumRule.None || Entitled > 0);
}
