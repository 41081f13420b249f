namespace Cadre.Elections.Counting;

/// What a ranking with two or more candidates at one rank (an overvote) does, as RCTab names the choices.
public enum OvervoteRule
{
    /// The ballot is inactive from the overvote on.
    ExhaustImmediately,
    /// The overvoted rank is passed over.
    AlwaysSkipToNextRank,
    /// Inactive if two or more of the overvoted candidates are continuing; otherwise the one continuing (or the next rank).
    ExhaustIfMultipleContinuing,
}

public sealed record InstantRunoffOptions
{
    public OvervoteRule Overvote { get; init; } = OvervoteRule.ExhaustImmediately;

    /// Consecutive skipped ranks a ballot may have and still go on; null for no limit.
    public int? MaxSkippedRanks { get; init; }
}

/// Single-winner instant runoff: each round counts every active ballot for its highest-ranked continuing candidate;
/// a candidate with a majority of the round's votes (⌊votes / 2⌋ + 1) wins, otherwise the candidate with the fewest
/// votes is eliminated (a tie looks back to the most recent round at which the tied candidates differed, then lot).
/// Inactive ballots are kept by reason: overvotes, skipped rankings, exhausted choices.
internal static class InstantRunoff
{
    public static CountResult Run(BallotSet ballots, InstantRunoffOptions options, long seed)
    {
        var n = ballots.Candidates.Count;
        var continuing = new bool[n];
        for (var c = 0; c < n; c++) continuing[c] = !ballots.Candidates[c].Withdrawn;
        var ties = new TieBreaker(seed, ballots.Candidates);
        var stages = new List<CountStage>();
        var elected = new List<int>();
        int? excluded = null;
        long valid = 0, undervotes = 0;
        var undervote = new bool[ballots.Count];
        for (var b = 0; b < ballots.Count; b++)
        {
            undervote[b] = !HasAnyCandidate(ballots, b, continuing);
            if (undervote[b]) undervotes += ballots.Weights[b];
            else valid += ballots.Weights[b];
        }
        while (true)
        {
            var tally = new long[n];
            long overvotes = 0, skipped = 0, exhaustedChoices = 0;
            for (var b = 0; b < ballots.Count; b++)
            {
                if (undervote[b]) continue;
                var weight = ballots.Weights[b];
                switch (Top(ballots, b, continuing, options, out var top))
                {
                    case Reason.Active: tally[top] += weight; break;
                    case Reason.Overvote: overvotes += weight; break;
                    case Reason.Skipped: skipped += weight; break;
                    case Reason.Exhausted: exhaustedChoices += weight; break;
                }
            }
            var inactive = new InactiveBallots(overvotes, skipped, 0, exhaustedChoices);
            long roundVotes = 0;
            for (var c = 0; c < n; c++) if (continuing[c]) roundVotes += tally[c];
            var threshold = roundVotes / 2 + 1;
            var live = Enumerable.Range(0, n).Where(c => continuing[c]).ToList();
            var history = stages.Select(s => s.Votes).ToList();
            var newlyElected = new List<int>();
            var best = live.Max(c => tally[c]);
            if (best >= threshold || live.Count == 1)
            {
                var leaders = live.Where(c => tally[c] == best).ToList();
                var winner = ties.Choose(stages.Count + 1, "the win", leaders, history, lowest: false, mostRecentFirst: true);
                newlyElected.Add(winner);
                elected.Add(winner);
            }
            var previous = stages.Count > 0 ? stages[^1].Votes : null;
            var votes = new long?[n];
            var transfers = new long?[n];
            for (var c = 0; c < n; c++)
            {
                votes[c] = continuing[c] || c == excluded ? (c == excluded ? 0 : tally[c]) : null;
                transfers[c] = votes[c] is { } v ? v - (previous?[c] ?? 0) : null;
            }
            var description = excluded is { } x ? $"{ballots.Candidates[x].Name} eliminated; their ballots pass to the next continuing choice." : "First choices.";
            if (newlyElected.Count > 0) description += $" {ballots.Candidates[newlyElected[0]].Name} has a majority ({tally[newlyElected[0]]} of {roundVotes}) and is elected.";
            stages.Add(new CountStage
            {
                Number = stages.Count + 1,
                Kind = excluded is null ? StageKind.FirstCount : StageKind.Exclusion,
                Description = description,
                Votes = votes,
                Transfers = transfers,
                Elected = newlyElected,
                Excluded = excluded is { } e ? [e] : [],
                Exhausted = inactive.Total,
                Quota = threshold,
                From = excluded,
                Inactive = inactive,
            });
            if (newlyElected.Count > 0) break;
            var fewest = live.Min(c => tally[c]);
            var lowest = live.Where(c => tally[c] == fewest).ToList();
            var loser = ties.Choose(stages.Count + 1, "elimination", lowest, stages.Select(s => s.Votes).ToList(), lowest: true, mostRecentFirst: true);
            continuing[loser] = false;
            excluded = loser;
        }
        return new CountResult
        {
            Method = CountMethod.InstantRunoff,
            Title = ballots.Title,
            Seats = 1,
            Decimals = 0,
            Candidates = ballots.Candidates,
            Quota = stages[^1].Quota,
            Elected = elected,
            Stages = stages,
            TieBreaks = ties.Breaks,
            ValidVotes = valid,
            InvalidBallots = undervotes,
            Seed = seed,
        };
    }

    private enum Reason
    {
        Active,
        Overvote,
        Skipped,
        Exhausted,
    }

    private static bool HasAnyCandidate(BallotSet ballots, int b, bool[] standing)
    {
        for (var i = ballots.Starts[b]; i < ballots.Starts[b + 1]; i++)
            if (ballots.Prefs[i] != BallotSet.Skip && standing[ballots.Prefs[i] & BallotSet.CandidateMask]) return true;
        return false;
    }

    /// The ballot's highest-ranked continuing candidate, walking its ranks from the first, or why it has none.
    private static Reason Top(BallotSet ballots, int b, bool[] continuing, InstantRunoffOptions options, out int top)
    {
        top = -1;
        var prefs = ballots.Prefs;
        var end = ballots.Starts[b + 1];
        var i = ballots.Starts[b];
        var skippedInARow = 0;
        while (i < end)
        {
            if (prefs[i] == BallotSet.Skip)
            {
                skippedInARow++;
                i++;
                if (options.MaxSkippedRanks is { } max && skippedInARow > max) return Reason.Skipped;
                continue;
            }
            skippedInARow = 0;
            int members = 0, live = 0, found = -1;
            do
            {
                var c = prefs[i] & BallotSet.CandidateMask;
                if (!ballots.Candidates[c].Withdrawn) members++;
                if (continuing[c])
                {
                    live++;
                    found = c;
                }
                i++;
            }
            while (i < end && prefs[i] != BallotSet.Skip && (prefs[i] & BallotSet.EqualToPrevious) != 0);
            if (members > 1)
            {
                switch (options.Overvote)
                {
                    case OvervoteRule.ExhaustImmediately: return Reason.Overvote;
                    case OvervoteRule.AlwaysSkipToNextRank: continue;
                    case OvervoteRule.ExhaustIfMultipleContinuing:
                        if (live > 1) return Reason.Overvote;
                        break;
                }
            }
            if (live == 1)
            {
                top = found;
                return Reason.Active;
            }
        }
        return Reason.Exhausted;
    }
}
