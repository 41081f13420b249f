using System.Text;
using Cadre.Elections.Counting;

namespace Cadre.Tests.Elections;

public sealed class BltTests
{
    private static BallotSet Read(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom) bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        var result = BltReader.Read(new MemoryStream(bytes));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private static BallotFileError Error(string text) =>
        Assert.IsAssignableFrom<BallotFileError>(BltReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text))).Error);

    [Fact]
    public void The_extensions_are_read_comments_nicknames_withdrawn_equal_ranks_open_lines_parties_and_a_byte_order_mark()
    {
        var ballots = Read("""
            # a comment line
            4 2   # candidates and seats
            [nick ana bo cy di]
            [withdrawn di]
            3 ana bo=cy 0
            2 cy
            (17) 1 bo - ana 0
            1 ana bo=cy 0
            0
            "Ana  Lima" "Workers' Party"
            "Bo Øster"
            "Cy # not a comment"
            "Di"
            "Élection du comité"
            """, bom: true);

        Assert.Equal("Élection du comité", ballots.Title);
        Assert.Equal(2, ballots.Seats);
        Assert.Equal([new Candidate("Ana  Lima", "Workers' Party"), new Candidate("Bo Øster"), new Candidate("Cy # not a comment"), new Candidate("Di", Withdrawn: true)],
            ballots.Candidates);
        Assert.Equal(7, ballots.TotalWeight);
        // The identical rankings (lines 1 and 4) are one entry of weight 4.
        var list = ballots.Ballots.ToList();
        Assert.Equal(3, list.Count);
        Assert.Equal(4, list[0].Weight);
        Assert.Equal([[0], [1, 2]], list[0].Ranking.Select(g => g.ToArray()));
        Assert.Equal([[2]], list[1].Ranking.Select(g => g.ToArray()));
        Assert.Equal([[1], [], [0]], list[2].Ranking.Select(g => g.ToArray()));
    }

    [Fact]
    public void A_line_of_negative_numbers_withdraws_candidates()
    {
        var ballots = Read("3 1\n-2 -3\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n");

        Assert.Equal([false, true, true], ballots.Candidates.Select(c => c.Withdrawn));
    }

    [Fact]
    public void Written_ballots_read_back_the_same_and_count_the_same()
    {
        var original = BltReader.Read(SharedData.File("elections/glasgow-2007-linn.blt")).Value;
        var text = BltWriter.Write(original.With(candidates: [.. original.Candidates.Select((c, i) => i == 2 ? c with { Party = "Labour" } : c)]));

        var again = Read(text);

        Assert.Equal(original.Count, again.Count);
        Assert.Equal(original.Ballots.Select(b => (b.Weight, string.Join(' ', b.Ranking.Select(g => string.Join('=', g))))),
            again.Ballots.Select(b => (b.Weight, string.Join(' ', b.Ranking.Select(g => string.Join('=', g))))));
        Assert.Equal("Labour", again.Candidates[2].Party);
        var before = Count.Run(original, CountMethod.ScottishStv).Value;
        var after = Count.Run(again, CountMethod.ScottishStv).Value;
        Assert.Equal(before.Stages.SelectMany(s => s.Votes), after.Stages.SelectMany(s => s.Votes));
    }

    [Fact]
    public void The_writer_keeps_equal_ranks_skipped_ranks_and_withdrawals()
    {
        var builder = new BallotSetBuilder("Poll", 1, [new("A"), new("B"), new("C", Withdrawn: true)]);
        builder.Add(2, [[0, 1], [], [2]]);

        var text = BltWriter.Write(builder.Build());

        Assert.Equal("3 1\n-3\n2 1=2 - 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"Poll\"\n", text);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("3\n", 1, "is not a header")]
    [InlineData("3 0\n", 1, "no seats")]
    [InlineData("2 3\n", 1, "3 seats cannot be filled from 2 candidate(s)")]
    [InlineData("3 1\n1 1 4 0\n0\n", 2, "candidate 4 is out of range: the candidates are numbered 1 to 3")]
    [InlineData("3 1\n1 1 0 2\n0\n", 2, "a preference follows the closing 0")]
    [InlineData("3 1\n1 2 3 2 0\n0\n", 2, "the ranking names candidate 2 more than once")]
    [InlineData("3 1\n1 2=2 0\n0\n", 2, "the ranking names candidate 2 more than once")]
    [InlineData("3 1\n0 1 2 0\n0\n", 2, "'0' is not a ballot weight")]
    [InlineData("3 1\nx 1 2 0\n0\n", 2, "'x' is not a ballot weight")]
    [InlineData("3 1\n1 1 zed 0\n0\n", 2, "'zed' is neither a candidate number nor a nickname")]
    [InlineData("3 1\n1 1= 0\n0\n", 2, "'1=' is not an equal ranking")]
    [InlineData("3 1\n[nick a b]\n", 2, "[nick …] names 2 candidate(s); the header says 3")]
    [InlineData("3 1\n[tie a b c]\n", 2, "[tie …] is not an option")]
    [InlineData("3 1\n1 1 2 0\n\"A\"\n", 3, "do not end with a line '0'")]
    [InlineData("3 1\n1 1 2 0\n", 3, "do not end with a line '0'")]
    [InlineData("3 1\n1 1 2 0\n0\n\"A\"\n\"B\"\n", 6, "the name of candidate 3 is missing")]
    [InlineData("3 1\n1 1 2 0\n0\n\"A\"\nB\n", 5, "'B' is not a quoted name")]
    [InlineData("3 1\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n", 7, "the quoted title of the election is missing")]
    [InlineData("3 1\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n\"U\"\n", 8, "'\"U\"' follows the title")]
    [InlineData("3 1\n-4\n0\n", 2, "candidate 4 is out of range")]
    public void A_bad_file_gives_a_named_error_with_its_line(string text, int line, string problem)
    {
        var error = Error(text);

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_aggregates_a_million_identical_rankings_into_one()
    {
        var builder = new BallotSetBuilder("T", 1, [new("A"), new("B")]);
        for (var i = 0; i < 1_000_000; i++) builder.AddStrict(1, [i % 2, 1 - i % 2]);

        var ballots = builder.Build();

        Assert.Equal(2, ballots.Count);
        Assert.Equal(1_000_000, ballots.TotalWeight);
    }
}
