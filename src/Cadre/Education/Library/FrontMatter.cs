using System.Globalization;

namespace Cadre.Education.Library;

/// The front matter of a library file: a block of "name: value" lines between two "---" lines at the top, read
/// strictly (an unknown name, a bad year or kind, a missing closing line are errors naming the line). Lists are
/// written [a, b] or a, b; values may be quoted.
public static class FrontMatter
{
    public sealed record Parsed(DocumentDraft Draft, string? Note, bool HasKey);

    private static readonly string[] Names = ["key", "title", "author", "year", "kind", "language", "lang", "tags", "source", "note", "format"];

    /// Reads a file's text into a draft; the key and the title fall back to fallbackKey and the first heading.
    public static Common.Result<Parsed> Read(string fileName, string text, string fallbackKey, DocumentFormat format)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var bodyStart = 0;
        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            var closed = false;
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd();
                if (line is "---" or "...")
                {
                    closed = true;
                    bodyStart = i + 1;
                    break;
                }
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0) return new FrontMatterInvalid(fileName, i + 1, $"'{Shorten(line)}' is not a 'name: value' line.");
                var name = line[..colon].Trim().ToLowerInvariant();
                if (!Names.Contains(name)) return new FrontMatterInvalid(fileName, i + 1, $"'{name}' is not a field of a document (use {string.Join(", ", Names.Where(n => n != "lang"))}).");
                if (values.ContainsKey(name)) return new FrontMatterInvalid(fileName, i + 1, $"'{name}' is given twice.");
                values[name] = (Unquote(line[(colon + 1)..].Trim()), i + 1);
            }
            if (!closed) return new FrontMatterInvalid(fileName, 1, "The front matter opened on line 1 is never closed with a '---' line.");
        }

        var draft = new DocumentDraft { Key = fallbackKey, Format = format };
        if (values.TryGetValue("format", out var f))
        {
            if (!Enum.TryParse<DocumentFormat>(f.Value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsedFormat) || !Enum.IsDefined(parsedFormat))
                return new FrontMatterInvalid(fileName, f.Line, $"'{f.Value}' is not a format (markdown, plaintext or html).");
            draft = draft with { Format = parsedFormat };
        }
        if (values.TryGetValue("key", out var key)) draft = draft with { Key = key.Value };
        if (values.TryGetValue("year", out var year))
        {
            if (!int.TryParse(year.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1 or > 9999)
                return new FrontMatterInvalid(fileName, year.Line, $"The year '{year.Value}' is not a year such as 1992.");
            draft = draft with { Year = y };
        }
        if (values.TryGetValue("kind", out var kind))
        {
            if (!Enum.TryParse<DocumentKind>(kind.Value, ignoreCase: true, out var k) || !Enum.IsDefined(k) || int.TryParse(kind.Value, out _))
                return new FrontMatterInvalid(fileName, kind.Line,
                    $"'{kind.Value}' is not a kind of document ({string.Join(", ", Enum.GetNames<DocumentKind>().Select(n => n.ToLowerInvariant()))}).");
            draft = draft with { Kind = k };
        }
        var language = values.GetValueOrDefault("language", values.GetValueOrDefault("lang"));
        if (language.Value is not null) draft = draft with { Language = language.Value.ToLowerInvariant() };
        if (values.TryGetValue("tags", out var tags))
            draft = draft with { Tags = tags.Value.Trim('[', ']').Split(',').Select(t => Unquote(t.Trim())).Where(t => t.Length > 0).ToList() };
        if (values.TryGetValue("author", out var author)) draft = draft with { Author = author.Value };
        if (values.TryGetValue("source", out var source)) draft = draft with { Source = source.Value };

        var body = string.Join("\n", lines.Skip(bodyStart)).Trim('\n');
        var title = values.TryGetValue("title", out var t) ? t.Value : FirstHeading(body) ?? Path.GetFileNameWithoutExtension(fileName);
        draft = draft with { Title = title, Body = body };
        return new Parsed(draft, values.TryGetValue("note", out var note) ? note.Value : null, values.ContainsKey("key"));
    }

    private static string? FirstHeading(string body) =>
        body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')) ? value[1..^1] : value;

    private static string Shorten(string line) => line.Length > 40 ? line[..40] + "…" : line;
}
