using System.Text.RegularExpressions;
using Cadre.Elections.Counting;

namespace Cadre.Tests.Elections;

/// The reference counts of stv-rs on vegetables.blt (two withdrawn candidates, nicknames): Meek in 9-decimal fixed
/// point, every action of the log with every candidate's votes and the quota, votes, residual and surplus; and
/// plurality block voting of the same ballots.
public sealed partial class VegetablesTests
{
    [Fact]
    public void Meek_reproduces_every_action_of_the_reference_log_to_nine_decimals()
    {
        var ballots = BltReader.Read(SharedData.File("elections/vegetables.blt")).Value;
        var log = Parse(File.ReadAllLines(SharedData.File("elections/vegetables.meek-fixed9.log")));

        var result = Count.Run(ballots, CountMethod.Meek).Value;

        Assert.Equal("0.000001000", Header(log, "Omega"));
        Assert.Equal(result.Format(result.Stages[0].Quota!.Value), Header(log, "Quota"));
        Assert.Equal(Header(log, "Ballots"), (result.ValidVotes / 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(log.Actions.Select(a => a.Name), result.Stages.Select(s => s.Description));
        var names = result.Candidates.Select(c => c.Name).ToList();
        var elected = new HashSet<int>();
        var defeated = new HashSet<int>();
        for (var i = 0; i < log.Actions.Count; i++)
        {
            var expected = log.Actions[i];
            var stage = result.Stages[i];
            elected.UnionWith(stage.Elected);
            defeated.UnionWith(stage.Excluded);
            var votes = stage.Votes.Sum(v => v ?? 0);
            var at = $"action {i + 1} ({expected.Name})";
            Assert.True(expected.Stats["Quota"] == result.Format(stage.Quota!.Value), $"{at}: quota {result.Format(stage.Quota!.Value)}");
            Assert.True(expected.Stats["Votes"] == result.Format(votes), $"{at}: votes {result.Format(votes)}");
            Assert.True(expected.Stats["Residual"] == result.Format(stage.Exhausted), $"{at}: residual {result.Format(stage.Exhausted)}");
            Assert.True(expected.Stats["Total"] == result.Format(votes + stage.Exhausted), $"{at}: total");
            Assert.True(expected.Stats["Surplus"] == result.Format(stage.Surplus!.Value), $"{at}: surplus {result.Format(stage.Surplus!.Value)}");
            if (expected.Candidates.Count == 0) continue;
            // A full count lists every candidate not withdrawn, with their status.
            Assert.Equal(names.Count - 2, expected.Candidates.Count);
            foreach (var (name, (status, value)) in expected.Candidates)
            {
                var c = names.IndexOf(name);
                var ours = elected.Contains(c) ? "Elected" : defeated.Contains(c) ? "Defeated" : "Hopeful";
                Assert.True(status == ours, $"{at}: {name} is {ours}, the log says {status}");
                Assert.True(value == result.Format(stage.Votes[c] ?? 0), $"{at}: {name} has {result.Format(stage.Votes[c] ?? 0)}, the log says {value}");
            }
        }
        Assert.Equal(["Grape", "Hazelnut", "Jalapeno", "Eggplant"], result.ElectedNames);
    }

    [Fact]
    public void Block_voting_of_the_same_ballots_elects_and_defeats_as_the_reference_with_its_votes()
    {
        var ballots = BltReader.Read(SharedData.File("elections/vegetables.blt")).Value;
        var lines = File.ReadAllLines(SharedData.File("elections/vegetables.block-voting.log"));
        var final = lines.SkipWhile(l => l != "Action: Count Complete").Skip(1).SkipWhile(l => l != "Action: Count Complete").Skip(1)
            .Select(l => CandidateLine().Match(l)).Where(m => m.Success).ToList();

        var result = Count.Run(ballots, CountMethod.Block).Value;

        Assert.Equal("4", Header(Parse(lines), "Votes per ballot"));
        var stage = Assert.Single(result.Stages);
        var names = result.Candidates.Select(c => c.Name).ToList();
        Assert.Equal(final.Where(m => m.Groups[1].Value == "Elected").Select(m => m.Groups[2].Value), result.ElectedNames);
        Assert.Equal(final.Where(m => m.Groups[1].Value == "Defeated").Select(m => m.Groups[2].Value).Order(), stage.Excluded.Select(c => names[c]).Order());
        foreach (var m in final)
            Assert.Equal(m.Groups[3].Value, CountResult.Format(stage.Votes[names.IndexOf(m.Groups[2].Value)]!.Value * 1_000_000_000, 9));
        Assert.Equal(lines.Where(l => l.StartsWith("Action: Elect: ", StringComparison.Ordinal)).Select(l => l["Action: Elect: ".Length..]), result.ElectedNames);
    }

    private sealed record Action(string Name, Dictionary<string, string> Stats, List<(string Name, (string Status, string Value))> Candidates);

    private sealed record Log(Dictionary<string, string> Header, List<Action> Actions);

    private static string Header(Log log, string key) => log.Header[key];

    /// The stv-rs log: a header of "\tKey: value" lines, then "Action: …" blocks of candidate lines and statistics.
    private static Log Parse(IEnumerable<string> lines)
    {
        var header = new Dictionary<string, string>();
        var actions = new List<Action>();
        foreach (var line in lines)
        {
            if (line.StartsWith("Action: ", StringComparison.Ordinal))
            {
                actions.Add(new Action(line["Action: ".Length..], [], []));
                continue;
            }
            var candidate = CandidateLine().Match(line);
            if (candidate.Success && actions.Count > 0)
            {
                foreach (var name in candidate.Groups[2].Value.Split(", "))
                    actions[^1].Candidates.Add((name, (candidate.Groups[1].Value, candidate.Groups[3].Value)));
                continue;
            }
            var stat = StatLine().Match(line);
            if (!stat.Success) continue;
            if (actions.Count == 0) header[stat.Groups[1].Value] = stat.Groups[2].Value;
            else actions[^1].Stats[stat.Groups[1].Value] = stat.Groups[2].Value;
        }
        return new Log(header, actions);
    }

    [GeneratedRegex(@"^\t(Elected|Hopeful|Defeated): +(.+) \(([0-9.]+)\)$")]
    private static partial Regex CandidateLine();

    [GeneratedRegex(@"^\t([A-Za-z ]+): (.+)$")]
    private static partial Regex StatLine();
}
