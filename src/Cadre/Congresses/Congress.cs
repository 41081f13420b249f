using Cadre.Audit;
using Cadre.Common;
using Cadre.Congresses.Apportionment;

namespace Cadre.Congresses;

public enum CongressKind
{
    Congress = 1,
    Conference = 2,
}

/// A congress (or conference) of an organization: its number, dates, place, the body that convened it and its agenda;
/// the rules its delegates are apportioned by, and the apportionment once made.
public sealed class Congress : IAudited
{
    public const int TitleMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int AgendaMaxLength = 20_000;

    private readonly List<DelegateAllocation> allocations = [];

    private Congress()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public CongressKind Kind { get; private set; }

    /// The congress's number in the organization's series (the 5th Congress).
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public DateOnly OpensOn { get; private set; }

    public DateOnly ClosesOn { get; private set; }

    public string? Place { get; private set; }

    /// The body (committee) that convened the congress.
    public int? ConvenedById { get; private set; }

    /// The agenda, one item a line (Markdown).
    public string Agenda { get; private set; } = "";

    /// Membership is counted on this day for the apportionment.
    public DateOnly CutOffOn { get; private set; }

    public int DelegateSeats { get; private set; }

    public int MinimumSeats { get; private set; }

    public ApportionmentMethod Method { get; private set; }

    /// Whether candidate members count towards an organization's delegates (statutes differ).
    public bool CountCandidates { get; private set; }

    /// The share of the delegates (percent) that must be present for the congress to decide; more than half by default.
    public int QuorumPercent { get; private set; }

    /// The full working of the last apportionment (JSON), shown as it was computed.
    public string? ApportionmentWorking { get; private set; }

    public DateTime? ApportionedAt { get; private set; }

    /// Motions are submitted until this moment (UTC); none set, until the congress votes on them.
    public DateTime? MotionsDueAt { get; private set; }

    /// Amendments are submitted until this moment (UTC), and only until voting on their motion begins.
    public DateTime? AmendmentsDueAt { get; private set; }

