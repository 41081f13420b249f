namespace Cadre.Elections.Counting;

/// The counts in one stage: plurality (a vote for each ballot's first preference; with N seats, the N with most votes),
/// block voting (a vote for each of the ballot's first N preferences, N the seats) and approval (a vote for every
/// candidate the ballot names). The candidates with most votes are elected; a tie for the last seat goes to lot.
internal static class NonTransferable
{
    public static CountResult Run(BallotSet ballots, CountMethod method, int seats, long seed)
    {
        var n = ballots.Candidates.Count;
        var standing = new bool[n];
        for (var c = 0; c < n; c++) standing[c] = !ballots.Candidates[c].Withdrawn;
        var votes = new long[n];
        long valid = 0, invalid = 0;
        var marked = new List<int>();
        var group = new List<int>();
        for (var b = 0; b < ballots.Count; b++)
        {
            marked.Clear();
            var counted = method switch
            {
                CountMethod.Plurality => Marks(ballots, b, standing, 1, marked, group),
                CountMethod.Block => Marks(ballots, b, standing, seats, marked, group),
                _ => Marks(ballots, b, standing, int.MaxValue, marked, group),
            };
            if (!counted || marked.Count == 0)
            {
                invalid += ballots.Weights[b];
                continue;
            }
            valid += ballots.Weights[b];
            foreach (var c in marked) votes[c] += ballots.Weights[b];
        }

        var ties = new TieBreaker(seed, ballots.Candidates);
        var ranked = Enumerable.Range(0, n).Where(c => standing[c]).OrderByDescending(c => votes[c]).ThenBy(c => c).ToList();
        var elected = ranked.Take(seats).ToList();
        if (ranked.Count > seats && votes[ranked[seats]] == votes[ranked[seats - 1]])
        {
            // The last seat(s) are tied with candidates left out: lot among all who have that number of votes.
            var line = votes[ranked[seats - 1]];
            var sure = elected.Where(c => votes[c] > line).ToList();
            var tied = ranked.Where(c => votes[c] == line).ToList();
            elected = sure;
            while (elected.Count < seats)
            {
                var drawn = ties.Choose(1, "the last seat", tied, [], lowest: false, mostRecentFirst: true);
                elected.Add(drawn);
                tied.Remove(drawn);
            }
        }
        var notElected = ranked.Where(c => !elected.Contains(c)).Order().ToList();
        var shown = Enumerable.Range(0, n).Select(c => standing[c] ? (long?)votes[c] : null).ToList();
        var what = method switch
        {
            CountMethod.Plurality => "First preferences",
            CountMethod.Block => $"Votes for each ballot's first {seats} preference(s)",
            _ => "Approvals",
        };
        var stage = new CountStage
        {
            Number = 1,
            Kind = StageKind.FirstCount,
            Description = $"{what}; the {seats} with the most votes are elected.",
            Votes = shown,
            Transfers = shown,
            Elected = elected,
            Excluded = notElected,
            Exhausted = invalid,
        };
        return new CountResult
        {
            Method = method,
            Title = ballots.Title,
            Seats = seats,
            Decimals = 0,
            Candidates = ballots.Candidates,
            Elected = elected,
            Stages = [stage],
            TieBreaks = ties.Breaks,
            ValidVotes = valid,
            InvalidBallots = invalid,
            Seed = seed,
        };
    }

    /// The standing candidates a ballot marks, up to a limit: in order of preference, an equal ranking counting whole
    /// or (when it would pass the limit) not at all and ending the ballot's marks. False when the ballot is void: an
    /// equal first preference under plurality.
    private static bool Marks(BallotSet ballots, int b, bool[] standing, int limit, List<int> marked, List<int> group)
    {
        var prefs = ballots.Prefs;
        var end = ballots.Starts[b + 1];
        var i = ballots.Starts[b];
        while (i < end && marked.Count < limit)
        {
            if (prefs[i] == BallotSet.Skip)
            {
                i++;
                continue;
            }
            group.Clear();
            do
            {
                var c = prefs[i] & BallotSet.CandidateMask;
                if (standing[c]) group.Add(c);
                i++;
            }
            while (i < end && prefs[i] != BallotSet.Skip && (prefs[i] & BallotSet.EqualToPrevious) != 0);
            if (group.Count == 0) continue;
            if (marked.Count + group.Count > limit) return limit != 1 || marked.Count > 0;
            marked.AddRange(group);
        }
        return true;
    }
}
