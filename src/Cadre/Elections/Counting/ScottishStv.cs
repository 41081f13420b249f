namespace Cadre.Elections.Counting;

/// Single transferable vote by the Scottish Local Government Elections Order 2007 (SSI 2007/42, schedule 1, rules 45
/// to 52): quota ⌊valid ballots / (seats + 1)⌋ + 1; a candidate with the quota is elected; the largest surplus is
/// transferred first, every ballot paper the candidate holds at (surplus × its value ÷ the candidate's votes) to five
/// decimal places, the remainder ignored (weighted inclusive Gregory); otherwise the lowest candidate is excluded and
/// their papers pass on at their values; when the continuing candidates are as many as the seats left, they are elected.
/// Ties look back to the most recent stage at which the candidates differed, then go to a seeded lot.
/// Wright STV (<see cref="RunWright"/>) uses the same transfers but starts the count again after each exclusion.
internal static class ScottishStv
{
    public const int Decimals = 5;

    public static CountResult Run(BallotSet ballots, int seats, long seed)
    {
        var ties = new TieBreaker(seed, ballots.Candidates);
        var stages = new List<CountStage>();
        var count = new WigmCount(ballots, seats, ties, stages, new bool[ballots.Candidates.Count], StageKind.FirstCount);
        var outcome = count.Run(restartOnExclusion: false);
        return Result(CountMethod.ScottishStv, ballots, seats, seed, count, outcome, stages, ties);
    }

    /// Wright STV: each exclusion removes the candidate from every ballot and the count starts again from the first
    /// preferences, with the quota of the ballots still valid.
    public static CountResult RunWright(BallotSet ballots, int seats, long seed)
    {
        var ties = new TieBreaker(seed, ballots.Candidates);
        var stages = new List<CountStage>();
        var removed = new bool[ballots.Candidates.Count];
        var kind = StageKind.FirstCount;
        int? newlyRemoved = null;
        while (true)
        {
            var count = new WigmCount(ballots, seats, ties, stages, removed, kind, newlyRemoved);
            var outcome = count.Run(restartOnExclusion: true);
            if (outcome.ToExclude is not { } excluded) return Result(CountMethod.Wright, ballots, seats, seed, count, outcome, stages, ties);
            removed[excluded] = true;
            newlyRemoved = excluded;
            kind = StageKind.Restart;
        }
    }

    private static CountResult Result(CountMethod method, BallotSet ballots, int seats, long seed, WigmCount count, WigmCount.Outcome outcome,
        List<CountStage> stages, TieBreaker ties) => new()
        {
            Method = method,
            Title = ballots.Title,
            Seats = seats,
            Decimals = Decimals,
            Candidates = ballots.Candidates,
            Quota = count.Quota,
            Elected = outcome.Elected,
            Stages = stages,
            TieBreaks = ties.Breaks,
            ValidVotes = count.ValidVotes,
            InvalidBallots = count.InvalidBallots,
            Seed = seed,
        };
}

/// One weighted inclusive Gregory count: papers kept per candidate with their values, in fixed point (10^5 = one vote).
internal sealed class WigmCount
{
    private const long One = 100_000;

    private readonly BallotSet ballots;
    private readonly int seats;
    private readonly TieBreaker ties;
    private readonly List<CountStage> stages;
    private readonly int firstStage;
    private readonly StageKind firstKind;
    private readonly int? newlyRemoved;
    private readonly Status[] status;
    private readonly long[] votes;
    private readonly List<Paper>[] piles;
    private readonly List<int> elected = [];
    private readonly HashSet<int> surplusPending = [];
    private long lost;

    public WigmCount(BallotSet ballots, int seats, TieBreaker ties, List<CountStage> stages, bool[] removed, StageKind firstKind, int? newlyRemoved = null)
    {
        this.newlyRemoved = newlyRemoved;
        this.ballots = ballots;
        this.seats = seats;
        this.ties = ties;
        this.stages = stages;
        this.firstKind = firstKind;
        firstStage = stages.Count;
        var n = ballots.Candidates.Count;
        status = new Status[n];
        for (var c = 0; c < n; c++) status[c] = ballots.Candidates[c].Withdrawn || removed[c] ? Status.Out : Status.Continuing;
        votes = new long[n];
        piles = new List<Paper>[n];
        for (var c = 0; c < n; c++) piles[c] = [];
    }

