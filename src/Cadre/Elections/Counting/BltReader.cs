using System.Globalization;
using System.Text;
using Cadre.Common;

namespace Cadre.Elections.Counting;

/// Reads the BLT ballot format (Hill, Wichmann and Woodall 1987) with the common extensions: `#` comments,
/// `[nick …]` and `[withdrawn …]` options, a line of negative numbers for withdrawn candidates, equal rankings `a=b`,
/// `-` for a skipped rank, ballot lines without the closing 0, a ballot id in parentheses before the weight, a party as
/// a second quoted field on candidate lines, UTF-8 with or without a byte-order mark. docs/elections.md describes it.
public static class BltReader
{
    public static Result<BallotSet> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static Result<BallotSet> Read(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    public static Result<BallotSet> Read(TextReader reader)
    {
        var lines = new LineSource(reader);

        // The header: candidates and seats.
        if (!lines.NextContent(out var headerLine, out var header)) return new BltEmpty();
        var headerTokens = Tokens(header);
        if (headerTokens.Count != 2 || !int.TryParse(headerTokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var candidateCount)
            || !int.TryParse(headerTokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seats))
            return new BltBadHeader(headerLine, header.Trim());
        if (candidateCount == 0) return new BltNoCandidates(headerLine);
        if (seats == 0) return new BltNoSeats(headerLine);
        if (seats > candidateCount) return new BltMoreSeatsThanCandidates(headerLine, seats, candidateCount);

        string[]? nicknames = null;
        var nickIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var withdrawn = new bool[candidateCount];
        // Filled once the names are read; the builder only needs the number of candidates until then.
        var candidates = new Candidate[candidateCount];
        var builder = new BallotSetBuilder("", seats, candidates);
        var buffer = new List<int>(64);
        var seen = new int[candidateCount];
        var ballotNumber = 0;

        // Options and withdrawn candidates, then ballots up to the line "0".
        var ended = false;
        while (lines.NextContent(out var lineNumber, out var text))
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith('['))
            {
                if (!trimmed.EndsWith(']')) return new BltUnknownOption(lineNumber, trimmed);
                var items = Tokens(trimmed[1..^1]);
                if (items.Count == 0) return new BltUnknownOption(lineNumber, "");
                switch (items[0])
                {
                    case "nick":
                        if (items.Count - 1 != candidateCount) return new BltBadNicknames(lineNumber, items.Count - 1, candidateCount);
                        nicknames = [.. items.Skip(1)];
                        nickIndex.Clear();
                        for (var i = 0; i < nicknames.Length; i++)
                            if (!nickIndex.TryAdd(nicknames[i], i)) return new BltDuplicateNickname(lineNumber, nicknames[i]);
                        break;
                    case "withdrawn":
                        foreach (var token in items.Skip(1))
                        {
                            var c = Resolve(token, nickIndex, candidateCount);
                            if (c < 0) return new BltBadWithdrawn(lineNumber, token);
                            withdrawn[c] = true;
                        }
                        break;
                    default:
                        return new BltUnknownOption(lineNumber, items[0]);
                }
                continue;
            }
            if (trimmed.StartsWith('"')) return new BltMissingEndOfBallots(lineNumber);
            var tokens = Tokens(trimmed);
            if (tokens.Count == 1 && tokens[0] == "0")
            {
                ended = true;
                break;
            }
            if (tokens[0].StartsWith('-') && ballotNumber == 0)
            {
                // A withdrawn line of negative candidate numbers: -2 -5.
                foreach (var token in tokens)
                {
                    if (!token.StartsWith('-') || !int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                        return new BltBadWithdrawn(lineNumber, token);
                    if (n < 1 || n > candidateCount) return new BltCandidateOutOfRange(lineNumber, n, candidateCount);
                    withdrawn[n - 1] = true;
                }
                continue;
            }

            // A ballot: [(id)] weight pref pref ... [0]
            var t = 0;
            if (tokens[t].StartsWith('(') && tokens[t].EndsWith(')')) t++;
            if (t >= tokens.Count || !long.TryParse(tokens[t], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight < 1)
                return new BltBadWeight(lineNumber, t < tokens.Count ? tokens[t] : trimmed);
            t++;
            buffer.Clear();
            ballotNumber++;
            var closed = false;
            for (; t < tokens.Count; t++)
            {
                var token = tokens[t];
                if (closed) return new BltTextAfterEnd(lineNumber);
                if (token == "0")
                {
                    closed = true;
                    continue;
                }
                if (token == "-")
                {
                    buffer.Add(BallotSet.Skip);
                    continue;
                }
                var first = true;
                foreach (var atom in token.Split('='))
                {
                    if (atom.Length == 0) return new BltBadEqualRanking(lineNumber, token);
                    var c = Resolve(atom, nickIndex, candidateCount);
                    if (c == -2)
                        return new BltCandidateOutOfRange(lineNumber, int.Parse(atom, CultureInfo.InvariantCulture), candidateCount);
                    if (c < 0) return new BltUnknownCandidate(lineNumber, atom);
                    if (seen[c] == ballotNumber) return new BltRepeatedCandidate(lineNumber, atom);
                    seen[c] = ballotNumber;
                    buffer.Add(first ? c : c | BallotSet.EqualToPrevious);
                    first = false;
                }
            }
            builder.Add(weight, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));
        }
        if (!ended) return new BltMissingEndOfBallots(lines.LastLine + 1);

        // The names, one a line, each optionally followed by a party; then the title.
        for (var i = 0; i < candidateCount; i++)
        {
            if (!lines.NextContent(out var lineNumber, out var text)) return new BltMissingName(lines.LastLine + 1, i + 1);
            var quoted = Quoted(text);
            if (quoted is null || quoted.Count is 0 or > 2) return new BltBadNameLine(lineNumber, text.Trim());
            candidates[i] = new Candidate(quoted[0], quoted.Count == 2 ? quoted[1] : null, withdrawn[i]);
        }
        if (!lines.NextContent(out var titleLine, out var titleText)) return new BltMissingTitle(lines.LastLine + 1);
        var title = Quoted(titleText);
        if (title is null || title.Count != 1) return new BltMissingTitle(titleLine);
        if (lines.NextContent(out var extraLine, out var extra)) return new BltTextAfterTitle(extraLine, extra.Trim());

        return builder.Build().With(title: title[0]);
    }

