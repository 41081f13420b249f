using System.Globalization;
using Cadre.Common;
using Cadre.Education.Library;

namespace Cadre.Web.Education;

/// An uploaded file and the form's fields made into a draft: the file's front matter (if any) first, what the form gives over it.
public static class LibraryForms
{
    public static Result<FrontMatter.Parsed> Draft(string fileName, string text, string? key, string? title, string? author, string? year, string? kind,
        string? language, string? tags, string? source, string? note)
    {
        var name = Path.GetFileName(fileName);
        var parsed = FrontMatter.Read(name, text, "", LibraryUploads.FormatOf(name));
        if (!parsed.IsSuccess) return parsed.Error;
        var draft = parsed.Value.Draft;
        if (!string.IsNullOrWhiteSpace(key)) draft = draft with { Key = key.Trim() };
        if (!string.IsNullOrWhiteSpace(title)) draft = draft with { Title = title.Trim() };
        if (!string.IsNullOrWhiteSpace(author)) draft = draft with { Author = author.Trim() };
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return new InvalidField("Year", "The year is a number such as 1992.");
            draft = draft with { Year = y };
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<DocumentKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k)) return new InvalidField("Kind", "That is not a kind of document.");
            draft = draft with { Kind = k };
        }
        if (!string.IsNullOrWhiteSpace(language)) draft = draft with { Language = language.Trim().ToLowerInvariant() };
        if (!string.IsNullOrWhiteSpace(tags)) draft = draft with { Tags = tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) };
        if (!string.IsNullOrWhiteSpace(source)) draft = draft with { Source = source.Trim() };
        return new FrontMatter.Parsed(draft, string.IsNullOrWhiteSpace(note) ? parsed.Value.Note : note.Trim(), parsed.Value.HasKey);
    }
}
