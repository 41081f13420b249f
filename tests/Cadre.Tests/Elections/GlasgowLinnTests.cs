using System.Text.Json;
using Cadre.Elections.Counting;

namespace Cadre.Tests.Elections;

/// The official count of Glasgow City Council 2007, ward 1 (Linn), by the Scottish rules: every stage, every
/// candidate, the non-transferable votes, to the last of five decimals.
public sealed class GlasgowLinnTests
{
    [Fact]
    public void Scottish_stv_reproduces_the_official_Linn_count_stage_by_stage()
    {
        var ballots = BltReader.Read(SharedData.File("elections/glasgow-2007-linn.blt")).Value;
        using var official = JsonDocument.Parse(File.ReadAllText(SharedData.File("elections/glasgow-2007-linn.stages.json")));
        var root = official.RootElement;

        var result = Count.Run(ballots, CountMethod.ScottishStv).Value;

        Assert.Equal(root.GetProperty("valid_votes").GetInt64(), result.ValidVotes / 100_000);
        Assert.Equal(root.GetProperty("quota").GetString(), result.Format(result.Quota!.Value));
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(stages.Count, result.Stages.Count);
        var names = result.Candidates.Select(c => c.Name).ToList();
        for (var s = 0; s < stages.Count; s++)
        {
            var expected = stages[s];
            var actual = result.Stages[s];
            foreach (var property in expected.GetProperty("votes").EnumerateObject())
            {
                var c = names.IndexOf(property.Name);
                Assert.True(c >= 0, property.Name);
                var shown = actual.Votes[c] is { } v ? result.Format(v) : null;
                Assert.True(property.Value.ValueKind == JsonValueKind.Null ? shown is null : property.Value.GetString() == shown,
                    $"stage {s + 1}, {property.Name}: official {property.Value}, counted {shown ?? "null"}");
            }
            Assert.Equal(expected.GetProperty("non_transferable").GetString(), result.Format(actual.Exhausted));
            Assert.Equal(expected.GetProperty("elected").EnumerateArray().Select(e => e.GetString()!).Order(),
                actual.Elected.Select(c => names[c]).Order());
            Assert.Equal(expected.GetProperty("excluded").EnumerateArray().Select(e => e.GetString()!), actual.Excluded.Select(c => names[c]));
            var surplus = expected.GetProperty("surplus");
            Assert.Equal(surplus.ValueKind == JsonValueKind.Null ? null : surplus.GetString(),
                actual.Kind == StageKind.Surplus ? names[actual.From!.Value] : null);
        }
        Assert.Equal(["David Ritchie", "Sadie Docherty", "John McKenzie", "Margot Clark"], result.ElectedNames);
    }
}
