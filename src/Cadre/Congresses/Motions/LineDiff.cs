namespace Cadre.Congresses.Motions;

public enum DiffKind
{
    Same,
    Changed,
    Removed,
    Added,
}

/// One row of a side-by-side diff: the old line on the left, the new on the right (either may be missing).
public sealed record DiffRow(DiffKind Kind, int? OldNumber, string? Old, int? NewNumber, string? New);

/// A line diff for the side-by-side view (decision 0026): the common beginning and end are cut off, the middle is aligned by the
/// longest common subsequence, and a run of removed lines next to a run of added lines is paired row by row as changed.
public static class LineDiff
{
    // Above this many cells the middle is shown as removed then added rather than aligned (a motion rewritten wholesale).
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffRow> Compute(IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        var prefix = 0;
        while (prefix < old.Count && prefix < @new.Count && old[prefix] == @new[prefix]) prefix++;
        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < @new.Count - prefix && old[old.Count - 1 - suffix] == @new[@new.Count - 1 - suffix]) suffix++;

        var ops = new List<(DiffKind Kind, int Old, int New)>();
        for (var i = 0; i < prefix; i++) ops.Add((DiffKind.Same, i, i));
        Middle(old, @new, prefix, old.Count - suffix, prefix, @new.Count - suffix, ops);
        for (var i = 0; i < suffix; i++) ops.Add((DiffKind.Same, old.Count - suffix + i, @new.Count - suffix + i));
        return Pair(old, @new, ops);
    }

    /// Only the rows that differ and the given number of unchanged rows around them.
    public static IReadOnlyList<DiffRow> Around(IReadOnlyList<DiffRow> rows, int context)
    {
        var keep = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Kind == DiffKind.Same) continue;
            for (var j = Math.Max(0, i - context); j <= Math.Min(rows.Count - 1, i + context); j++) keep[j] = true;
        }
        return rows.Where((_, i) => keep[i]).ToList();
    }

    private static void Middle(IReadOnlyList<string> old, IReadOnlyList<string> @new, int o0, int o1, int n0, int n1, List<(DiffKind, int, int)> ops)
    {
        int rowsCount = o1 - o0, columns = n1 - n0;
        if ((long)rowsCount * columns > MaxCells || rowsCount == 0 || columns == 0)
        {
            for (var i = o0; i < o1; i++) ops.Add((DiffKind.Removed, i, -1));
            for (var j = n0; j < n1; j++) ops.Add((DiffKind.Added, -1, j));
            return;
        }
        // lcs[i, j]: the longest common subsequence of old[o0 + i ..] and new[n0 + j ..].
        var lcs = new int[rowsCount + 1, columns + 1];
        for (var i = rowsCount - 1; i >= 0; i--)
            for (var j = columns - 1; j >= 0; j--)
                lcs[i, j] = old[o0 + i] == @new[n0 + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int a = 0, b = 0;
        while (a < rowsCount && b < columns)
        {
            if (old[o0 + a] == @new[n0 + b]) ops.Add((DiffKind.Same, o0 + a++, n0 + b++));
            else if (lcs[a + 1, b] >= lcs[a, b + 1]) ops.Add((DiffKind.Removed, o0 + a++, -1));
            else ops.Add((DiffKind.Added, -1, n0 + b++));
        }
        while (a < rowsCount) ops.Add((DiffKind.Removed, o0 + a++, -1));
        while (b < columns) ops.Add((DiffKind.Added, -1, n0 + b++));
    }

    private static List<DiffRow> Pair(IReadOnlyList<string> old, IReadOnlyList<string> @new, List<(DiffKind Kind, int Old, int New)> ops)
    {
        var rows = new List<DiffRow>();
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == DiffKind.Same)
            {
                rows.Add(new DiffRow(DiffKind.Same, ops[i].Old + 1, old[ops[i].Old], ops[i].New + 1, @new[ops[i].New]));
                i++;
                continue;
            }
            var removed = new List<int>();
            var added = new List<int>();
            while (i < ops.Count && ops[i].Kind != DiffKind.Same)
            {
                if (ops[i].Kind == DiffKind.Removed) removed.Add(ops[i].Old);
                else added.Add(ops[i].New);
                i++;
            }
            for (var k = 0; k < Math.Max(removed.Count, added.Count); k++)
            {
                int? o = k < removed.Count ? removed[k] : null;
                int? n = k < added.Count ? added[k] : null;
                var kind = o is not null && n is not null ? DiffKind.Changed : o is not null ? DiffKind.Removed : DiffKind.Added;
                rows.Add(new DiffRow(kind, o + 1, o is { } x ? old[x] : null, n + 1, n is { } y ? @new[y] : null));
            }
        }
        return rows;
    }
}
