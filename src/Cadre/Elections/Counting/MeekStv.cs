namespace Cadre.Elections.Counting;

/// Meek STV as counted by Droop (the "meek" rule) and stv-rs in fixed point: every amount has 9 decimal places
/// (10^9 = one vote), products are truncated, keep factors are rounded up. Each ballot gives each candidate, in order,
/// its keep factor's share of the voting power it still has and passes the rest on. The quota is
/// (ballots − exhausted) / (seats + 1) + 10^-9; keep factors of the elected are set to keep × quota ÷ votes until a
/// candidate reaches the quota, the total surplus is at most omega (10^-6 by default), or it stops falling; then the
/// lowest hopeful is defeated (candidates within the surplus of the lowest are tied, and the tie goes to lot).
/// An equal ranking splits the power it receives evenly among its members not defeated; what each does not keep passes
/// to the next rank.
/// Ballots are counted through a prefix tree of the rankings, so ballots sharing a beginning are computed once:
/// the result is the same as ballot by ballot, since the power a ballot carries depends only on its prefix.
internal sealed class MeekStv
{
    public const int Decimals = 9;
    private const long One = 1_000_000_000;

    private readonly BallotSet ballots;
    private readonly int seats;
    private readonly long omega;
    private readonly int n;
    private readonly TieBreaker ties;
    private readonly Status[] status;
    private readonly long[] keep;
    private readonly long total;
    private readonly List<CountStage> stages = [];
    private readonly List<int> elected = [];
    private readonly List<int> defeated = [];
    private readonly Tree tree;
    private long[] sum;
    private long exhausted;
    private long threshold;
    private long surplus;
    private long invalid;

    private enum Status : byte
    {
        Hopeful,
        Elected,
        Defeated,
        Withdrawn,
    }

    private MeekStv(BallotSet ballots, int seats, long seed, int omegaDecimals)
    {
        this.ballots = ballots;
        this.seats = seats;
        n = ballots.Candidates.Count;
        omega = One / Fixed.Pow10(omegaDecimals);
        ties = new TieBreaker(seed, ballots.Candidates);
        status = new Status[n];
        keep = new long[n];
        for (var c = 0; c < n; c++)
        {
            status[c] = ballots.Candidates[c].Withdrawn ? Status.Withdrawn : Status.Hopeful;
            keep[c] = One;
        }
        tree = Tree.Build(ballots, c => status[c] == Status.Withdrawn, out var counted, out invalid);
        total = counted * One;
        sum = new long[n];
    }

    public static CountResult Run(BallotSet ballots, int seats, long seed, int omegaDecimals)
    {
        var meek = new MeekStv(ballots, seats, seed, omegaDecimals);
        meek.CountAll();
        return new CountResult
        {
            Method = CountMethod.Meek,
            Title = ballots.Title,
            Seats = seats,
            Decimals = Decimals,
            Candidates = ballots.Candidates,
            Quota = meek.threshold,
            Elected = meek.elected,
            Stages = meek.stages,
            TieBreaks = meek.ties.Breaks,
            ValidVotes = meek.total,
            InvalidBallots = meek.invalid,
            Seed = seed,
        };
    }

    private int ToElect => seats - elected.Count;

    private void CountAll()
    {
        threshold = Threshold(0);
        CountVotes();
        Stage(StageKind.FirstCount, "Begin Count", [], [], 0);
        while (true)
        {
            var hopeful = Enumerable.Range(0, n).Count(c => status[c] == Status.Hopeful);
            if (ToElect == 0 || hopeful <= ToElect) break;
            var (reason, iterations) = Iterate();
            Stage(StageKind.Iteration, $"Iterate ({reason})", [], [], iterations);
            if (reason == "elected") continue;
            var loser = NextDefeated();
            var why = reason == "omega" ? $"surplus {Format(surplus)} < omega" : $"stable surplus {Format(surplus)}";
            Defeat(loser);
            Stage(StageKind.Exclusion, $"Defeat ({why}): {ballots.Candidates[loser].Name}", [], [loser], 0);
            keep[loser] = 0;
            CountVotes();
        }
        for (var c = 0; c < n; c++)
        {
            if (status[c] != Status.Hopeful) continue;
            if (elected.Count < seats)
            {
                Elect(c);
                Stage(StageKind.Completion, $"Elect remaining: {ballots.Candidates[c].Name}", [c], [], 0);
            }
            else
            {
                Defeat(c);
                Stage(StageKind.Completion, $"Defeat remaining: {ballots.Candidates[c].Name}", [], [c], 0);
                keep[c] = 0;
            }
            CountVotes();
        }
        Stage(StageKind.Completion, "Count Complete", [], [], 0);
    }

