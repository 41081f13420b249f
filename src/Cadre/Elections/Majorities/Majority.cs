using Cadre.Common;

namespace Cadre.Elections.Majorities;

public enum MajorityKind
{
    /// More yes than no; abstentions and invalid ballots do not count.
    Simple,
    /// More than half of the base.
    Absolute,
    /// At least two thirds of the base.
    TwoThirds,
}

public enum MajorityBase
{
    /// Yes + no + abstentions: every valid ballot (an abstention is valid, and is not a yes).
    ValidVotes,
    /// The voters present when the poll was taken, whether they voted or not.
    Present,
    /// Everyone entitled to vote, present or not.
    Entitled,
}

public enum MajorityOutcome
{
    Carried,
    NotCarried,
    /// Yes and no equal under a simple majority, or yes exactly half the base under an absolute one: not carried.
    Tied,
}

public sealed record MajorityRule(MajorityKind Kind, MajorityBase Base = MajorityBase.ValidVotes);

/// The totals of a yes/no/abstain poll; Present and Entitled are needed only for a majority of those bases.
public sealed record PollTally(long Yes, long No, long Abstain, long Invalid = 0, long? Present = null, long? Entitled = null);

/// The decision and why: the yes votes, the base they were measured against, the yes votes needed, in words.
public sealed record MajorityResult(MajorityOutcome Outcome, long Yes, long Base, long Required, string Reason)
{
    public bool Carried => Outcome == MajorityOutcome.Carried;
}

public sealed record NegativeCount(string Field) : InvalidField(Field, $"The number of {Field.ToLowerInvariant()} votes cannot be negative.");

public sealed record BaseRequired(MajorityBase Base)
    : InvalidField(Base.ToString(), $"A majority of {(Base == MajorityBase.Present ? "those present" : "all entitled")} needs that number.");

public sealed record FewerPresentThanVoted(long Present, long Voted)
    : InvalidField("Present", $"{Present} present, yet {Voted} ballots were cast.");

public sealed record FewerEntitledThanPresent(long Entitled, long Present)
    : InvalidField("Entitled", $"{Entitled} entitled to vote, yet {Present} voted or were present.");

/// Decides a yes/no/abstain poll by a majority rule, in integers (docs/elections.md defines each rule):
/// simple — yes > no; absolute — 2 × yes > base; two thirds — 3 × yes ≥ 2 × base.
public static class Majority
{
    public static Result<MajorityResult> Decide(PollTally tally, MajorityRule rule)
    {
        if (tally.Yes < 0) return new NegativeCount("Yes");
        if (tally.No < 0) return new NegativeCount("No");
        if (tally.Abstain < 0) return new NegativeCount("Abstain");
        if (tally.Invalid < 0) return new NegativeCount("Invalid");
        var cast = tally.Yes + tally.No + tally.Abstain + tally.Invalid;
        if (tally.Present is { } present && present < cast) return new FewerPresentThanVoted(present, cast);
        if (tally.Entitled is { } entitled && entitled < (tally.Present ?? cast)) return new FewerEntitledThanPresent(entitled, tally.Present ?? cast);

        if (rule.Kind == MajorityKind.Simple)
        {
            var outcome = tally.Yes > tally.No ? MajorityOutcome.Carried : tally.Yes == tally.No ? MajorityOutcome.Tied : MajorityOutcome.NotCarried;
            var verdict = outcome switch
            {
                MajorityOutcome.Carried => "carried",
                MajorityOutcome.Tied => "a tie, not carried",
                _ => "not carried",
            };
            return new MajorityResult(outcome, tally.Yes, tally.Yes + tally.No, tally.No + 1,
                $"{tally.Yes} yes against {tally.No} no ({tally.Abstain} abstaining, not counted): a simple majority needs more yes than no: {verdict}.");
        }

        long? baseCount = rule.Base switch
        {
            MajorityBase.ValidVotes => tally.Yes + tally.No + tally.Abstain,
            MajorityBase.Present => tally.Present,
            _ => tally.Entitled,
        };
        if (baseCount is not { } total) return new BaseRequired(rule.Base);
        var of = rule.Base switch
        {
            MajorityBase.ValidVotes => "valid votes",
            MajorityBase.Present => "present",
            _ => "entitled",
        };
        if (rule.Kind == MajorityKind.Absolute)
        {
            var required = total / 2 + 1;
            var outcome = 2 * tally.Yes > total ? MajorityOutcome.Carried : 2 * tally.Yes == total ? MajorityOutcome.Tied : MajorityOutcome.NotCarried;
            var verdict = outcome switch
            {
                MajorityOutcome.Carried => "carried",
                MajorityOutcome.Tied => "exactly half, not carried",
                _ => "not carried",
            };
            return new MajorityResult(outcome, tally.Yes, total, required,
                $"{tally.Yes} yes of {total} {of}: an absolute majority needs more than half, {required} or more: {verdict}.");
        }
        var needed = (2 * total + 2) / 3;
        var carried = 3 * tally.Yes >= 2 * total;
        return new MajorityResult(carried ? MajorityOutcome.Carried : MajorityOutcome.NotCarried, tally.Yes, total, needed,
            $"{tally.Yes} yes of {total} {of}: a two-thirds majority needs at least two thirds, {needed} or more: {(carried ? "carried" : "not carried")}.");
    }
}
