using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Education.Library;

public enum DocumentKind
{
    Programme = 1,
    Statute = 2,
    Resolution = 3,
    Work = 4,
    Article = 5,
    Lecture = 6,
    Other = 7,
}

public enum DocumentFormat
{
    Markdown = 1,
    PlainText = 2,
    Html = 3,
}

/// What a document is and says, as a form or an import gives it.
public sealed record DocumentDraft
{
    public string Key { get; init; } = "";

    public string Title { get; init; } = "";

    public string? Author { get; init; }

    public int? Year { get; init; }

    public DocumentKind Kind { get; init; } = DocumentKind.Work;

    public string Language { get; init; } = "en";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Source { get; init; }

    public DocumentFormat Format { get; init; } = DocumentFormat.Markdown;

    public string Body { get; init; } = "";
}

/// A document of the party's library: its description here, its text in versions (a statute amended by a congress
/// keeps the earlier ones). Published by an organization, whose education officers may revise it; read by every member.
public sealed class Document : IAudited
{
    public const int KeyMaxLength = 120;
    public const int TitleMaxLength = 300;
    public const int AuthorMaxLength = 200;
    public const int LanguageMaxLength = 16;
    public const int TagsMaxLength = 500;
    public const int SourceMaxLength = 500;
    public const int NoteMaxLength = 1000;

    /// Characters of text one version may hold (about 500 pages); PostgreSQL's tsvector of it stays under its 1 MB limit.
    public const int BodyMaxLength = 1_000_000;

    private readonly List<DocumentVersion> versions = [];

    private Document()
    {
    }

    public int Id { get; private set; }

    /// The stable identifier an import matches on (a slug: lower-case letters, digits and hyphens).
    public string Key { get; private set; } = "";

    public int OrganizationId { get; private set; }

    public string Title { get; private set; } = "";

    public string TitleKey { get; private set; } = "";

    public string? Author { get; private set; }

    public string AuthorKey { get; private set; } = "";

