using Cadre.Elections.Counting;

namespace Cadre.Tests.Elections;

/// Small counts worked by hand, one feature of a rule at a time.
public sealed class CountMethodTests
{
    private static BallotSet Ballots(int seats, string[] names, params (long Weight, int[][] Ranking)[] ballots)
    {
        var builder = new BallotSetBuilder("Test", seats, [.. names.Select(n => new Candidate(n))]);
        foreach (var (weight, ranking) in ballots) builder.Add(weight, ranking);
        return builder.Build();
    }

    private static int[][] R(params int[] order) => [.. order.Select(c => new[] { c })];

    // A 7 (then B), B 4, C 4, D 1 (then C); 2 seats. The Scottish rules and ERS97 elect differently.
    private static BallotSet Deferral() => Ballots(2, ["A", "B", "C", "D"], (7, R(0, 1)), (4, R(1)), (4, R(2)), (1, R(3, 2)));

    [Fact]
    public void Scottish_rules_transfer_the_surplus_at_once_and_elect_A_and_C()
    {
        var result = Count.Run(Deferral(), CountMethod.ScottishStv).Value;

        Assert.Equal("6.00000", result.Format(result.Quota!.Value));
        Assert.Equal(["A", "C"], result.ElectedNames);
        Assert.Equal([StageKind.FirstCount, StageKind.Surplus, StageKind.Exclusion, StageKind.Exclusion], result.Stages.Select(s => s.Kind));
        // 7 papers at 1 × 1 / 7 = 0.14285 (remainder ignored): B gets 0.99995, and 0.00005 is lost.
        Assert.Equal("4.99995", result.Format(result.Stages[1].Votes[1]!.Value));
        Assert.Equal("0.00005", result.Format(result.Stages[1].LostToRounding));
        Assert.Equal([3], result.Stages[2].Excluded);
        Assert.Equal([1], result.Stages[3].Excluded);
        Assert.Equal([2], result.Stages[3].Elected);
    }

    [Fact]
    public void ERS97_defers_a_surplus_that_cannot_save_the_lowest_then_elects_A_and_B()
    {
        var result = Count.Run(Deferral(), CountMethod.Ers97).Value;

        // 16 / 3 = 5.333…: 5.33 + 0.01.
        Assert.Equal("5.34", result.Format(result.Quota!.Value));
        Assert.Equal(["A", "B"], result.ElectedNames);
        Assert.Equal([StageKind.FirstCount, StageKind.Exclusion, StageKind.Surplus], result.Stages.Select(s => s.Kind));
        Assert.Contains("deferred", result.Stages[1].Description, StringComparison.Ordinal);
        Assert.Equal([3], result.Stages[1].Excluded);
        // The surplus of 1.66 over 7 transferable papers: 0.23 a paper, 1.61 to B, 0.05 non-transferable.
        Assert.Equal("5.61", result.Format(result.Stages[2].Votes[1]!.Value));
        Assert.Equal("0.05", result.Format(result.Stages[2].Exhausted));
        Assert.Equal([2], result.Stages[2].Excluded);
    }

    [Fact]
    public void ERS97_excludes_together_the_lowest_who_cannot_overtake_the_next()
    {
        var ballots = Ballots(1, ["A", "B", "C", "D"], (9, R(0)), (8, R(1)), (1, R(2, 1)), (1, R(3, 1)));

        var result = Count.Run(ballots, CountMethod.Ers97).Value;

        // C and D go together; B is elected by their papers and A, left over, is formally excluded.
        Assert.Equal([2, 3, 0], result.Stages[1].Excluded);
        Assert.Contains("A formally excluded", result.Stages[1].Description, StringComparison.Ordinal);
        Assert.Equal(["B"], result.ElectedNames);
        Assert.Equal("10.00", result.Format(result.Stages[1].Votes[1]!.Value));
        Assert.Empty(result.TieBreaks);
    }

    [Fact]
    public void Wright_starts_the_count_again_without_each_excluded_candidate()
    {
        var result = Count.Run(Deferral(), CountMethod.Wright).Value;

        Assert.Equal(["A", "C"], result.ElectedNames);
        var restarts = result.Stages.Where(s => s.Kind == StageKind.Restart).ToList();
        Assert.Equal(2, restarts.Count);
        Assert.Contains("without D", restarts[0].Description, StringComparison.Ordinal);
        Assert.Equal([3], restarts[0].Excluded);
        Assert.Equal([1], restarts[1].Excluded);
        // The last restart, without B and D: B's four ballots have no candidate left, so the quota is ⌊12 / 3⌋ + 1.
        Assert.Equal("5.00000", result.Format(result.Quota!.Value));
        Assert.Null(restarts[1].Votes[1]);
        Assert.Equal(4, result.InvalidBallots);
    }

