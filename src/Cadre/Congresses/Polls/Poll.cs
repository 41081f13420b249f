using System.Security.Cryptography;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Elections.Counting;
using Cadre.Elections.Majorities;

namespace Cadre.Congresses.Polls;

public enum PollKind
{
    /// Yes, no or abstain, decided by a majority rule.
    Question = 1,

    /// Candidates for one or more seats, counted by one of the counting methods.
    Election = 2,
}

public enum PollStatus
{
    /// Prepared, not yet open: candidates are being nominated; nobody votes yet.
    Nominating = 1,
    Open = 2,
    Closed = 3,
    Published = 4,
}

/// A vote of a congress: a question or an election, secret or named, and its result once closed.
/// Who has voted is kept in PollVoter; ballots in Ballot, apart, carrying no voter and nothing that orders them (decision 0025).
public sealed class Poll : IAudited
{
    public const int TitleMaxLength = 300;
    public const int MaxCandidates = 200;

    private readonly List<PollCandidate> candidates = [];

    private Poll()
    {
    }

    public int Id { get; private set; }

    public int CongressId { get; private set; }

    public int OrganizationId { get; private set; }

    public string Title { get; private set; } = "";

    public PollKind Kind { get; private set; }

    /// Elections: the counting method.
    public CountMethod? Method { get; private set; }

    /// Questions: the majority needed and what it is measured against.
    public MajorityKind? Majority { get; private set; }

    public MajorityBase? MajorityBase { get; private set; }

    public int Seats { get; private set; }

    /// Secret (the default): no ballot carries its voter. Named: each ballot names its delegate, where the statutes require it.
    public bool Secret { get; private set; }

    public PollStatus Status { get; private set; }

    /// Voted on paper only: no electronic ballot is taken, the tellers enter the count (decisions 0028, 0029).
    public bool PaperOnly { get; private set; }

    /// The tellers' paper totals of a question, entered once (decision 0028); added to the electronic votes.
    public long? PaperYes { get; private set; }

    public long? PaperNo { get; private set; }

    public long? PaperAbstain { get; private set; }

    /// Spoilt papers: recorded and shown, never a valid vote.
    public long? PaperInvalid { get; private set; }

    /// The ranked paper ballots of an election imported from BLT, once (decision 0029): stored ballots and their total weight.
    public int? PaperBallots { get; private set; }

    public long? PaperVotes { get; private set; }

    /// When the paper count was entered; set once, so it cannot be entered twice.
    public DateTime? PaperEnteredAt { get; private set; }

    /// Ballots cast so far (weighted ballots count once here); kept live while the poll is open.
    public int BallotsCast { get; private set; }

    /// Delegates holding a seat, and those present, when the poll closed (the bases of some majorities).
    public int? EntitledAtClose { get; private set; }

    public int? PresentAtClose { get; private set; }

    /// The seed of any draw by lot, fixed when the poll opens and published with the result.
    public long Seed { get; private set; }

    /// The result as computed at the close (JSON), published with the ballots.
    public string? Result { get; private set; }

