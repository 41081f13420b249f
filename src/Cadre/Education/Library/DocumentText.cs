using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cadre.Common;

namespace Cadre.Education.Library;

/// A heading of a document, with the anchor a reading may point at (#the-class-struggle).
public sealed record DocumentHeading(int Level, string Title, string Anchor);

/// Turns a version's text, whatever its format, into what is shown (safe HTML with heading anchors), what is searched
/// (plain text) and what the CJK index holds (the paragraphs with Chinese, Japanese or Korean characters).
public static partial class DocumentText
{
    /// Markdown for display and headings: HTML is converted (headings, paragraphs, lists) and its tags dropped, so no markup
    /// from an upload ever reaches a page; plain text keeps its line breaks.
    public static string AsMarkdown(DocumentFormat format, string body) => format switch
    {
        DocumentFormat.Html => HtmlToMarkdown(body),
        DocumentFormat.PlainText => string.Join("\n\n", Paragraphs(body).Select(EscapeMarkdown)),
        _ => body,
    };

    public static string ToHtml(DocumentFormat format, string body)
    {
        var html = Markdown.ToHtml(AsMarkdown(format, body));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return HeadingTag().Replace(html, m =>
        {
            var anchor = Unique(Anchor(WebUtility.HtmlDecode(Tags().Replace(m.Groups[2].Value, ""))), seen);
            return $"<h{m.Groups[1].Value} id=\"{anchor}\">{m.Groups[2].Value}</h{m.Groups[1].Value}>";
        });
    }

    public static string ToPlainText(DocumentFormat format, string body) =>
        format == DocumentFormat.PlainText ? body.Trim() : Markdown.ToPlainText(AsMarkdown(format, body));

    public static IReadOnlyList<DocumentHeading> Headings(DocumentFormat format, string body)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var headings = new List<DocumentHeading>();
        var fenced = false;
        foreach (var raw in AsMarkdown(format, body).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            if (fenced) continue;
            var match = MarkdownHeading().Match(line);
            if (!match.Success) continue;
            var title = Markdown.ToPlainText(match.Groups[2].Value.TrimEnd('#', ' '));
            headings.Add(new DocumentHeading(match.Groups[1].Length, title, Unique(Anchor(title), seen)));
        }
        return headings;
    }

    /// A heading's anchor: lower case, letters and digits of any script, words joined by hyphens (as GitHub does).
    public static string Anchor(string title)
    {
        var builder = new StringBuilder();
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if ((c is ' ' or '-' or '_') && builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var anchor = builder.ToString().Trim('-');
        return anchor.Length == 0 ? "section" : anchor;
    }

    /// The paragraphs of the plain text holding CJK characters: what the trigram index searches.
    public static string CjkParagraphs(string plainText) =>
        string.Join("\n", plainText.Split('\n').Where(ContainsCjk).Select(l => l.Trim()));

    public static bool ContainsCjk(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (IsCjk(text, i)) return true;
        return false;
    }

    /// Han (with the extension planes), Hiragana, Katakana, Hangul syllables and jamo: scripts written without spaces
    /// between words (Korean has spaces, but its particles cling to the words, so a word search misses them too).
    public static bool IsCjk(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length)
        {
            var code = char.ConvertToUtf32(c, text[index + 1]);
            return code is >= 0x20000 and <= 0x3FFFF;
        }
        return c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F') or (>= '\uF900' and <= '\uFAFF');
    }

    private static string Unique(string anchor, Dictionary<string, int> seen)
    {
        if (!seen.TryGetValue(anchor, out var count))
        {
            seen[anchor] = 1;
            return anchor;
        }
        seen[anchor] = count + 1;
        return $"{anchor}-{count}";
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0);

    // Plain text is shown as written: characters Markdown would read as markup are escaped.
    private static string EscapeMarkdown(string paragraph)
    {
        var builder = new StringBuilder(paragraph.Length + 16);
        foreach (var line in paragraph.Split('\n'))
        {
            if (builder.Length > 0) builder.Append("  \n");
            foreach (var c in line)
            {
                if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '<' or '>' or '|' or '~' or '!' or '-' or '+' or '=') builder.Append('\\');
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static string HtmlToMarkdown(string html)
    {
        var text = DroppedElements().Replace(html, "");
        text = HtmlHeading().Replace(text, m => $"\n\n{new string('#', m.Groups[1].Value[0] - '0')} {Inline(m.Groups[2].Value)}\n\n");
        text = ListItem().Replace(text, "\n- ");
        text = BlockBreak().Replace(text, "\n\n");
        text = LineBreak().Replace(text, "  \n");
        text = WebUtility.HtmlDecode(Tags().Replace(text, ""));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim());
        return ExtraBlankLines().Replace(string.Join("\n", lines), "\n\n").Trim();
    }

    private static string Inline(string html) => WebUtility.HtmlDecode(Tags().Replace(html, "")).Replace('\n', ' ').Trim();

    [GeneratedRegex(@"<h([1-6])>(.*?)</h\1>", RegexOptions.Singleline)]
    private static partial Regex HeadingTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^(#{1,6})\s+(.+)$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"<(script|style|head|template)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex DroppedElements();

    [GeneratedRegex(@"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlHeading();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"</?(p|div|section|article|blockquote|ul|ol|table|tr|pre)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBreak();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
