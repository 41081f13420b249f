namespace Cadre.Education.Library;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// The lines two versions share, and those one removed and the other added (longest common subsequence of lines,
/// after the common head and tail are set aside, so an amendment of a few articles compares in a blink).
public static class LineDiff
{
    public const long MaxCells = 25_000_000;

    /// Null when the changed middle parts are too large to compare line by line.
    public static IReadOnlyList<DiffLine>? Compare(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;
        var n = a.Length - head - tail;
        var m = b.Length - head - tail;
        if ((long)n * m > MaxCells) return null;

        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var result = new List<DiffLine>(a.Length + m);
        result.AddRange(a.Take(head).Select(l => new DiffLine(DiffKind.Same, l)));
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y])
            {
                result.Add(new DiffLine(DiffKind.Same, a[head + x]));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1])) result.Add(new DiffLine(DiffKind.Removed, a[head + x++]));
            else result.Add(new DiffLine(DiffKind.Added, b[head + y++]));
        }
        result.AddRange(a.Skip(a.Length - tail).Select(l => new DiffLine(DiffKind.Same, l)));
        return result;
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