    public long Quota { get; private set; }

    public long ValidVotes { get; private set; }

    public long InvalidBallots { get; private set; }

    public sealed record Outcome(IReadOnlyList<int> Elected, int? ToExclude);

    private enum Status : byte
    {
        Continuing,
        Elected,
        Excluded,
        Out,
    }

    private readonly record struct Paper(int Ballot, int Position, long Value);

    public Outcome Run(bool restartOnExclusion)
    {
        FirstCount();
        while (elected.Count < seats)
        {
            var continuing = Continuing().ToList();
            if (continuing.Count <= seats - elected.Count)
            {
                // Rule 52: as many continuing candidates as seats left: they are elected, no further transfer.
                var order = ties.OrderByVotes(stages.Count, "the order of election", continuing, votes, History(), mostRecentFirst: true);
                foreach (var c in order) Elect(c);
                var last = stages[^1];
                stages[^1] = last with { Elected = [.. last.Elected, .. order], Kind = last.Kind, Description = last.Description + $" {Names(order)} elected: as many continuing candidates as seats left." };
                break;
            }
            if (surplusPending.Count > 0)
            {
                // Rule 49: the highest surplus first; equal surpluses look back to the most recent stage they differed.
                var highest = surplusPending.Max(c => votes[c]);
                var tied = surplusPending.Where(c => votes[c] == highest).Order().ToList();
                var from = ties.Choose(stages.Count + 1, "the order of surplus transfers", tied, History(), lowest: false, mostRecentFirst: true);
                TransferSurplus(from);
            }
            else
            {
                // Rule 50 and 51: exclude the lowest; ties look back to the most recent stage they differed, then lot.
                var lowest = continuing.Min(c => votes[c]);
                var tied = continuing.Where(c => votes[c] == lowest).ToList();
                var excluded = ties.Choose(stages.Count + 1, "exclusion", tied, History(), lowest: true, mostRecentFirst: true);
                if (restartOnExclusion) return new Outcome(elected, excluded);
                Exclude(excluded);
            }
        }
        return new Outcome(elected, null);
    }

    private void FirstCount()
    {
        long valid = 0, invalid = 0;
        for (var b = 0; b < ballots.Count; b++)
        {
            var weight = ballots.Weights[b];
            var (c, position) = NextPreference(b, ballots.Starts[b]);
            if (c < 0)
            {
                invalid += weight;
                continue;
            }
            valid += weight;
            piles[c].Add(new Paper(b, position, One));
            votes[c] += weight * One;
        }
        ValidVotes = valid * One;
        InvalidBallots = invalid;
        Quota = (valid / (seats + 1) + 1) * One;
        var restart = firstKind == StageKind.Restart;
        var description = restart
            ? $"Count restarted without {Names(Enumerable.Range(0, status.Length).Where(c => status[c] == Status.Out && !ballots.Candidates[c].Withdrawn))}; quota {CountResult.Format(Quota, ScottishStv.Decimals)}."
            : $"First preferences; quota {CountResult.Format(Quota, ScottishStv.Decimals)}.";
        // A Wright restart names the candidate whose exclusion started it (out of the count from then on).
        EndStage(firstKind, description, newlyRemoved, newlyRemoved is { } x ? [x] : [], first: true);
    }

    private void TransferSurplus(int from)
    {
        var total = votes[from];
        var surplus = total - Quota;
        long moved = 0;
        foreach (var paper in piles[from])
        {
            var weight = ballots.Weights[paper.Ballot];
            var value = surplus * paper.Value / total;
            moved += weight * value;
            var (to, position) = NextPreference(paper.Ballot, paper.Position);
            if (to >= 0)
            {
                piles[to].Add(paper with { Position = position, Value = value });
                votes[to] += weight * value;
            }
        }
        lost += surplus - moved;
        votes[from] = Quota;
        piles[from].Clear();
        surplusPending.Remove(from);
        EndStage(StageKind.Surplus, $"Surplus of {ballots.Candidates[from].Name} ({CountResult.Format(surplus, ScottishStv.Decimals)}) transferred.", from, [], first: false);
    }

