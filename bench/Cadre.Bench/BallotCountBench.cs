using System.Diagnostics;
using Cadre.Elections.Counting;

/// Counting a million ballots (issue 7, section 7): 30 candidates in six parties, 7 seats, ballots drawn from a seeded
/// model (a party by its support, its candidates in an order biased by their popularity, sometimes on into a second
/// and third party; about five preferences a ballot). Scottish STV and Meek are timed beside a baseline from the same
/// run over the same ballots: a plurality count, one pass over the aggregated ballots.
internal static class BallotCountBench
{
    private const int Candidates = 30;
    private const int Seats = 7;

    public static List<Figure> Run(BenchOptions options)
    {
        var ballotCount = options.Smoke ? 100_000 : 1_000_000;
        var watch = Stopwatch.StartNew();
        var ballots = Generate(ballotCount, options.Seed);
        var aggregation = watch.Elapsed.TotalMilliseconds;
        var scale = $"{ballotCount:N0} ballots ({ballots.Count:N0} distinct rankings), {Candidates} candidates, {Seats} seats";

        // Warm up on a small poll so the timings are of the counts, not of the JIT compiler.
        var warm = Generate(2_000, options.Seed + 1);
        foreach (var method in new[] { CountMethod.Plurality, CountMethod.ScottishStv, CountMethod.Meek }) Count.Run(warm, method);

        var plurality = Time(() => Count.Run(ballots, CountMethod.Plurality), out _);
        var scottish = Time(() => Count.Run(ballots, CountMethod.ScottishStv), out var scottishResult);
        var meek = Time(() => Count.Run(ballots, CountMethod.Meek), out var meekResult);
        var baseline = $"plurality {Report.Ms(plurality)} (generating and aggregating {Report.Ms(aggregation)})";
        var full = !options.Smoke;
        return
        [
            new Figure($"Scottish STV count, {scale}", $"{Report.Ms(scottish)}, {scottishResult.Stages.Count} stages", baseline, scottish / plurality,
                full ? "< 2 s" : "< 2 s at 1,000,000 (smoke: 100,000)", full ? scottish < 2_000 : null)
            {
                Numbers = new() { ["ms"] = scottish, ["baselineMs"] = plurality, ["aggregationMs"] = aggregation, ["ballots"] = ballotCount, ["distinct"] = ballots.Count },
            },
            new Figure($"Meek STV count (9 decimals, omega 10^-6), {scale}", $"{Report.Ms(meek)}, {meekResult.Stages.Count} actions, {meekResult.Stages.Sum(s => s.Iterations):N0} iterations",
                baseline, meek / plurality, full ? "< 10 s" : "< 10 s at 1,000,000 (smoke: 100,000)", full ? meek < 10_000 : null)
            {
                Numbers = new() { ["ms"] = meek, ["baselineMs"] = plurality, ["aggregationMs"] = aggregation, ["ballots"] = ballotCount, ["distinct"] = ballots.Count },
            },
        ];
    }

    private static double Time(Func<Cadre.Common.Result<CountResult>> count, out CountResult result)
    {
        var watch = Stopwatch.StartNew();
        var outcome = count();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        result = outcome.IsSuccess ? outcome.Value : throw new InvalidOperationException(outcome.Error.Message);
        return elapsed;
    }

    /// Deterministic ballots: the same seed gives the same ballots.
    public static BallotSet Generate(int count, int seed)
    {
        var random = new Random(seed);
        double[] support = [0.28, 0.24, 0.18, 0.13, 0.10, 0.07];
        var perParty = Candidates / support.Length;
        var popularity = Enumerable.Range(0, Candidates).Select(_ => 0.2 + random.NextDouble()).ToArray();
        var names = Enumerable.Range(0, Candidates).Select(c => new Candidate($"Candidate {c + 1:00}", $"Party {(char)('A' + c / perParty)}")).ToList();
        var builder = new BallotSetBuilder("Benchmark poll", Seats, names);
        var ranking = new int[Candidates];
        var used = new bool[Candidates];
        var partyUsed = new bool[support.Length];
        for (var b = 0; b < count; b++)
        {
            Array.Clear(used);
            Array.Clear(partyUsed);
            var length = 0;
            // About five preferences: at least one, each further one with probability 0.8.
            var wanted = 1;
            while (wanted < Candidates && random.NextDouble() < 0.8) wanted++;
            var party = Pick(random, support, partyUsed);
            while (length < wanted && party >= 0)
            {
                partyUsed[party] = true;
                // The party's candidates, more popular ones earlier.
                var left = perParty;
                while (left > 0 && length < wanted)
                {
                    double total = 0;
                    for (var c = party * perParty; c < (party + 1) * perParty; c++) if (!used[c]) total += popularity[c];
                    var draw = random.NextDouble() * total;
                    var chosen = -1;
                    for (var c = party * perParty; c < (party + 1) * perParty; c++)
                    {
                        if (used[c]) continue;
                        chosen = c;
                        draw -= popularity[c];
                        if (draw < 0) break;
                    }
                    used[chosen] = true;
                    ranking[length++] = chosen;
                    left--;
                }
                party = length < wanted ? Pick(random, support, partyUsed) : -1;
            }
            builder.AddStrict(1, ranking.AsSpan(0, length));
        }
        return builder.Build();
    }

    private static int Pick(Random random, double[] weights, bool[] excluded)
    {
        double total = 0;
        for (var i = 0; i < weights.Length; i++) if (!excluded[i]) total += weights[i];
        if (total == 0) return -1;
        var draw = random.NextDouble() * total;
        var last = -1;
        for (var i = 0; i < weights.Length; i++)
        {
            if (excluded[i]) continue;
            last = i;
            draw -= weights[i];
            if (draw < 0) return i;
        }
        return last;
    }
}
