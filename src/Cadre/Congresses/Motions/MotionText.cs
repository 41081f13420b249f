namespace Cadre.Congresses.Motions;

/// A motion's text as numbered lines (from 1), and the merge of amendments into it (decision 0026).
public static class MotionText
{
    public const int MaxLength = 100_000;
    public const int MaxLines = 2_000;

    /// Lines as the delegates see them numbered: line endings normalized, trailing blank lines dropped.
    public static IReadOnlyList<string> Lines(string? text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    public static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    /// Whether two changes touch the same text: two ranges sharing a line, two insertions at the same place, or an insertion
    /// strictly inside a replaced or deleted range. An insertion just before or just after a range does not overlap it.
    public static bool Overlap(LineChange a, LineChange b)
    {
        if (a.Kind == AmendmentKind.Insert && b.Kind == AmendmentKind.Insert) return a.From == b.From;
        if (a.Kind == AmendmentKind.Insert) return b.From <= a.From && a.From < b.To;
        if (b.Kind == AmendmentKind.Insert) return a.From <= b.From && b.From < a.To;
        return a.From <= b.To && b.From <= a.To;
    }

    /// The text with the changes applied; every line number refers to the original text. The changes must not overlap.
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> original, IReadOnlyList<LineChange> changes)
    {
        for (var i = 0; i < changes.Count; i++)
            for (var j = i + 1; j < changes.Count; j++)
                if (Overlap(changes[i], changes[j])) throw new InvalidOperationException("Overlapping changes cannot be merged.");
        var inserts = changes.Where(c => c.Kind == AmendmentKind.Insert).ToDictionary(c => c.From);
        var ranges = changes.Where(c => c.Kind != AmendmentKind.Insert).ToDictionary(c => c.From);
        var result = new List<string>();
        var line = 1;
        while (line <= original.Count)
        {
            if (inserts.TryGetValue(line - 1, out var insert)) result.AddRange(insert.Lines);
            if (ranges.TryGetValue(line, out var range))
            {
                if (range.Kind == AmendmentKind.Replace) result.AddRange(range.Lines);
                // An insertion after a line inside the range overlaps it; after its last line it comes next.
                line = range.To + 1;
                continue;
            }
            result.Add(original[line - 1]);
            line++;
        }
        if (inserts.TryGetValue(original.Count, out var last)) result.AddRange(last.Lines);
        return result;
    }
}

/// One change to a motion's lines: replace or delete lines From..To, or insert after line From (0: before the first line).
public sealed record LineChange(AmendmentKind Kind, int From, int To, IReadOnlyList<string> Lines);
