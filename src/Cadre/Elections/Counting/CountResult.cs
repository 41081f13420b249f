using System.Globalization;

namespace Cadre.Elections.Counting;

public enum CountMethod
{
    ScottishStv,
    Ers97,
    Meek,
    Wright,
    InstantRunoff,
    Plurality,
    Block,
    Approval,
}

public enum StageKind
{
    /// The first preferences (or, for plurality, block and approval, the whole count).
    FirstCount,
    Surplus,
    Exclusion,
    /// Meek: candidates reach the quota as keep factors converge.
    Election,
    /// Meek: keep factors iterated until the surplus is below omega, stable, or a candidate is elected.
    Iteration,
    /// Wright: the count starts again from the ballots without the excluded candidates.
    Restart,
    /// The last seats filled by the candidates left, or the rest formally excluded; the count ends.
    Completion,
}

public enum TieBreakMethod
{
    /// The candidates' votes at an earlier stage decided.
    EarlierStage,
    /// A seeded draw decided (<see cref="Lot"/>).
    Lot,
}

/// How a tie was broken: what was at stake, between whom, how, and who was chosen.
public sealed record TieBreak(int Stage, string Purpose, IReadOnlyList<int> Tied, int Chosen, TieBreakMethod Method, int? DecidingStage, string Description);

/// Ballots set aside in an instant-runoff round, by reason (RCTab's categories).
public sealed record InactiveBallots(long Overvotes, long SkippedRankings, long RepeatedRankings, long ExhaustedChoices)
{
    public long Total => Overvotes + SkippedRankings + RepeatedRankings + ExhaustedChoices;
}

/// One stage of a count: every candidate's votes after it (null for a candidate out of the count: withdrawn, or
/// excluded at an earlier stage), who was elected or excluded in it, the votes that left the count.
/// All amounts are scaled integers: divide by 10^Decimals of the result (see <see cref="CountResult.Format"/>).
public sealed record CountStage
{
    public required int Number { get; init; }

    public required StageKind Kind { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<long?> Votes { get; init; }

    /// The change of each candidate's votes in this stage (null where the candidate is out of the count).
    public required IReadOnlyList<long?> Transfers { get; init; }

    public required IReadOnlyList<int> Elected { get; init; }

    public required IReadOnlyList<int> Excluded { get; init; }

    /// The votes that left the count so far: ballots with no further preference, plus what truncation lost
    /// (the official "non-transferable" column).
    public required long Exhausted { get; init; }

    /// Of <see cref="Exhausted"/>, the part lost to truncation of transfer values.
    public long LostToRounding { get; init; }

    /// The quota in force at the end of the stage (it moves in Meek, ERS97 before a first election, and instant runoff).
    public long? Quota { get; init; }

    /// The candidate whose surplus was transferred, or the excluded candidate whose ballots were.
    public int? From { get; init; }

    /// Meek: the total surplus of the elected after the stage.
    public long? Surplus { get; init; }

    /// Meek: keep-factor iterations in the stage.
    public int Iterations { get; init; }

    /// Instant runoff: the ballots set aside so far, by reason.
    public InactiveBallots? Inactive { get; init; }
}

public sealed record CountResult
{
    public required CountMethod Method { get; init; }

    public required string Title { get; init; }

    public required int Seats { get; init; }

    /// Decimal places of every amount in the result (5 for the Scottish rules, 9 for Meek, 0 for whole votes …).
    public required int Decimals { get; init; }

    public required IReadOnlyList<Candidate> Candidates { get; init; }

    /// The quota of the count (for Meek and instant runoff, the last one in force); null for methods without one.
    public long? Quota { get; init; }

    /// In order of election.
    public required IReadOnlyList<int> Elected { get; init; }

    public required IReadOnlyList<CountStage> Stages { get; init; }

    public required IReadOnlyList<TieBreak> TieBreaks { get; init; }

    /// The valid votes counted (scaled like every amount).
    public required long ValidVotes { get; init; }

    /// Ballots not counted: no preference for a candidate standing, or a first preference void for uncertainty.
    public long InvalidBallots { get; init; }

    /// The seed of the draws by lot, so anyone can repeat the count.
    public long Seed { get; init; }

    public IEnumerable<string> ElectedNames => Elected.Select(c => Candidates[c].Name);

    public string Format(long amount) => Format(amount, Decimals);

    public static string Format(long amount, int decimals)
    {
        if (decimals == 0) return amount.ToString(CultureInfo.InvariantCulture);
        var scale = Fixed.Pow10(decimals);
        var sign = amount < 0 ? "-" : "";
        var abs = Math.Abs(amount);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / scale}.{(abs % scale).ToString(new string('0', decimals), CultureInfo.InvariantCulture)}");
    }
}

internal static class Fixed
{
    public static long Pow10(int decimals)
    {
        var result = 1L;
        for (var i = 0; i < decimals; i++) result *= 10;
        return result;
    }
}
