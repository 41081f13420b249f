using System.Globalization;
using System.Text;

namespace Cadre.Common;

public static class Text
{
    /// A search key: lower case, accents removed, single spaces. Compared byte-wise on both engines,
    /// so a prefix search is an index range scan.
    public static string SearchKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var decomposed = value.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// The first string that sorts after every string starting with prefix (byte-wise / ordinal).
    public static string PrefixUpperBound(string prefix) => prefix + "\uffff";
}