    public DateTime? OpenedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<PollCandidate> Candidates => candidates;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<Poll> Create(int congressId, int organizationId, string? title, PollKind kind, CountMethod? method, MajorityKind? majority,
        MajorityBase? majorityBase, int seats, bool secret, bool paperOnly = false)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMaxLength)
            errors.Add(new InvalidField("Title", $"Give the poll a title of at most {TitleMaxLength} characters."));
        if (!Enum.IsDefined(kind)) errors.Add(new InvalidField("Kind", "A question or an election."));
        if (kind == PollKind.Election)
        {
            if (method is not { } m || !Enum.IsDefined(m)) errors.Add(new InvalidField("Method", "Choose a counting method for the election."));
            if (seats is < 1 or > 500) errors.Add(new InvalidField("Seats", "An election fills from 1 to 500 seats."));
            if (method == CountMethod.InstantRunoff && seats != 1) errors.Add(new InvalidField("Seats", "Instant runoff fills one seat."));
        }
        if (kind == PollKind.Question)
        {
            if (majority is not { } k || !Enum.IsDefined(k)) errors.Add(new InvalidField("Majority", "Choose the majority the question needs."));
            if (majorityBase is { } b && !Enum.IsDefined(b)) errors.Add(new InvalidField("MajorityBase", "Valid votes, those present or all entitled."));
        }
        if (errors.Count > 0) return new ValidationFailed(errors);
        return new Poll
        {
            CongressId = congressId, OrganizationId = organizationId, Title = title!.Trim(), Kind = kind, Secret = secret,
            Method = kind == PollKind.Election ? method : null, Seats = kind == PollKind.Election ? seats : 1,
            Majority = kind == PollKind.Question ? majority : null,
            MajorityBase = kind == PollKind.Question ? majorityBase ?? Elections.Majorities.MajorityBase.ValidVotes : null,
            Status = PollStatus.Nominating, PaperOnly = paperOnly,
        };
    }

    public Result<PollCandidate> Nominate(string? name, int? memberId)
    {
        if (Kind != PollKind.Election) return new NotAnElection();
        if (Status != PollStatus.Nominating) return new NominationsClosed();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > PollCandidate.NameMaxLength)
            return new InvalidField("Name", $"Give the candidate's name (at most {PollCandidate.NameMaxLength} characters).");
        if (candidates.Count >= MaxCandidates) return new InvalidField("Name", $"An election has at most {MaxCandidates} candidates.");
        var clean = name.Trim();
        if (candidates.Any(c => string.Equals(c.Name, clean, StringComparison.OrdinalIgnoreCase))) return new AlreadyNominated(clean);
        if (memberId is not null && candidates.Any(c => c.MemberId == memberId)) return new AlreadyNominated(clean);
        var candidate = new PollCandidate(OrganizationId, candidates.Count + 1, clean, memberId);
        candidates.Add(candidate);
        Version++;
        return candidate;
    }

    public Result<Done> Withdraw(int position)
    {
        if (Status != PollStatus.Nominating) return new NominationsClosed();
        var candidate = candidates.FirstOrDefault(c => c.Position == position);
        if (candidate is null) return new CandidateNotFound();
        candidate.Withdrawn = true;
        Version++;
        return Done.Value;
    }

    public Result<Done> Open(DateTime at)
    {
        if (Status != PollStatus.Nominating) return new PollAlreadyOpened();
        if (Kind == PollKind.Election && candidates.Count(c => !c.Withdrawn) < Seats)
            return new TooFewCandidates(candidates.Count(c => !c.Withdrawn), Seats);
        Status = PollStatus.Open;
        OpenedAt = at;
        Seed = RandomNumberGenerator.GetInt32(1, int.MaxValue);
        Version++;
        return Done.Value;
    }

    public Result<Done> Close(DateTime at, int entitled, int present, string result)
    {
        if (Status != PollStatus.Open) return new PollNotOpen();
        Status = PollStatus.Closed;
        ClosedAt = at;
        EntitledAtClose = entitled;
        PresentAtClose = present;
        Result = result;
        Version++;
        return Done.Value;
    }

    public Result<Done> Publish()
    {
        if (Status != PollStatus.Closed) return new PollNotClosed();
        if (PaperOnly && PaperEnteredAt is null) return new PaperCountMissing();
        Status = PollStatus.Published;
        Version++;
        return Done.Value;
    }

    /// The tellers' totals of a question voted on paper, entered once. In a poll that also took electronic ballots the
    /// paper and electronic votes together cannot exceed those present at the close: more would count someone twice (decision 0028).
    public Result<Done> EnterPaperTotals(long yes, long no, long abstain, long invalid, long electronicVotes, DateTime at)
    {
        if (RefusesPaper(PollKind.Question) is { } refused) return refused;
        var errors = new List<InvalidField>();
        foreach (var (field, value) in new[] { ("Yes", yes), ("No", no), ("Abstain", abstain), ("Invalid", invalid) })
            if (value < 0) errors.Add(new InvalidField(field, $"{field}: a count of papers is a whole number of 0 or more."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        if (!PaperOnly && electronicVotes + yes + no + abstain + invalid > PresentAtClose)
            return new MorePaperThanPresent(yes + no + abstain + invalid, electronicVotes, PresentAtClose ?? 0);
        PaperYes = yes;
        PaperNo = no;
        PaperAbstain = abstain;
        PaperInvalid = invalid;
        PaperEnteredAt = at;
        Version++;
        return Done.Value;
    }

    /// Records that the ranked paper ballots of an election were imported (the ballots themselves are stored apart, as cast ones are).
    public Result<Done> RecordPaperBallots(int ballots, long votes, long electronicVotes, DateTime at)
    {
        if (RefusesPaper(PollKind.Election) is { } refused) return refused;
        if (!PaperOnly && electronicVotes + votes > PresentAtClose) return new MorePaperThanPresent(votes, electronicVotes, PresentAtClose ?? 0);
        PaperBallots = ballots;
        PaperVotes = votes;
        PaperEnteredAt = at;
        Version++;
        return Done.Value;
    }

    /// Paper is entered once, before publication; into a poll that takes electronic ballots only after its close, so no
    /// delegate can vote both ways while the two are being added (decisions 0028, 0029).
    public Error? RefusesPaper(PollKind kind) => Kind != kind
        ? kind == PollKind.Question ? new PaperTotalsAreForQuestions() : new PaperBallotsAreForElections()
        : PaperEnteredAt is not null ? new PaperAlreadyEntered() : Status switch
    {
        PollStatus.Nominating => new PaperBeforeOpening(),
        PollStatus.Open when !PaperOnly => new PollStillTakingBallots(),
        PollStatus.Published => new ResultAlreadyPublished(),
        _ => null,
    };

    /// The result counted again once the paper is in (the poll stays closed, not yet published).
    public Result<Done> Recount(string result)
    {
        if (Status != PollStatus.Closed) return new PollNotClosed();
        Result = result;
        Version++;
        return Done.Value;
    }

    /// Checks a ballot's marks and returns them in the stored form: Y, N or A for a question; for an election the candidates'
    /// positions in order of preference, separated by spaces ("3 1 2"), an empty string for a blank ballot.
    public Result<string> Mark(IReadOnlyList<int>? ranking, string? answer)
    {
        if (Kind == PollKind.Question)
        {
            return answer?.Trim().ToUpperInvariant() switch
            {
                "Y" or "YES" => "Y",
                "N" or "NO" => "N",
                "A" or "ABSTAIN" => "A",
                _ => new InvalidField("Answer", "Answer yes, no or abstain."),
            };
        }
        ranking ??= [];
        var seen = new HashSet<int>();
        foreach (var position in ranking)
        {
            var candidate = candidates.FirstOrDefault(c => c.Position == position);
            if (candidate is null || candidate.Withdrawn) return new BallotCandidateNotFound(position);
            if (!seen.Add(position)) return new BallotRepeatsCandidate(candidate.Name);
        }
        if (Method == CountMethod.Plurality && ranking.Count > 1) return new InvalidField("Ranking", "Mark one candidate.");
        if (Method == CountMethod.Block && ranking.Count > Seats) return new InvalidField("Ranking", $"Mark at most {Seats} candidates.");
        return string.Join(' ', ranking);
    }
}

public sealed class PollCandidate : IAudited
{
    public const int NameMaxLength = 200;

    private PollCandidate()
    {
    }

    internal PollCandidate(int organizationId, int position, string name, int? memberId)
    {
        OrganizationId = organizationId;
        Position = position;
        Name = name;
        MemberId = memberId;
    }

    public int Id { get; private set; }

    public int PollId { get; private set; }

    public int OrganizationId { get; private set; }

    /// The candidate's number on the ballot (and in the BLT export), from 1.
    public int Position { get; private set; }

    public string Name { get; private set; } = "";

    public int? MemberId { get; private set; }

    public bool Withdrawn { get; internal set; }

    int? IAudited.AuditOrganizationId => OrganizationId;
}

/// That a delegate has voted in a poll: the key alone, no time and no link to the ballot. The key makes a second ballot impossible.
/// Not audited: the trail would order the voters in time beside the ballots (decision 0025).
public sealed class PollVoter
{
    private PollVoter()
    {
    }

    public PollVoter(int pollId, int delegateId)
    {
        PollId = pollId;
        DelegateId = delegateId;
    }

    public int PollId { get; private set; }

    public int DelegateId { get; private set; }
}

/// One ballot as cast (or imported from paper): its marks and weight, keyed by the voter's random receipt code. No voter (unless the poll is named),
/// no time, no sequential id. Not audited, for the same reason as PollVoter.
public sealed class Ballot
{
    public const int ReceiptLength = 16;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    private Ballot()
    {
    }

    public Ballot(int pollId, string marks, int weight, int? delegateId, bool paper = false)
    {
        Receipt = NewReceipt();
        PollId = pollId;
        Marks = marks;
        Weight = weight;
        DelegateId = delegateId;
        Paper = paper;
    }

    public string Receipt { get; private set; } = "";

    public int PollId { get; private set; }

    public string Marks { get; private set; } = "";

    public int Weight { get; private set; }

    /// Only in a named poll.
    public int? DelegateId { get; private set; }

    /// A paper ballot imported by the tellers (decision 0029): it may rank candidates equal (2=5) or skip a rank (-).
    public bool Paper { get; private set; }

    /// 16 characters of a 30-letter alphabet (about 78 bits), grouped in fours for reading aloud.
    public static string NewReceipt()
    {
        Span<char> chars = stackalloc char[ReceiptLength];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    public static string Display(string receipt) => string.Join('-', receipt.Chunk(4).Select(c => new string(c)));

    public static string Normalize(string? receipt) => new((receipt ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
}