    [Fact]
    public void A_tie_for_exclusion_looks_back_to_the_most_recent_stage_at_which_the_candidates_differed()
    {
        // E is excluded first and gives D a vote: C and D tie at 3; at stage 1 D had fewer.
        var ballots = Ballots(1, ["A", "B", "C", "D", "E"], (9, R(0)), (8, R(1)), (3, R(2)), (2, R(3)), (1, R(4, 3)));

        var result = Count.Run(ballots, CountMethod.ScottishStv).Value;

        var tie = Assert.Single(result.TieBreaks);
        Assert.Equal(TieBreakMethod.EarlierStage, tie.Method);
        Assert.Equal((3, 1, 3), (tie.Stage, tie.DecidingStage!.Value, tie.Chosen));
        Assert.Equal([3], result.Stages[2].Excluded);
        Assert.Contains("D had the fewest votes at stage 1", tie.Description, StringComparison.Ordinal);
        Assert.Equal(["A"], result.ElectedNames);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(2024L)]
    public void A_tie_equal_at_every_stage_goes_to_a_seeded_lot_that_the_report_names_and_anyone_can_repeat(long seed)
    {
        var ballots = Ballots(1, ["A", "B", "C", "D"], (9, R(0)), (9, R(1)), (1, R(2, 1)), (1, R(3, 1)));

        var first = Count.Run(ballots, CountMethod.ScottishStv, new CountOptions { Seed = seed }).Value;
        var again = Count.Run(ballots, CountMethod.ScottishStv, new CountOptions { Seed = seed }).Value;

        var tie = first.TieBreaks[0];
        Assert.Equal(TieBreakMethod.Lot, tie.Method);
        Assert.Equal([2, 3], tie.Tied.Order());
        Assert.Equal(Lot.Draw(seed, 2, "exclusion", [2, 3]), tie.Chosen);
        Assert.Equal(tie.Chosen, first.Stages[1].Excluded[0]);
        Assert.Contains($"drawn by lot (seed {seed})", tie.Description, StringComparison.Ordinal);
        Assert.Equal(first.TieBreaks.Select(t => t.Description), again.TieBreaks.Select(t => t.Description));
        Assert.Equal(seed, first.Seed);
    }

    [Fact]
    public void Different_seeds_can_draw_differently()
    {
        var draws = Enumerable.Range(0, 32).Select(s => Lot.Draw(s, 1, "exclusion", [0, 1, 2])).ToHashSet();

        Assert.Equal(3, draws.Count);
    }

    [Fact]
    public void An_equal_first_preference_is_void_under_the_Scottish_rules_and_an_equal_later_one_ends_the_paper()
    {
        var ballots = Ballots(1, ["A", "B", "C"], (3, [[0, 1]]), (5, R(0)), (4, [[2], [0, 1]]), (2, R(1)));

        var result = Count.Run(ballots, CountMethod.ScottishStv).Value;

        Assert.Equal(3, result.InvalidBallots);
        Assert.Equal("11.00000", result.Format(result.ValidVotes));
        // B (2) is excluded, then C (4): C's papers rank A=B next, both continuing at first, but B is out by then.
        Assert.Equal(["A"], result.ElectedNames);
    }

    [Fact]
    public void Meek_splits_an_equal_ranking_evenly()
    {
        var ballots = Ballots(1, ["A", "B", "C"], (2, [[0, 1]]), (1, R(2)));

        var result = Count.Run(ballots, CountMethod.Meek).Value;

        Assert.Equal("1.000000000", result.Format(result.Stages[0].Votes[0]!.Value));
        Assert.Equal("1.000000000", result.Format(result.Stages[0].Votes[1]!.Value));
    }

    [Fact]
    public void Plurality_block_and_approval_count_first_preferences_the_first_N_and_every_name()
    {
        var ballots = Ballots(2, ["A", "B", "C", "D"], (5, R(0, 1, 2)), (4, R(1, 2)), (3, R(2, 3, 0)), (1, [[0, 3]]));

        var plurality = Count.Run(ballots, CountMethod.Plurality).Value;
        var block = Count.Run(ballots, CountMethod.Block).Value;
        var approval = Count.Run(ballots, CountMethod.Approval).Value;

        Assert.Equal([5L, 4L, 3L, 0L], plurality.Stages[0].Votes.Select(v => v!.Value));
        Assert.Equal(1, plurality.InvalidBallots);
        Assert.Equal(["A", "B"], plurality.ElectedNames);
        Assert.Equal([6L, 9L, 7L, 4L], block.Stages[0].Votes.Select(v => v!.Value));
        Assert.Equal(["B", "C"], block.ElectedNames);
        Assert.Equal([9L, 9L, 12L, 4L], approval.Stages[0].Votes.Select(v => v!.Value));
        // C first; A and B tie for the second seat with 9 approvals each: lot.
        Assert.Equal("C", approval.ElectedNames.First());
        var tie = Assert.Single(approval.TieBreaks);
        Assert.Equal([0, 1], tie.Tied);
        Assert.Equal(tie.Chosen, approval.Elected[1]);
        Assert.Empty(block.TieBreaks);
    }