    public int? Year { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// An ISO 639-1 code (en, de, ko, zh …); it chooses the stemming on PostgreSQL.
    public string Language { get; private set; } = "en";

    /// Tags separated by commas, each trimmed, in the order given.
    public string Tags { get; private set; } = "";

    public string? Source { get; private set; }

    /// The number of the version in force.
    public int CurrentVersion { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<DocumentVersion> Versions => versions;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public IReadOnlyList<string> TagList => SplitTags(Tags);

    public static Result<Document> Publish(int organizationId, DocumentDraft draft, string? note, string recordedBy, DateTime now)
    {
        if (Check(draft, note) is { } invalid) return invalid;
        var document = new Document { Key = draft.Key.Trim(), OrganizationId = organizationId };
        document.Describe(draft);
        document.AddVersion(draft, note, recordedBy, now);
        return document;
    }

    /// Applies a new draft: a changed text or title is a new version; a changed description alone changes the document.
    /// Returns whether anything changed (a re-import of the same file changes nothing).
    public Result<bool> Revise(DocumentDraft draft, DocumentVersion current, string? note, string recordedBy, DateTime now)
    {
        if (Check(draft, note) is { } invalid) return invalid;
        var textChanged = current.Title != draft.Title.Trim() || current.Body != draft.Body || current.Format != draft.Format;
        var described = Describe(draft);
        if (textChanged) AddVersion(draft, note, recordedBy, now);
        if (!textChanged && !described) return false;
        UpdatedAt = now;
        Version++;
        return true;
    }

    public static ValidationFailed? Check(DocumentDraft draft, string? note)
    {
        var errors = new List<InvalidField>();
        if (!IsKey(draft.Key.Trim()))
            errors.Add(new InvalidField(nameof(DocumentDraft.Key), $"The key is 1 to {KeyMaxLength} lower-case letters, digits and hyphens, such as party-programme."));
        if (string.IsNullOrWhiteSpace(draft.Title)) errors.Add(new InvalidField(nameof(DocumentDraft.Title), "Give the title."));
        else if (draft.Title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField(nameof(DocumentDraft.Title), $"The title has at most {TitleMaxLength} characters."));
        if (draft.Author?.Trim().Length > AuthorMaxLength) errors.Add(new InvalidField(nameof(DocumentDraft.Author), $"The author has at most {AuthorMaxLength} characters."));
        if (draft.Year is < 1 or > 9999) errors.Add(new InvalidField(nameof(DocumentDraft.Year), "The year is a number such as 1992."));
        if (!Enum.IsDefined(draft.Kind)) errors.Add(new InvalidField(nameof(DocumentDraft.Kind), "That is not a kind of document."));
        if (!IsLanguage(draft.Language))
            errors.Add(new InvalidField(nameof(DocumentDraft.Language), "The language is a two- or three-letter code such as en, de, ko or zh."));
        if (string.Join(", ", CleanTags(draft.Tags)).Length > TagsMaxLength)
            errors.Add(new InvalidField(nameof(DocumentDraft.Tags), $"The tags have at most {TagsMaxLength} characters in all."));
        if (draft.Source?.Trim().Length > SourceMaxLength) errors.Add(new InvalidField(nameof(DocumentDraft.Source), $"The source has at most {SourceMaxLength} characters."));
        if (!Enum.IsDefined(draft.Format)) errors.Add(new InvalidField(nameof(DocumentDraft.Format), "The format is Markdown, PlainText or Html."));
        if (string.IsNullOrWhiteSpace(draft.Body)) errors.Add(new InvalidField(nameof(DocumentDraft.Body), "The document has no text."));
        else if (draft.Body.Length > BodyMaxLength)
            errors.Add(new InvalidField(nameof(DocumentDraft.Body), $"The text has {draft.Body.Length:N0} characters; a document holds at most {BodyMaxLength:N0}."));
        if (note?.Length > NoteMaxLength) errors.Add(new InvalidField("Note", $"The note has at most {NoteMaxLength} characters."));
        return errors.Count == 0 ? null : new ValidationFailed(errors);
    }

    public static bool IsKey(string key) =>
        key.Length is > 0 and <= KeyMaxLength && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && key[0] != '-' && key[^1] != '-';

    private static bool IsLanguage(string? language) =>
        language is { Length: >= 2 and <= LanguageMaxLength } && language.Split('-')[0] is { Length: 2 or 3 } primary && primary.All(char.IsAsciiLetterLower)
        && language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// A slug for a title: lower-case ASCII letters and digits joined by hyphens ("The Party's Programme" → the-partys-programme).
    public static string Slug(string title)
    {
        var key = Text.SearchKey(title);
        var builder = new System.Text.StringBuilder();
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (c is ' ' or '-' or '_' or '/' && builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > KeyMaxLength) slug = slug[..KeyMaxLength].Trim('-');
        return slug;
    }

    public static IReadOnlyList<string> SplitTags(string tags) =>
        tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> CleanTags(IEnumerable<string> tags) =>
        tags.SelectMany(t => SplitTags(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private bool Describe(DocumentDraft draft)
    {
        var before = (Title, Author, Year, Kind, Language, Tags, Source);
        Title = draft.Title.Trim();
        TitleKey = Text.SearchKey(Title);
        Author = string.IsNullOrWhiteSpace(draft.Author) ? null : draft.Author.Trim();
        AuthorKey = Text.SearchKey(Author);
        Year = draft.Year;
        Kind = draft.Kind;
        Language = draft.Language.Trim();
        Tags = string.Join(", ", CleanTags(draft.Tags));
        Source = string.IsNullOrWhiteSpace(draft.Source) ? null : draft.Source.Trim();
        return before != (Title, Author, Year, Kind, Language, Tags, Source);
    }

    private void AddVersion(DocumentDraft draft, string? note, string recordedBy, DateTime now)
    {
        CurrentVersion++;
        versions.Add(new DocumentVersion(CurrentVersion, draft.Title.Trim(), draft.Format, draft.Body,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), recordedBy, now));
        UpdatedAt = now;
    }
}

/// One version of a document's text, never changed once recorded. The document's audit entry records each new one.
public sealed class DocumentVersion
{
    private DocumentVersion()
    {
    }

    internal DocumentVersion(int number, string title, DocumentFormat format, string body, string? note, string recordedBy, DateTime recordedAt)
    {
        Number = number;
        Title = title;
        Format = format;
        Body = body;
        Note = note;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }

    public int DocumentId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public DocumentFormat Format { get; private set; }

    public string Body { get; private set; } = "";

    /// Why this version exists ("Amended by the 3rd Congress").
    public string? Note { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }
}