    /// The candidate index of a token: a nickname, or a number 1..N; -2 for a number out of range, -1 for anything else.
    private static int Resolve(string token, Dictionary<string, int> nicknames, int candidateCount)
    {
        if (nicknames.TryGetValue(token, out var index)) return index;
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return -1;
        return n >= 1 && n <= candidateCount ? n - 1 : -2;
    }

    private static List<string> Tokens(string text) =>
        [.. text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];

    /// The quoted strings of a line, or null when the line holds anything else.
    private static List<string>? Quoted(string text)
    {
        var result = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i == text.Length) return result;
            if (text[i] != '"') return null;
            var close = text.IndexOf('"', i + 1);
            if (close < 0) return null;
            result.Add(text[(i + 1)..close]);
            i = close + 1;
        }
    }

    /// Lines with their numbers; comments (from # outside quotes) removed; blank lines passed over.
    private sealed class LineSource(TextReader reader)
    {
        public int LastLine { get; private set; }

        public bool NextContent(out int number, out string text)
        {
            while (reader.ReadLine() is { } line)
            {
                LastLine++;
                var content = StripComment(line);
                if (content.AsSpan().IsWhiteSpace()) continue;
                number = LastLine;
                text = content;
                return true;
            }
            number = LastLine;
            text = "";
            return false;
        }

        private static string StripComment(string line)
        {
            var inQuotes = false;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '"') inQuotes = !inQuotes;
                else if (line[i] == '#' && !inQuotes) return line[..i];
            }
            return line;
        }
    }
}