    [Fact]
    public void A_tie_for_the_last_plurality_seat_is_drawn_by_lot()
    {
        var ballots = Ballots(1, ["A", "B", "C"], (3, R(0)), (3, R(1)), (1, R(2)));

        var result = Count.Run(ballots, CountMethod.Plurality, new CountOptions { Seed = 7 }).Value;

        var tie = Assert.Single(result.TieBreaks);
        Assert.Equal(TieBreakMethod.Lot, tie.Method);
        Assert.Equal([tie.Chosen], result.Elected);
    }

    [Theory]
    [InlineData(OvervoteRule.ExhaustImmediately, "A", 2L, 5L)]
    [InlineData(OvervoteRule.AlwaysSkipToNextRank, "A", 0L, 7L)]
    [InlineData(OvervoteRule.ExhaustIfMultipleContinuing, "B", 0L, 5L)]
    public void Instant_runoff_follows_the_overvote_rule(OvervoteRule rule, string winner, long overvotes, long exhaustedChoices)
    {
        // 6 A, 5 B, 4 C, 1 D; 2 ballots rank E, then D=B (an overvote). D is eliminated first, then E.
        var ballots = Ballots(1, ["A", "B", "C", "D", "E"], (6, R(0)), (5, R(1)), (4, R(2)), (1, R(3)), (2, [[4], [3, 1]]));

        var result = Count.Run(ballots, CountMethod.InstantRunoff, new CountOptions { InstantRunoff = new InstantRunoffOptions { Overvote = rule } }).Value;

        Assert.Equal([winner], result.ElectedNames);
        Assert.Equal(overvotes, result.Stages[^1].Inactive!.Overvotes);
        Assert.Equal(exhaustedChoices, result.Stages[^1].Inactive!.ExhaustedChoices);
        Assert.Equal([3], result.Stages[1].Excluded);
        Assert.Equal([4], result.Stages[2].Excluded);
    }

    [Fact]
    public void Instant_runoff_sets_aside_a_ballot_with_more_skipped_ranks_in_a_row_than_allowed()
    {
        var ballots = Ballots(1, ["A", "B", "C"], (3, R(0)), (2, R(1)), (2, [[2], [], [], [1]]));

        var strict = Count.Run(ballots, CountMethod.InstantRunoff, new CountOptions { InstantRunoff = new InstantRunoffOptions { MaxSkippedRanks = 1 } }).Value;
        var lenient = Count.Run(ballots, CountMethod.InstantRunoff, new CountOptions { InstantRunoff = new InstantRunoffOptions { MaxSkippedRanks = 2 } }).Value;

        Assert.Equal(2, strict.Stages[1].Inactive!.SkippedRankings);
        Assert.Equal(["A"], strict.ElectedNames);
        Assert.Equal(0, lenient.Stages[1].Inactive!.SkippedRankings);
        Assert.Equal("4", lenient.Format(lenient.Stages[1].Votes[1]!.Value));
    }

    [Fact]
    public void A_count_refuses_more_seats_than_candidates_standing_and_instant_runoff_for_several_seats()
    {
        var ballots = Ballots(1, ["A", "B"], (1, R(0, 1)));
        var withdrawn = ballots.With(candidates: [new Candidate("A"), new Candidate("B", Withdrawn: true)]);

        Assert.IsType<SeatsExceedCandidates>(Count.Run(withdrawn, CountMethod.Meek, new CountOptions { Seats = 2 }).Error);
        Assert.IsType<NoSeatsToFill>(Count.Run(ballots, CountMethod.ScottishStv, new CountOptions { Seats = 0 }).Error);
        Assert.IsType<MethodFillsOneSeat>(Count.Run(ballots, CountMethod.InstantRunoff, new CountOptions { Seats = 2 }).Error);
        Assert.IsType<NoValidBallots>(Count.Run(Ballots(1, ["A", "B"], (1, [])), CountMethod.ScottishStv).Error);
    }

    [Theory]
    [InlineData(CountMethod.ScottishStv)]
    [InlineData(CountMethod.Ers97)]
    [InlineData(CountMethod.Meek)]
    [InlineData(CountMethod.Wright)]
    public void Every_STV_count_keeps_its_votes_whole_at_every_stage(CountMethod method)
    {
        var ballots = BltReader.Read(SharedData.File("elections/glasgow-2007-linn.blt")).Value;

        var result = Count.Run(ballots, method).Value;

        Assert.Equal(4, result.Elected.Count);
        // A Wright restart counts the ballots still valid without the excluded: the last restart's stages.
        var stages = method == CountMethod.Wright ? result.Stages.SkipWhile((_, i) => result.Stages.Skip(i + 1).Any(s => s.Kind == StageKind.Restart)) : result.Stages;
        foreach (var stage in stages)
            Assert.Equal(result.ValidVotes, stage.Votes.Sum(v => v ?? 0) + stage.Exhausted);
    }
}
