using Cadre.Elections.Majorities;

namespace Cadre.Tests.Elections;

/// Each majority of docs/elections.md at its boundaries.
public sealed class MajorityTests
{
    private static MajorityResult Decide(PollTally tally, MajorityKind kind, MajorityBase on = MajorityBase.ValidVotes) =>
        Majority.Decide(tally, new MajorityRule(kind, on)).Value;

    [Fact]
    public void Six_of_eleven_is_an_absolute_majority()
    {
        var result = Decide(new PollTally(6, 4, 1), MajorityKind.Absolute);

        Assert.Equal(MajorityOutcome.Carried, result.Outcome);
        Assert.Equal((11L, 6L), (result.Base, result.Required));
        Assert.Equal("6 yes of 11 valid votes: an absolute majority needs more than half, 6 or more: carried.", result.Reason);
    }

    [Fact]
    public void Five_of_ten_is_not_an_absolute_majority_but_exactly_half()
    {
        var result = Decide(new PollTally(5, 4, 1), MajorityKind.Absolute);

        Assert.Equal(MajorityOutcome.Tied, result.Outcome);
        Assert.False(result.Carried);
        Assert.Equal(6, result.Required);
    }

    [Fact]
    public void Six_of_nine_is_two_thirds_and_five_of_eight_is_not()
    {
        Assert.True(Decide(new PollTally(6, 3, 0), MajorityKind.TwoThirds).Carried);
        Assert.Equal(6, Decide(new PollTally(6, 3, 0), MajorityKind.TwoThirds).Required);
        var short_ = Decide(new PollTally(5, 2, 1), MajorityKind.TwoThirds);
        Assert.False(short_.Carried);
        Assert.Equal(6, short_.Required);
        // 2 of 3 exactly is two thirds; 66 of 100 is not (needs 67).
        Assert.True(Decide(new PollTally(2, 1, 0), MajorityKind.TwoThirds).Carried);
        Assert.False(Decide(new PollTally(66, 34, 0), MajorityKind.TwoThirds).Carried);
        Assert.Equal(67, Decide(new PollTally(66, 34, 0), MajorityKind.TwoThirds).Required);
    }

    [Fact]
    public void A_simple_majority_ignores_abstentions_and_a_tie_does_not_carry()
    {
        Assert.True(Decide(new PollTally(3, 2, 40), MajorityKind.Simple).Carried);
        var tie = Decide(new PollTally(4, 4, 1), MajorityKind.Simple);
        Assert.Equal(MajorityOutcome.Tied, tie.Outcome);
        Assert.Equal(5, tie.Required);
        Assert.Contains("a tie, not carried", tie.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Abstentions_count_against_an_absolute_majority_of_valid_votes()
    {
        // 6 yes, 2 no: a simple majority; with 5 abstentions, 6 of 13 valid votes is not an absolute majority.
        Assert.True(Decide(new PollTally(6, 2, 5), MajorityKind.Simple).Carried);
        Assert.False(Decide(new PollTally(6, 2, 5), MajorityKind.Absolute).Carried);
    }

    [Fact]
    public void Majorities_of_those_present_and_of_all_entitled_count_those_who_did_not_vote()
    {
        var tally = new PollTally(6, 3, 0, Present: 12, Entitled: 20);

        Assert.True(Decide(tally, MajorityKind.Absolute, MajorityBase.ValidVotes).Carried);
        var present = Decide(tally, MajorityKind.Absolute, MajorityBase.Present);
        Assert.Equal(MajorityOutcome.Tied, present.Outcome);
        Assert.Contains("6 yes of 12 present", present.Reason, StringComparison.Ordinal);
        var entitled = Decide(tally, MajorityKind.TwoThirds, MajorityBase.Entitled);
        Assert.False(entitled.Carried);
        Assert.Equal((20L, 14L), (entitled.Base, entitled.Required));
        Assert.True(Decide(new PollTally(14, 0, 0, Entitled: 20), MajorityKind.TwoThirds, MajorityBase.Entitled).Carried);
    }

    [Fact]
    public void Impossible_tallies_are_refused_with_named_errors()
    {
        Assert.IsType<NegativeCount>(Majority.Decide(new PollTally(-1, 0, 0), new MajorityRule(MajorityKind.Simple)).Error);
        Assert.IsType<BaseRequired>(Majority.Decide(new PollTally(1, 0, 0), new MajorityRule(MajorityKind.Absolute, MajorityBase.Present)).Error);
        Assert.IsType<FewerPresentThanVoted>(Majority.Decide(new PollTally(5, 5, 0, Present: 9), new MajorityRule(MajorityKind.Absolute, MajorityBase.Present)).Error);
        Assert.IsType<FewerEntitledThanPresent>(Majority.Decide(new PollTally(5, 5, 0, Present: 10, Entitled: 9), new MajorityRule(MajorityKind.Absolute, MajorityBase.Entitled)).Error);
    }
}
