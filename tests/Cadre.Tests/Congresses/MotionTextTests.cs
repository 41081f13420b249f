using Cadre.Congresses.Motions;

namespace Cadre.Tests.Congresses;

public sealed class MotionTextTests
{
    private static readonly string[] Original = ["one", "two", "three", "four", "five"];

    private static LineChange Replace(int from, int to, params string[] lines) => new(AmendmentKind.Replace, from, to, lines);

    private static LineChange Insert(int after, params string[] lines) => new(AmendmentKind.Insert, after, after, lines);

    private static LineChange Delete(int from, int to) => new(AmendmentKind.Delete, from, to, []);

    [Fact]
    public void Non_overlapping_changes_merge_by_the_original_line_numbers()
    {
        var merged = MotionText.Apply(Original, [Delete(5, 5), Insert(0, "zero"), Replace(2, 3, "TWO-THREE"), Insert(3, "three and a half")]);

        Assert.Equal(["zero", "one", "TWO-THREE", "three and a half", "four"], merged);
    }

    [Fact]
    public void Ranges_sharing_a_line_inserts_at_one_place_and_an_insert_inside_a_range_overlap()
    {
        Assert.True(MotionText.Overlap(Replace(2, 3), Delete(3, 4)));
        Assert.True(MotionText.Overlap(Insert(2, "a"), Insert(2, "b")));
        Assert.True(MotionText.Overlap(Insert(2, "a"), Replace(2, 3)));
        Assert.False(MotionText.Overlap(Insert(3, "a"), Replace(2, 3)));
        Assert.False(MotionText.Overlap(Insert(1, "a"), Replace(2, 3)));
        Assert.False(MotionText.Overlap(Replace(1, 1), Replace(2, 2)));
        Assert.Throws<InvalidOperationException>(() => MotionText.Apply(Original, [Replace(2, 3), Delete(3, 3)]));
    }

    [Fact]
    public void The_side_by_side_diff_pairs_changed_lines_and_keeps_context_around_them()
    {
        var rows = LineDiff.Compute(Original, ["one", "TWO", "three", "four", "five", "six"]);

        Assert.Equal([DiffKind.Same, DiffKind.Changed, DiffKind.Same, DiffKind.Same, DiffKind.Same, DiffKind.Added], rows.Select(r => r.Kind));
        Assert.Equal(("two", "TWO"), (rows[1].Old, rows[1].New));
        Assert.Equal((null, 6), (rows[5].OldNumber, rows[5].NewNumber));
        var around = LineDiff.Around(rows, 1);
        Assert.Equal([1, 2, 3, 5, null], around.Select(r => r.OldNumber));
    }

    [Fact]
    public void Line_endings_are_normalized_and_trailing_blank_lines_dropped()
    {
        Assert.Equal(["a", "", "b"], MotionText.Lines("a\r\n\r\nb  \n\n"));
    }
}
