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

    /// The first string that sorts after every string starting with prefix, byte-wise in UTF-8 as both engines
    /// compare search keys: the prefix with its last character raised by one. (Appending U+FFFF would let names
    /// with characters above it, emoji or rare CJK, fall out of the range.)
    public static string PrefixUpperBound(string prefix)
    {
        if (prefix.Length == 0) return "\U0010FFFF";
        var last = prefix[^1];
        if (last is '\uffff' or '\udfff' || char.IsHighSurrogate(last)) return prefix + "\U0010FFFF";
        // Never end on a lone surrogate: after U+D7FF comes U+E000.
        return prefix[..^1] + (last == '\ud7ff' ? '\ue000' : (char)(last + 1));
    }

    /// The digits of a phone number, for search: separators and the leading + are left out. Null when there are none.
    public static string? PhoneKey(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : digits;
    }
}
