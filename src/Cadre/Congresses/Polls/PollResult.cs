using Cadre.Elections.Counting;
using Cadre.Elections.Majorities;

namespace Cadre.Congresses.Polls;

/// A poll's result as published: the totals or the count stage by stage, numbers as strings at the method's precision.
public sealed record PollResult
{
    public required PollKind Kind { get; init; }

    public string? Method { get; init; }

    public int Seats { get; init; }

    /// Ballots cast, and their total weight.
    public int Ballots { get; init; }

    public long Votes { get; init; }

    public long Blank { get; init; }

    public long? Yes { get; init; }

    public long? No { get; init; }

    public long? Abstain { get; init; }

    public bool? Carried { get; init; }

    public string? Reason { get; init; }

    public string? Quota { get; init; }

    public IReadOnlyList<string> Candidates { get; init; } = [];

    public IReadOnlyList<string> Elected { get; init; } = [];

    public IReadOnlyList<ResultStage> Stages { get; init; } = [];

    public IReadOnlyList<string> TieBreaks { get; init; } = [];

    public long Seed { get; init; }

    /// What the tellers entered from paper, when they did (decisions 0028, 0029); included in the figures above.
    public PaperCount? Paper { get; init; }

    /// Why the ballots could not be counted (no valid ballots, say); the ballots are still published.
    public string? Error { get; init; }

    public static PollResult Of(CountResult count, int ballots, long votes, long blank) => new()
    {
        Kind = PollKind.Election,
        Method = Count.Name(count.Method),
        Seats = count.Seats,
        Ballots = ballots,
        Votes = votes,
        Blank = blank,
        Quota = count.Quota is { } q ? count.Format(q) : null,
        Candidates = count.Candidates.Select(c => c.Name).ToList(),
        Elected = count.ElectedNames.ToList(),
        Seed = count.Seed,
        TieBreaks = count.TieBreaks.Select(t => t.Description).ToList(),
        Stages = count.Stages.Select(s => new ResultStage(s.Number, s.Description,
            s.Votes.Select(v => v is { } x ? count.Format(x) : null).ToList(),
            s.Transfers.Select(v => v is { } x ? count.Format(x) : null).ToList(),
            s.Elected.Select(c => count.Candidates[c].Name).ToList(), s.Excluded.Select(c => count.Candidates[c].Name).ToList(),
            count.Format(s.Exhausted))).ToList(),
    };

    public static PollResult Of(MajorityResult decision, PollTally tally, int ballots) => new()
    {
        Kind = PollKind.Question, Ballots = ballots, Votes = tally.Yes + tally.No + tally.Abstain, Yes = tally.Yes, No = tally.No,
        Abstain = tally.Abstain, Carried = decision.Carried, Reason = decision.Reason,
    };
}

/// The paper part of a result: a question's totals, or an election's imported ballots and their weight.
public sealed record PaperCount(long? Yes, long? No, long? Abstain, long? Invalid, int? Ballots, long? Votes)
{
    public static PaperCount? Of(Poll poll) => poll.PaperEnteredAt is null ? null
        : new PaperCount(poll.PaperYes, poll.PaperNo, poll.PaperAbstain, poll.PaperInvalid, poll.PaperBallots, poll.PaperVotes);
}

/// One stage of a count: each candidate's votes (null once out of the count) and transfers, in the order of Candidates.
public sealed record ResultStage(int Number, string Description, IReadOnlyList<string?> Votes, IReadOnlyList<string?> Transfers,
    IReadOnlyList<string> Elected, IReadOnlyList<string> Excluded, string Exhausted);
