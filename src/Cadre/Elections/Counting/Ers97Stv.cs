namespace Cadre.Elections.Counting;

/// STV by the Electoral Reform Society's 1997 rules (ERS97), in hundredths: the quota is the valid vote ÷ (seats + 1)
/// to two decimals, plus 0.01 unless exact (recalculated without the non-transferable vote while no one is elected);
/// a candidate is elected at the quota or, if lower, the total active vote ÷ (seats left + 1). A surplus from the first
/// stage transfers all the candidate's papers, a later one only the last batch received, at surplus ÷ transferable
/// papers (two decimals, remainder ignored) or their present value if that is less; surpluses are deferred while
/// they could not save the lowest candidates. Exclusion takes as many of the lowest together as cannot overtake the
/// next, and passes their papers on in batches of one value, highest first; each batch is a stage. Ties look at the
/// first stage, then forward at each batch, then go to lot.
internal sealed class Ers97Stv
{
    public const int Decimals = 2;
    private const long One = 100;

    private readonly BallotSet ballots;
    private readonly int seats;
    private readonly int n;
    private readonly TieBreaker ties;
    private readonly Status[] status;
    private readonly long[] votes;
    private readonly List<Paper>[] piles;
    private readonly List<Paper>[] lastReceived;
    private readonly bool[] electedAtFirstStage;
    // Excluded candidates whose papers have all been passed on: out of the count.
    private readonly bool[] gone;
    private readonly List<int> elected = [];
    private readonly List<int> surplusPending = [];
    private readonly List<CountStage> stages = [];
    private long valid;
    private long invalid;
    private long quota;
    private long nonTransferable;

    private enum Status : byte
    {
        Continuing,
        Elected,
        Excluded,
        Withdrawn,
    }

    private readonly record struct Paper(int Ballot, int Position, long Value);

    private Ers97Stv(BallotSet ballots, int seats, long seed)
    {
        this.ballots = ballots;
        this.seats = seats;
        n = ballots.Candidates.Count;
        ties = new TieBreaker(seed, ballots.Candidates);
        status = new Status[n];
        for (var c = 0; c < n; c++) status[c] = ballots.Candidates[c].Withdrawn ? Status.Withdrawn : Status.Continuing;
        votes = new long[n];
        piles = new List<Paper>[n];
        lastReceived = new List<Paper>[n];
        for (var c = 0; c < n; c++)
        {
            piles[c] = [];
            lastReceived[c] = [];
        }
        electedAtFirstStage = new bool[n];
        gone = new bool[n];
    }

    public static CountResult Run(BallotSet ballots, int seats, long seed)
    {
        var count = new Ers97Stv(ballots, seats, seed);
        count.CountAll();
        return new CountResult
        {
            Method = CountMethod.Ers97,
            Title = ballots.Title,
            Seats = seats,
            Decimals = Decimals,
            Candidates = ballots.Candidates,
            Quota = count.quota,
            Elected = count.elected,
            Stages = count.stages,
            TieBreaks = count.ties.Breaks,
            ValidVotes = count.valid,
            InvalidBallots = count.invalid,
            Seed = seed,
        };
    }

    private int Left => seats - elected.Count;

    private List<int> Continuing() => [.. Enumerable.Range(0, n).Where(c => status[c] == Status.Continuing)];

    private void CountAll()
    {
        long validBallots = 0;
        for (var b = 0; b < ballots.Count; b++)
        {
            var (c, position) = NextPreference(b, ballots.Starts[b]);
            if (c < 0)
            {
                invalid += ballots.Weights[b];
                continue;
            }
            validBallots += ballots.Weights[b];
            var paper = new Paper(b, position, One);
            piles[c].Add(paper);
            lastReceived[c].Add(paper);
            votes[c] += ballots.Weights[b] * One;
        }
        valid = validBallots * One;
        quota = QuotaFor(valid);
        var first = ElectReached();
        foreach (var c in first) electedAtFirstStage[c] = true;
        AddStage(StageKind.FirstCount, $"First preferences; quota {Format(quota)}.", null, first, []);

        while (Left > 0)
        {
            var continuing = Continuing();
            if (continuing.Count <= Left)
            {
                Complete(continuing, "as many continuing candidates as places left");
                break;
            }
            var deferred = surplusPending.Sum(c => votes[c] - quota);
            var batch = ExcludableBatch(continuing, deferred);
            if (surplusPending.Count > 0 && batch.Count == 0)
            {
                TransferSurplus(LargestSurplus());
                continue;
            }
            if (batch.Count == 0) batch = [LowestOne(continuing)];
            if (continuing.Count - batch.Count <= Left)
            {
                // 5.5.1: the proposed exclusion would leave as many continuing candidates as places: they are elected.
                Complete([.. continuing.Where(c => !batch.Contains(c))], "the proposed exclusion would leave as many continuing candidates as places");
                break;
            }
            Exclude(batch, deferred > 0);
        }
        var rest = Continuing();
        if (rest.Count > 0)
        {
            foreach (var c in rest) status[c] = Status.Excluded;
            var last = stages[^1];
            stages[^1] = last with { Excluded = [.. last.Excluded, .. rest], Description = last.Description + $" {Names(rest)} formally excluded: every place is filled." };
        }
    }

