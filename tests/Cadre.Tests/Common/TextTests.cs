using System.Text;
using Cadre.Common;

namespace Cadre.Tests.Common;

public sealed class TextTests
{
    [Theory]
    [InlineData("José  Álvarez ", "jose alvarez")]
    [InlineData("ÉMILE", "emile")]
    [InlineData("王小明", "王小明")]
    public void Search_keys_fold_case_accents_and_spaces(string value, string key) => Assert.Equal(key, Text.SearchKey(value));

    [Theory]
    [InlineData("wan", "wang")]
    [InlineData("wan", "wan")]
    [InlineData("王", "王小明")]
    [InlineData("a", "a😀")]
    [InlineData("😀", "😀x")]
    [InlineData("\ud7ff", "\ud7ff\U0001F600")]
    public void Every_string_with_the_prefix_sorts_below_the_upper_bound_byte_wise(string prefix, string value)
    {
        var upper = Text.PrefixUpperBound(prefix);
        Assert.True(Utf8Compare(value, prefix) >= 0);
        Assert.True(Utf8Compare(value, upper) < 0, $"{value} is not below the bound of {prefix}");
        Assert.True(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(upper)) == upper, "the bound must be valid UTF-16 (no lone surrogate)");
    }

    [Theory]
    [InlineData("wan", "wao")]
    [InlineData("wan", "wb")]
    [InlineData("王", "玊")]
    public void Strings_without_the_prefix_sort_outside_the_range(string prefix, string value)
    {
        var inRange = Utf8Compare(value, prefix) >= 0 && Utf8Compare(value, Text.PrefixUpperBound(prefix)) < 0;
        Assert.False(inRange);
    }

    // SQLite's BINARY collation and PostgreSQL's "C" collation compare the UTF-8 bytes.
    private static int Utf8Compare(string a, string b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