    /// Iterates keep factors until a candidate is elected, the surplus is at most omega, or it stops decreasing.
    private (string Reason, int Iterations) Iterate()
    {
        var lastSurplus = total;
        for (var iteration = 1; ; iteration++)
        {
            CountVotes();
            threshold = Threshold(exhausted);
            var hasElected = false;
            for (var c = 0; c < n && ToElect > 0; c++)
            {
                if (status[c] != Status.Hopeful || sum[c] < threshold) continue;
                Elect(c);
                Stage(StageKind.Election, $"Elect: {ballots.Candidates[c].Name}", [c], [], iteration);
                hasElected = true;
            }
            surplus = 0;
            foreach (var c in elected) surplus += sum[c] - threshold;
            if (hasElected) return ("elected", iteration);
            if (surplus <= omega) return ("omega", iteration);
            if (surplus >= lastSurplus) return ("stable", iteration);
            lastSurplus = surplus;
            foreach (var c in elected)
            {
                // keep × quota rounded up, divided by the votes rounded up.
                var kq = ((Int128)keep[c] * threshold + One - 1) / One;
                keep[c] = (long)((kq * One + sum[c] - 1) / sum[c]);
            }
        }
    }

    /// The lowest hopeful; those within the surplus of the lowest are tied (another iteration could reorder them).
    private int NextDefeated()
    {
        var hopeful = Enumerable.Range(0, n).Where(c => status[c] == Status.Hopeful).ToList();
        var lowest = hopeful.Min(c => sum[c]);
        var low = hopeful.Where(c => sum[c] <= lowest + surplus).ToList();
        return ties.Choose(stages.Count + 1, "defeat", low, [], lowest: true, mostRecentFirst: true);
    }

    private long Threshold(long exhaustedVotes) => (total - exhaustedVotes) / (seats + 1) + 1;

    private void Elect(int c)
    {
        status[c] = Status.Elected;
        elected.Add(c);
    }

    private void Defeat(int c)
    {
        status[c] = Status.Defeated;
        defeated.Add(c);
    }

    private void CountVotes()
    {
        sum = tree.Count(keep, status.Select(s => s == Status.Defeated).ToArray());
        long inCount = 0;
        foreach (var s in sum) inCount += s;
        exhausted = total - inCount;
    }

    private void Stage(StageKind kind, string description, int[] newlyElected, int[] newlyDefeated, int iterations)
    {
        var previous = stages.Count > 0 ? stages[^1].Votes : null;
        var votes = new long?[n];
        var transfers = new long?[n];
        for (var c = 0; c < n; c++)
        {
            // A defeated candidate leaves the count once the ballots are counted again without them.
            var outOfCount = status[c] == Status.Withdrawn || (status[c] == Status.Defeated && !newlyDefeated.Contains(c));
            votes[c] = outOfCount ? null : sum[c];
            transfers[c] = votes[c] is { } v ? v - (previous?[c] ?? 0) : null;
        }
        stages.Add(new CountStage
        {
            Number = stages.Count + 1,
            Kind = kind,
            Description = description,
            Votes = votes,
            Transfers = transfers,
            Elected = newlyElected,
            Excluded = newlyDefeated,
            Exhausted = exhausted,
            Quota = threshold,
            Surplus = surplus,
            Iterations = iterations,
            From = newlyDefeated.Length == 1 ? newlyDefeated[0] : null,
        });
    }

    private static string Format(long amount) => CountResult.Format(amount, Decimals);

    /// The rankings as a prefix tree in depth-first order: node i has a key (a candidate, or n + an equal-ranking
    /// group), the total weight of the ballots through it, its depth, and the index after its subtree.
    private sealed class Tree
    {
        private int[] keys = [];
        private long[] weights = [];
        private int[] depths = [];
        private int[] ends = [];
        private int nodes;
        private int maxDepth;
        private int candidates;
        private readonly List<int[]> groups = [];

