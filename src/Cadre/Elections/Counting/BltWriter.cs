using System.Globalization;
using System.Text;

namespace Cadre.Elections.Counting;

/// Writes ballots as BLT, the list anyone can recount with Cadre or another counter (OpenSTV, Droop, stv-rs …):
/// withdrawn candidates as a line of negative numbers, one line per distinct ranking with its weight, `a=b` for equal
/// rankings, `-` for a skipped rank, each line closed by 0; then the quoted names (with the party when there is one)
/// and the title. A double quote inside a name cannot be written in BLT and becomes an apostrophe.
public static class BltWriter
{
    public static void Write(BallotSet ballots, TextWriter writer)
    {
        var line = new StringBuilder();
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{ballots.Candidates.Count} {ballots.Seats}\n"));
        var withdrawn = Enumerable.Range(0, ballots.Candidates.Count).Where(i => ballots.Candidates[i].Withdrawn).ToList();
        if (withdrawn.Count > 0) writer.Write(string.Join(' ', withdrawn.Select(i => (-(i + 1)).ToString(CultureInfo.InvariantCulture))) + "\n");
        for (var b = 0; b < ballots.Count; b++)
        {
            line.Clear();
            line.Append(ballots.Weights[b].ToString(CultureInfo.InvariantCulture));
            for (var i = ballots.Starts[b]; i < ballots.Starts[b + 1]; i++)
            {
                var p = ballots.Prefs[i];
                if (p == BallotSet.Skip) line.Append(" -");
                else
                {
                    line.Append((p & BallotSet.EqualToPrevious) != 0 ? '=' : ' ');
                    line.Append(((p & BallotSet.CandidateMask) + 1).ToString(CultureInfo.InvariantCulture));
                }
            }
            line.Append(" 0\n");
            writer.Write(line);
        }
        writer.Write("0\n");
        foreach (var candidate in ballots.Candidates)
        {
            writer.Write(Quote(candidate.Name));
            if (candidate.Party is { } party) writer.Write(" " + Quote(party));
            writer.Write('\n');
        }
        writer.Write(Quote(ballots.Title) + "\n");
    }

    public static string Write(BallotSet ballots)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(ballots, writer);
        return writer.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace('"', '\'') + "\"";
}
