using System.Text.Json;
using Cadre.Elections.Counting;

namespace Cadre.Tests.Elections;

/// RCTab's test set 1 (exhaust at overvote): its configuration, cast vote records in the NIST common data format,
/// and the expected round-by-round report.
public sealed class RctabInstantRunoffTests
{
    [Fact]
    public void Instant_runoff_reproduces_the_RCTab_report_round_by_round_with_overvotes_exhausted()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(SharedData.File("elections/test_set_1_exhaust_at_overvote_config.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedData.File("elections/test_set_1_exhaust_at_overvote_expected_detailed_report.json")));
        var rules = config.RootElement.GetProperty("rules");
        var source = config.RootElement.GetProperty("cvrFileSources")[0];
        Assert.Equal("singleWinnerMajority", rules.GetProperty("winnerElectionMode").GetString());
        Assert.Equal("1", rules.GetProperty("numberOfWinners").GetString());
        var options = new InstantRunoffOptions
        {
            Overvote = rules.GetProperty("overvoteRule").GetString() switch
            {
                "exhaustImmediately" => OvervoteRule.ExhaustImmediately,
                "alwaysSkipToNextRank" => OvervoteRule.AlwaysSkipToNextRank,
                "exhaustIfMultipleContinuing" => OvervoteRule.ExhaustIfMultipleContinuing,
                var other => throw new InvalidOperationException(other),
            },
            MaxSkippedRanks = rules.GetProperty("maxSkippedRanksAllowed").GetString() is "unlimited" ? null : int.Parse(rules.GetProperty("maxSkippedRanksAllowed").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        };
        using var cvr = File.OpenRead(SharedData.File("elections/" + source.GetProperty("filePath").GetString()));
        var ballots = CdfCvrReader.Read(cvr, source.GetProperty("contestId").GetString()).Value;
        Assert.Equal(config.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("name").GetString()), ballots.Candidates.Select(c => c.Name));

        var result = Count.Run(ballots, CountMethod.InstantRunoff, new CountOptions { InstantRunoff = options }).Value;

        var report = expected.RootElement;
        var summary = report.GetProperty("summary");
        Assert.Equal(summary.GetProperty("totalNumBallots").GetString(), ballots.TotalWeight.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(summary.GetProperty("undervotes").GetInt64(), result.InvalidBallots);
        Assert.Equal(summary.GetProperty("finalThreshold").GetString(), result.Format(result.Quota!.Value));
        var rounds = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(rounds.Count, result.Stages.Count);
        var names = result.Candidates.Select(c => c.Name).ToList();
        for (var r = 0; r < rounds.Count; r++)
        {
            var round = rounds[r];
            var stage = result.Stages[r];
            Assert.Equal(r + 1, round.GetProperty("round").GetInt32());
            Assert.Equal(round.GetProperty("threshold").GetString(), result.Format(stage.Quota!.Value));
            var tally = round.GetProperty("tally").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var ours = Enumerable.Range(0, names.Count).Where(c => stage.Votes[c] is not null && !stage.Excluded.Contains(c))
                .ToDictionary(c => names[c], c => result.Format(stage.Votes[c]!.Value));
            Assert.Equal(tally.OrderBy(p => p.Key), ours.OrderBy(p => p.Key));
            var inactive = round.GetProperty("inactiveBallots");
            Assert.Equal(inactive.GetProperty("overvotes").GetString(), stage.Inactive!.Overvotes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(inactive.GetProperty("skippedRankings").GetString(), stage.Inactive.SkippedRankings.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(inactive.GetProperty("repeatedRankings").GetString(), stage.Inactive.RepeatedRankings.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(inactive.GetProperty("exhaustedChoices").GetString(), stage.Inactive.ExhaustedChoices.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // RCTab reports in round r who is eliminated at its end and where their ballots go: our next stage.
            var outcome = Assert.Single(round.GetProperty("tallyResults").EnumerateArray());
            if (outcome.TryGetProperty("elected", out var winner))
            {
                Assert.Equal(winner.GetString(), names[Assert.Single(stage.Elected)]);
                Assert.Empty(outcome.GetProperty("transfers").EnumerateObject());
                Assert.Equal(rounds.Count - 1, r);
                continue;
            }
            var next = result.Stages[r + 1];
            Assert.Equal(outcome.GetProperty("eliminated").GetString(), names[Assert.Single(next.Excluded)]);
            var transfers = Enumerable.Range(0, names.Count).Where(c => next.Transfers[c] > 0)
                .Select(c => (names[c], next.Transfers[c]!.Value)).ToList();
            var exhausted = next.Exhausted - stage.Exhausted;
            if (exhausted > 0) transfers.Add(("exhausted", exhausted));
            Assert.Equal(outcome.GetProperty("transfers").EnumerateObject().Select(p => (p.Name, long.Parse(p.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture))).OrderBy(t => t.Item1),
                transfers.OrderBy(t => t.Item1));
        }
        Assert.Equal(["Candidate B Name"], result.ElectedNames);
    }
}