        public static Tree Build(BallotSet ballots, Func<int, bool> withdrawn, out long counted, out long invalid)
        {
            var tree = new Tree { candidates = ballots.Candidates.Count };
            var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            // Each ballot as a sequence of keys, withdrawn candidates removed, cut at a skipped rank.
            var keyStarts = new int[ballots.Count + 1];
            var keyList = new List<int>(ballots.Prefs.Length);
            var members = new List<int>();
            counted = 0;
            invalid = 0;
            var weightOf = new long[ballots.Count];
            for (var b = 0; b < ballots.Count; b++)
            {
                keyStarts[b] = keyList.Count;
                var i = ballots.Starts[b];
                var end = ballots.Starts[b + 1];
                while (i < end && ballots.Prefs[i] != BallotSet.Skip)
                {
                    members.Clear();
                    do
                    {
                        var c = ballots.Prefs[i] & BallotSet.CandidateMask;
                        if (!withdrawn(c)) members.Add(c);
                        i++;
                    }
                    while (i < end && ballots.Prefs[i] != BallotSet.Skip && (ballots.Prefs[i] & BallotSet.EqualToPrevious) != 0);
                    if (members.Count == 1) keyList.Add(members[0]);
                    else if (members.Count > 1)
                    {
                        members.Sort();
                        var name = string.Join(',', members);
                        if (!groupIndex.TryGetValue(name, out var g))
                        {
                            g = tree.groups.Count;
                            groupIndex[name] = g;
                            tree.groups.Add([.. members]);
                        }
                        keyList.Add(tree.candidates + g);
                    }
                }
                if (keyList.Count == keyStarts[b]) invalid += ballots.Weights[b];
                else counted += ballots.Weights[b];
                weightOf[b] = ballots.Weights[b];
            }
            keyStarts[ballots.Count] = keyList.Count;
            var keysFlat = keyList.ToArray();

            // Sort the ballots by their key sequences, then lay the tree out in one pass with a stack.
            var order = Enumerable.Range(0, ballots.Count).Where(b => keyStarts[b + 1] > keyStarts[b]).ToArray();
            Array.Sort(order, (x, y) => keysFlat.AsSpan(keyStarts[x], keyStarts[x + 1] - keyStarts[x])
                .SequenceCompareTo(keysFlat.AsSpan(keyStarts[y], keyStarts[y + 1] - keyStarts[y])));
            var capacity = Math.Max(16, keysFlat.Length);
            tree.keys = new int[capacity];
            tree.weights = new long[capacity];
            tree.depths = new int[capacity];
            tree.ends = new int[capacity];
            var stack = new List<int>();
            var previous = ReadOnlySpan<int>.Empty;
            foreach (var b in order)
            {
                var path = keysFlat.AsSpan(keyStarts[b], keyStarts[b + 1] - keyStarts[b]);
                var common = 0;
                while (common < previous.Length && common < path.Length && common < stack.Count && previous[common] == path[common]) common++;
                while (stack.Count > common)
                {
                    tree.ends[stack[^1]] = tree.nodes;
                    stack.RemoveAt(stack.Count - 1);
                }
                for (var d = common; d < path.Length; d++)
                {
                    var node = tree.nodes++;
                    tree.keys[node] = path[d];
                    tree.depths[node] = d;
                    stack.Add(node);
                }
                foreach (var node in stack) tree.weights[node] += weightOf[b];
                tree.maxDepth = Math.Max(tree.maxDepth, path.Length);
                previous = path;
            }
            while (stack.Count > 0)
            {
                tree.ends[stack[^1]] = tree.nodes;
                stack.RemoveAt(stack.Count - 1);
            }
            return tree;
        }

        /// Every candidate's votes under the keep factors: the power reaching a node is truncated at each split, as
        /// counting ballot by ballot does, and multiplied by the weight through the node.
        public long[] Count(long[] keep, bool[] defeated)
        {
            var sum = new long[candidates];
            var incoming = new long[maxDepth + 1];
            incoming[0] = One;
            var i = 0;
            while (i < nodes)
            {
                var power = incoming[depths[i]];
                var key = keys[i];
                long passed;
                if (key < candidates)
                {
                    var k = keep[key];
                    if (k == One)
                    {
                        sum[key] += power * weights[i];
                        i = ends[i];
                        continue;
                    }
                    if (k == 0) passed = power;
                    else
                    {
                        sum[key] += power * k / One * weights[i];
                        passed = power * (One - k) / One;
                    }
                }
                else passed = SplitGroup(groups[key - candidates], power, keep, defeated, sum, weights[i]);
                if (passed == 0)
                {
                    i = ends[i];
                    continue;
                }
                incoming[depths[i] + 1] = passed;
                i++;
            }
            return sum;
        }

        private static long SplitGroup(int[] members, long power, long[] keep, bool[] defeated, long[] sum, long weight)
        {
            var live = 0;
            foreach (var c in members) if (!defeated[c]) live++;
            if (live == 0) return power;
            var share = power / live;
            long passed = 0;
            foreach (var c in members)
            {
                if (defeated[c]) continue;
                sum[c] += share * keep[c] / One * weight;
                passed += share * (One - keep[c]) / One;
            }
            return passed;
        }
    }
}