    /// The delegates who must support a delegate's motion before it is put to the vote.
    public int MotionSupporters { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<DelegateAllocation> Allocations => allocations;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<Congress> Convene(int organizationId, CongressKind kind, int number, string? title, DateOnly opensOn, DateOnly closesOn,
        string? place, int? convenedById, string? agenda, CongressRules rules)
    {
        var errors = new List<InvalidField>();
        if (!Enum.IsDefined(kind)) errors.Add(new InvalidField("Kind", "A congress or a conference."));
        if (number < 1) errors.Add(new InvalidField("Number", "The number is 1 or more."));
        if (closesOn < opensOn) errors.Add(new InvalidField("ClosesOn", "The last day is before the first."));
        if (title?.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if (place?.Trim().Length > PlaceMaxLength) errors.Add(new InvalidField("Place", $"The place has at most {PlaceMaxLength} characters."));
        if (agenda?.Length > AgendaMaxLength) errors.Add(new InvalidField("Agenda", $"The agenda has at most {AgendaMaxLength} characters."));
        errors.AddRange(rules.Check(opensOn));
        if (errors.Count > 0) return new ValidationFailed(errors);
        var congress = new Congress
        {
            OrganizationId = organizationId, Kind = kind, Number = number, OpensOn = opensOn, ClosesOn = closesOn,
            Title = string.IsNullOrWhiteSpace(title) ? $"{Ordinal(number)} {kind}" : title.Trim(),
            Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim(), ConvenedById = convenedById, Agenda = agenda?.Trim() ?? "",
        };
        congress.Apply(rules);
        return congress;
    }

    public Result<Done> ChangeRules(CongressRules rules)
    {
        if (rules.Check(OpensOn).ToList() is { Count: > 0 } errors) return new ValidationFailed(errors);
        Apply(rules);
        Version++;
        return Done.Value;
    }

    public Result<Done> SetMotionRules(DateTime? motionsDueAt, DateTime? amendmentsDueAt, int supporters)
    {
        if (supporters is < 0 or > 1000) return new Motions.InvalidSupportersMinimum();
        if (motionsDueAt is { } m && amendmentsDueAt is { } a && a < m) return new Motions.InvalidDeadline();
        MotionsDueAt = motionsDueAt;
        AmendmentsDueAt = amendmentsDueAt;
        MotionSupporters = supporters;
        Version++;
        return Done.Value;
    }

    /// Replaces the allocation with a new apportionment (the organizations directly below, by their members on the cut-off date).
    public void Apportion(IReadOnlyList<(int OrganizationId, long Members)> organizations, ApportionmentResult result, string working, DateTime at)
    {
        allocations.Clear();
        for (var i = 0; i < organizations.Count; i++)
            allocations.Add(new DelegateAllocation(OrganizationId, organizations[i].OrganizationId, organizations[i].Members, result.Allocation[i]));
        ApportionmentWorking = working;
        ApportionedAt = at;
        Version++;
    }

    /// The delegates that must be present: QuorumPercent of the seats, rounded up, and more than half when the rule is 50%.
    public int Quorum(int seats) => QuorumPercent == 50 ? seats / 2 + 1 : (int)Math.Ceiling(seats * QuorumPercent / 100m);

    private void Apply(CongressRules rules)
    {
        CutOffOn = rules.CutOffOn;
        DelegateSeats = rules.DelegateSeats;
        MinimumSeats = rules.MinimumSeats;
        Method = rules.Method;
        CountCandidates = rules.CountCandidates;
        QuorumPercent = rules.QuorumPercent;
    }

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}

public sealed record CongressRules(DateOnly CutOffOn, int DelegateSeats, ApportionmentMethod Method = ApportionmentMethod.SainteLague, int MinimumSeats = 1,
    bool CountCandidates = false, int QuorumPercent = 50)
{
    public IEnumerable<InvalidField> Check(DateOnly opensOn)
    {
        if (CutOffOn > opensOn) yield return new InvalidField("CutOffOn", "The cut-off date is after the congress opens.");
        if (DelegateSeats is < 1 or > 100_000) yield return new InvalidField("DelegateSeats", "Give a number of delegates from 1 to 100,000.");
        if (MinimumSeats < 0) yield return new InvalidField("MinimumSeats", "The minimum cannot be negative.");
        if (!Enum.IsDefined(Method)) yield return new InvalidField("Method", "D'Hondt, Sainte-Laguë, Hare–Niemeyer or Huntington–Hill.");
        if (QuorumPercent is < 1 or > 100) yield return new InvalidField("QuorumPercent", "The quorum is a percentage from 1 to 100.");
    }
}

/// The seats of one organization directly below the congress's, by its members on the cut-off date.
public sealed class DelegateAllocation : IAudited
{
    private DelegateAllocation()
    {
    }

    internal DelegateAllocation(int congressOrganizationId, int organizationId, long members, int seats)
    {
        CongressOrganizationId = congressOrganizationId;
        OrganizationId = organizationId;
        Members = members;
        Seats = seats;
    }

    public int Id { get; private set; }

    public int CongressId { get; private set; }

    public int CongressOrganizationId { get; private set; }

    public int OrganizationId { get; private set; }

    public long Members { get; private set; }

    public int Seats { get; private set; }

    int? IAudited.AuditOrganizationId => CongressOrganizationId;
}

public enum MandateStatus
{
    Unchecked = 0,
    Confirmed = 1,
    Refused = 2,
}

/// A delegate (or alternate) elected by an organization to a congress, with the meeting that elected them, the check
/// of their mandate and their presence.
public sealed class CongressDelegate : IAudited
{
    public const int MeetingMaxLength = 300;
    public const int NoteMaxLength = 500;

    private CongressDelegate()
    {
    }

    internal CongressDelegate(int congressId, int congressOrganizationId, int organizationId, int memberId, bool alternate, string electedAt,
        DateOnly electedOn, int voteWeight)
    {
        CongressId = congressId;
        CongressOrganizationId = congressOrganizationId;
        OrganizationId = organizationId;
        MemberId = memberId;
        IsAlternate = alternate;
        ElectedAt = electedAt;
        ElectedOn = electedOn;
        VoteWeight = voteWeight;
    }

    public int Id { get; private set; }

    public int CongressId { get; private set; }

    public int CongressOrganizationId { get; private set; }

    /// The organization that elected the delegate.
    public int OrganizationId { get; private set; }

    public int MemberId { get; private set; }

    public bool IsAlternate { get; private set; }

    /// The alternate takes the seat of this delegate (who is absent).
    public int? ReplacesId { get; private set; }

    /// The meeting that elected the delegate (for example "General meeting of the Dockworkers Branch, minutes 12").
    public string ElectedAt { get; private set; } = "";

    public DateOnly ElectedOn { get; private set; }

    /// Votes counted for each of the delegate's ballots, where the statutes weigh delegates; 1 otherwise.
    public int VoteWeight { get; private set; } = 1;

    public MandateStatus Mandate { get; private set; }

    public string? MandateNote { get; private set; }

    public DateTime? CheckedInAt { get; private set; }

    public bool Present { get; private set; }

    public int Version { get; private set; }

    /// Holds a vote: a delegate with a confirmed mandate, or an alternate who has taken a seat.
    public bool HoldsSeat => Mandate == MandateStatus.Confirmed && (!IsAlternate || ReplacesId is not null);

    int? IAudited.AuditOrganizationId => CongressOrganizationId;

    public void RecordMandateCheck(IReadOnlyList<string> problems)
    {
        Mandate = problems.Count == 0 ? MandateStatus.Confirmed : MandateStatus.Refused;
        MandateNote = problems.Count == 0 ? null : string.Join(" ", problems);
        Version++;
    }

    public Result<Done> CheckIn(DateTime at)
    {
        if (Mandate != MandateStatus.Confirmed) return new MandateNotConfirmed(MandateNote);
        if (Present) return new AlreadyCheckedIn();
        Present = true;
        CheckedInAt ??= at;
        Version++;
        return Done.Value;
    }

    public Result<Done> CheckOut()
    {
        if (!Present) return new NotCheckedIn();
        Present = false;
        Version++;
        return Done.Value;
    }

    /// An alternate of the same organization takes the seat of an absent delegate.
    public Result<Done> TakeSeatOf(CongressDelegate absent)
    {
        if (!IsAlternate) return new NotAnAlternate();
        if (absent.IsAlternate || absent.OrganizationId != OrganizationId || absent.CongressId != CongressId) return new CannotReplace();
        if (absent.Present) return new DelegatePresent();
        if (Mandate != MandateStatus.Confirmed) return new MandateNotConfirmed(MandateNote);
        ReplacesId = absent.Id;
        Version++;
        return Done.Value;
    }
}