    private long QuotaFor(long votesCounted)
    {
        var q = Math.DivRem(votesCounted, seats + 1, out var remainder);
        return remainder > 0 ? q + 1 : q;
    }

    /// 5.1.7, 5.3.13, 5.4.9: continuing candidates at the quota (or the total active vote ÷ (places left + 1)), most
    /// votes first, up to the places left.
    private List<int> ElectReached()
    {
        var result = new List<int>();
        while (Left > 0)
        {
            var line = Math.Max(Math.Min(quota, ActiveThreshold()), 1);
            var reached = Continuing().Where(c => votes[c] >= line).ToList();
            if (reached.Count == 0) break;
            var order = ties.OrderByVotes(stages.Count + 1, "the order of election", reached, votes, History(), mostRecentFirst: false);
            foreach (var c in order.Take(Left))
            {
                status[c] = Status.Elected;
                elected.Add(c);
                result.Add(c);
                if (votes[c] > quota) surplusPending.Add(c);
            }
        }
        return result;
    }

    /// The total active vote (continuing candidates and surpluses awaiting transfer) ÷ (places left + 1), rounded up.
    private long ActiveThreshold()
    {
        long active = 0;
        foreach (var c in Continuing()) active += votes[c];
        foreach (var c in surplusPending) active += Math.Max(0, votes[c] - quota);
        var t = Math.DivRem(active, Left + 1, out var remainder);
        return remainder > 0 ? t + 1 : t;
    }

    /// 5.2.2 and 5.2.5: the largest group of lowest candidates whose votes, with the deferred surpluses, do not exceed
    /// the vote of the candidate next above, leaving enough candidates for the places; empty if there is none.
    private List<int> ExcludableBatch(List<int> continuing, long deferred)
    {
        var ascending = continuing.OrderBy(c => votes[c]).ThenBy(c => c).ToList();
        var best = 0;
        long total = 0;
        for (var k = 1; k < ascending.Count && ascending.Count - k >= Left; k++)
        {
            total += votes[ascending[k - 1]];
            if (total + deferred <= votes[ascending[k]] && votes[ascending[k - 1]] < votes[ascending[k]]) best = k;
        }
        if (best == 0) return [];
        if (best == 1) return [LowestOne(continuing)];
        return [.. ascending.Take(best)];
    }

    private int LowestOne(List<int> continuing)
    {
        var lowest = continuing.Min(c => votes[c]);
        var tied = continuing.Where(c => votes[c] == lowest).ToList();
        return ties.Choose(stages.Count + 1, "exclusion", tied, History(), lowest: true, mostRecentFirst: false);
    }

    private int LargestSurplus()
    {
        var largest = surplusPending.Max(c => votes[c]);
        var tied = surplusPending.Where(c => votes[c] == largest).ToList();
        return ties.Choose(stages.Count + 1, "the order of surplus transfers", tied, History(), lowest: false, mostRecentFirst: false);
    }

    private void TransferSurplus(int from)
    {
        surplusPending.Remove(from);
        var surplus = votes[from] - quota;
        var examined = electedAtFirstStage[from] ? piles[from] : lastReceived[from];
        var moves = new List<(Paper Paper, int To, int Position)>();
        long transferableCount = 0, transferableValue = 0;
        foreach (var paper in examined)
        {
            var (to, position) = NextPreference(paper.Ballot, paper.Position);
            if (to < 0) continue;
            moves.Add((paper, to, position));
            transferableCount += ballots.Weights[paper.Ballot];
            transferableValue += ballots.Weights[paper.Ballot] * paper.Value;
        }
        var reduce = transferableValue > surplus;
        var transferValue = reduce ? surplus / transferableCount : 0;
        var received = new Dictionary<int, List<Paper>>();
        long moved = 0;
        foreach (var (paper, to, position) in moves)
        {
            var value = reduce ? transferValue : paper.Value;
            var weight = ballots.Weights[paper.Ballot];
            var next = new Paper(paper.Ballot, position, value);
            piles[to].Add(next);
            if (!received.TryGetValue(to, out var list)) received[to] = list = [];
            list.Add(next);
            votes[to] += weight * value;
            moved += weight * value;
        }
        foreach (var (to, list) in received) lastReceived[to] = list;
        nonTransferable += surplus - moved;
        votes[from] = quota;
        piles[from] = [];
        lastReceived[from] = [];
        var how = reduce ? $"at {Format(transferValue)} a paper" : "at their present values";
        var newly = ElectReached();
        AddStage(StageKind.Surplus, $"Surplus of {ballots.Candidates[from].Name} ({Format(surplus)}) transferred {how}.", from, newly, []);
    }