    private void Exclude(int candidate)
    {
        status[candidate] = Status.Excluded;
        foreach (var paper in piles[candidate])
        {
            var (to, position) = NextPreference(paper.Ballot, paper.Position);
            if (to < 0) continue;
            piles[to].Add(paper with { Position = position });
            votes[to] += ballots.Weights[paper.Ballot] * paper.Value;
        }
        votes[candidate] = 0;
        piles[candidate].Clear();
        EndStage(StageKind.Exclusion, $"{ballots.Candidates[candidate].Name} excluded; their ballot papers transferred at their values.", candidate, [candidate], first: false);
    }

    /// Rule 47 at the end of every stage: the candidates with the quota are elected, the most votes first.
    private void EndStage(StageKind kind, string description, int? from, int[] excluded, bool first)
    {
        var reached = Continuing().Where(c => votes[c] >= Quota).ToList();
        var order = ties.OrderByVotes(stages.Count + 1, "the order of election", reached, votes, History(), mostRecentFirst: true);
        foreach (var c in order)
        {
            Elect(c);
            if (votes[c] > Quota) surplusPending.Add(c);
        }
        var previous = first || stages.Count == firstStage ? null : stages[^1].Votes;
        var snapshot = new long?[votes.Length];
        var transfers = new long?[votes.Length];
        long inCount = 0;
        for (var c = 0; c < votes.Length; c++)
        {
            var shown = status[c] switch
            {
                Status.Out => (long?)null,
                Status.Excluded when !excluded.Contains(c) => null,
                _ => votes[c],
            };
            snapshot[c] = shown;
            transfers[c] = shown is { } v ? v - (previous?[c] ?? 0) : null;
            inCount += shown ?? 0;
        }
        stages.Add(new CountStage
        {
            Number = stages.Count + 1,
            Kind = kind,
            Description = order.Count > 0 ? $"{description} {Names(order)} elected." : description,
            Votes = snapshot,
            Transfers = transfers,
            Elected = order,
            Excluded = excluded,
            Exhausted = ValidVotes - inCount,
            LostToRounding = lost,
            Quota = Quota,
            From = from,
        });
    }

    private void Elect(int c)
    {
        status[c] = Status.Elected;
        elected.Add(c);
    }

    private IEnumerable<int> Continuing() => Enumerable.Range(0, status.Length).Where(c => status[c] == Status.Continuing);

    /// The votes after each stage of this count (a Wright restart looks back only within its own count).
    private List<IReadOnlyList<long?>> History() => [.. stages.Skip(firstStage).Select(s => s.Votes)];

    /// The next available preference after a position: the continuing candidate and the position after them;
    /// -1 when there is none (a skipped rank ends the sequence), -2 when two or more continuing candidates share it.
    private (int Candidate, int Position) NextPreference(int ballot, int position)
    {
        var prefs = ballots.Prefs;
        var end = ballots.Starts[ballot + 1];
        var i = position;
        while (i < end)
        {
            var p = prefs[i];
            if (p == BallotSet.Skip) return (-1, end);
            var found = -1;
            var shared = false;
            do
            {
                var c = prefs[i] & BallotSet.CandidateMask;
                if (status[c] == Status.Continuing)
                {
                    if (found >= 0) shared = true;
                    found = c;
                }
                i++;
            }
            while (i < end && prefs[i] != BallotSet.Skip && (prefs[i] & BallotSet.EqualToPrevious) != 0);
            if (shared) return (-2, end);
            if (found >= 0) return (found, i);
        }
        return (-1, end);
    }

    private string Names(IEnumerable<int> group) => string.Join(", ", group.Select(c => ballots.Candidates[c].Name));
}
