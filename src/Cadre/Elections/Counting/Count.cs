using Cadre.Common;

namespace Cadre.Elections.Counting;

public sealed record CountOptions
{
    /// The seats to fill; the poll's own number when null.
    public int? Seats { get; init; }

    /// The seed of any draw by lot (printed in the report, so the count can be repeated).
    public long Seed { get; init; }

    /// Meek: omega is 10^-OmegaDecimals (6 by default: 0.000001).
    public int MeekOmegaDecimals { get; init; } = 6;

    public InstantRunoffOptions InstantRunoff { get; init; } = new();
}

/// Counts a poll's ballots by one of the methods of docs/elections.md. Pure computation: no database, no clock.
public static class Count
{
    public static Result<CountResult> Run(BallotSet ballots, CountMethod method, CountOptions? options = null)
    {
        options ??= new CountOptions();
        var seats = options.Seats ?? ballots.Seats;
        if (seats < 1) return new NoSeatsToFill();
        var standing = ballots.Candidates.Count(c => !c.Withdrawn);
        if (seats > standing) return new SeatsExceedCandidates(seats, standing);
        if (method == CountMethod.InstantRunoff && seats != 1) return new MethodFillsOneSeat("Instant runoff");
        var result = method switch
        {
            CountMethod.ScottishStv => ScottishStv.Run(ballots, seats, options.Seed),
            CountMethod.Wright => ScottishStv.RunWright(ballots, seats, options.Seed),
            CountMethod.Ers97 => Ers97Stv.Run(ballots, seats, options.Seed),
            CountMethod.Meek => MeekStv.Run(ballots, seats, options.Seed, options.MeekOmegaDecimals),
            CountMethod.InstantRunoff => InstantRunoff.Run(ballots, options.InstantRunoff, options.Seed),
            CountMethod.Plurality or CountMethod.Block or CountMethod.Approval => NonTransferable.Run(ballots, method, seats, options.Seed),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
        if (result.ValidVotes == 0) return new NoValidBallots();
        return result;
    }

    /// The method's name on the command line and in the JSON report.
    public static string Name(CountMethod method) => method switch
    {
        CountMethod.ScottishStv => "scottish-stv",
        CountMethod.Ers97 => "ers97",
        CountMethod.Meek => "meek",
        CountMethod.Wright => "wright",
        CountMethod.InstantRunoff => "irv",
        CountMethod.Plurality => "plurality",
        CountMethod.Block => "block",
        CountMethod.Approval => "approval",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static CountMethod? Parse(string name) =>
        Enum.GetValues<CountMethod>().Cast<CountMethod?>().FirstOrDefault(m => Name(m!.Value).Equals(name, StringComparison.OrdinalIgnoreCase));
}