    private void Exclude(List<int> batch, bool deferring)
    {
        foreach (var c in batch) status[c] = Status.Excluded;
        var papers = batch.SelectMany(c => piles[c].Select(p => (Owner: c, Paper: p))).ToList();
        var values = papers.Select(p => p.Paper.Value).Distinct().OrderDescending().ToList();
        var names = Names(batch);
        var why = deferring ? " (the surpluses are deferred)" : "";
        if (values.Count == 0)
        {
            foreach (var c in batch) votes[c] = 0;
            AddStage(StageKind.Exclusion, $"{names} excluded{why}; no papers to transfer.", batch.Count == 1 ? batch[0] : null, ElectReached(), batch);
            foreach (var c in batch) gone[c] = true;
            return;
        }
        for (var v = 0; v < values.Count && Left > 0; v++)
        {
            var value = values[v];
            var received = new Dictionary<int, List<Paper>>();
            foreach (var (owner, paper) in papers)
            {
                if (paper.Value != value) continue;
                var weight = ballots.Weights[paper.Ballot];
                votes[owner] -= weight * value;
                var (to, position) = NextPreference(paper.Ballot, paper.Position);
                if (to < 0)
                {
                    nonTransferable += weight * value;
                    continue;
                }
                var next = new Paper(paper.Ballot, position, value);
                piles[to].Add(next);
                if (!received.TryGetValue(to, out var list)) received[to] = list = [];
                list.Add(next);
                votes[to] += weight * value;
            }
            foreach (var (to, list) in received) lastReceived[to] = list;
            if (elected.Count == 0) quota = QuotaFor(valid - nonTransferable);
            var newly = ElectReached();
            var part = values.Count > 1 ? $" (batch {v + 1} of {values.Count}, papers at {Format(value)})" : "";
            AddStage(StageKind.Exclusion, $"{names} excluded{why}{part}.", batch.Count == 1 ? batch[0] : null, newly, v == 0 ? batch : []);
        }
        foreach (var c in batch)
        {
            piles[c] = [];
            lastReceived[c] = [];
            gone[c] = true;
        }
    }

    private void Complete(List<int> group, string why)
    {
        var order = ties.OrderByVotes(stages.Count, "the order of election", group, votes, History(), mostRecentFirst: false);
        foreach (var c in order)
        {
            status[c] = Status.Elected;
            elected.Add(c);
        }
        var last = stages[^1];
        stages[^1] = last with { Elected = [.. last.Elected, .. order], Description = last.Description + $" {Names(order)} elected: {why}." };
    }

    private void AddStage(StageKind kind, string description, int? from, List<int> newlyElected, List<int> excluded)
    {
        var previous = stages.Count > 0 ? stages[^1].Votes : null;
        var shown = new long?[n];
        var transfers = new long?[n];
        for (var c = 0; c < n; c++)
        {
            shown[c] = status[c] == Status.Withdrawn || gone[c] ? null : votes[c];
            transfers[c] = shown[c] is { } v ? v - (previous?[c] ?? 0) : null;
        }
        stages.Add(new CountStage
        {
            Number = stages.Count + 1,
            Kind = kind,
            Description = newlyElected.Count > 0 ? $"{description} {Names(newlyElected)} elected." : description,
            Votes = shown,
            Transfers = transfers,
            Elected = newlyElected,
            Excluded = excluded,
            Exhausted = nonTransferable,
            LostToRounding = 0,
            Quota = quota,
            From = from,
        });
    }

    private List<IReadOnlyList<long?>> History() => [.. stages.Select(s => s.Votes)];

    /// The next preference for a continuing candidate; -1 if none (or a skipped rank), -2 if uncertain (an equal
    /// ranking of two or more continuing candidates).
    private (int Candidate, int Position) NextPreference(int ballot, int position)
    {
        var prefs = ballots.Prefs;
        var end = ballots.Starts[ballot + 1];
        var i = position;
        while (i < end)
        {
            if (prefs[i] == BallotSet.Skip) return (-1, end);
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

    private static string Format(long amount) => CountResult.Format(amount, Decimals);

    private string Names(IEnumerable<int> group) => string.Join(", ", group.Select(c => ballots.Candidates[c].Name));
}
