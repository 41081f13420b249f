using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Library;

public sealed record LibraryFilter
{
    /// Words to search for (stemmed), "a phrase", or CJK text; empty lists the library by title.
    public string? Query { get; init; }

    public DocumentKind? Kind { get; init; }

    public string? Language { get; init; }

    /// The author's name or its beginning (case and accents aside).
    public string? Author { get; init; }

    public int? YearFrom { get; init; }

    public int? YearTo { get; init; }

    public string? Cursor { get; init; }

    public int Take { get; init; } = 20;
}

/// One document in a list or a search result; SnippetHtml is escaped HTML with the matches in mark elements.
public sealed record DocumentRow(int Id, string Key, string Title, string? Author, int? Year, DocumentKind Kind, string Language,
    IReadOnlyList<string> Tags, int CurrentVersion, string? SnippetHtml, double? Score);

public sealed record VersionRow(int Number, string Title, string? Note, string RecordedBy, DateTime RecordedAt);

public sealed record DocumentView(int Id, string Key, int OrganizationId, string OrganizationName, string Title, string? Author, int? Year,
    DocumentKind Kind, string Language, IReadOnlyList<string> Tags, string? Source, int CurrentVersion, int ShownVersion, DocumentFormat Format,
    string Body, string Html, IReadOnlyList<DocumentHeading> Headings, IReadOnlyList<VersionRow> Versions, int Version, bool CanEdit);

public sealed record DocumentDiff(int Id, string Title, int From, int To, IReadOnlyList<DiffLine>? Lines);

public static class LibraryQueries
{
    public static async Task<Result<CursorPage<DocumentRow>>> ListAsync(CadreDbContext db, LibraryFilter filter, CancellationToken ct)
    {
        if (filter.Query?.Length > SearchQuery.MaxLength) return new SearchTooLong();
        if (filter.YearFrom is { } from && filter.YearTo is { } to && from > to) return new YearRangeReversed();
        var take = Math.Clamp(filter.Take, 1, 100);
        var query = SearchQuery.Parse(filter.Query);
        if (!string.IsNullOrWhiteSpace(filter.Query)) return await SearchAsync(db, query, filter, take, ct);

        var documents = Filtered(db.Documents.AsNoTracking(), filter);
        if (filter.Cursor is not null)
        {
            if (Cursor.Decode(filter.Cursor) is not { } c) return new InvalidCursor();
            var (lastKey, lastId) = (c.Key, (int)c.Id);
            documents = documents.Where(d => string.Compare(d.TitleKey, lastKey) > 0 || (d.TitleKey == lastKey && d.Id > lastId));
        }
        var rows = await documents.OrderBy(d => d.TitleKey).ThenBy(d => d.Id).Take(take + 1)
            .Select(d => new { d.Id, d.Key, d.Title, d.TitleKey, d.Author, d.Year, d.Kind, d.Language, d.Tags, d.CurrentVersion })
            .ToListAsync(ct);
        var next = rows.Count > take ? Cursor.Encode(rows[take - 1].TitleKey, rows[take - 1].Id) : null;
        return new CursorPage<DocumentRow>(rows.Take(take).Select(d => new DocumentRow(d.Id, d.Key, d.Title, d.Author, d.Year, d.Kind, d.Language,
            Document.SplitTags(d.Tags), d.CurrentVersion, null, null)).ToList(), next);
    }

    // Search results are ranked, so their cursor is a position in the ranking (at most LibrarySearch.MaxOffset deep).
    private static async Task<Result<CursorPage<DocumentRow>>> SearchAsync(CadreDbContext db, SearchQuery query, LibraryFilter filter, int take,
        CancellationToken ct)
    {
        var offset = 0;
        if (filter.Cursor is not null)
        {
            if (Cursor.Decode(filter.Cursor) is not { Key: "search" } c || c.Id < 0 || c.Id > LibrarySearch.MaxOffset) return new InvalidCursor();
            offset = (int)c.Id;
        }
        if (query.IsEmpty) return new CursorPage<DocumentRow>([], null);
        var page = await LibrarySearch.RunAsync(db, query, filter, offset, take, ct);
        var ids = page.Hits.Select(h => h.DocumentId).ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var rows = page.Hits.Where(h => documents.ContainsKey(h.DocumentId)).Select(h =>
        {
            var d = documents[h.DocumentId];
            return new DocumentRow(d.Id, d.Key, d.Title, d.Author, d.Year, d.Kind, d.Language, d.TagList, d.CurrentVersion,
                page.Snippets.GetValueOrDefault(d.Id), h.Score);
        }).ToList();
        var next = page.More && offset + take <= LibrarySearch.MaxOffset ? Cursor.Encode("search", offset + take) : null;
        return new CursorPage<DocumentRow>(rows, next);
    }

    private static IQueryable<Document> Filtered(IQueryable<Document> documents, LibraryFilter filter)
    {
        if (filter.Kind is { } kind) documents = documents.Where(d => d.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            var language = filter.Language.Trim();
            documents = documents.Where(d => d.Language == language);
        }
        if (Text.SearchKey(filter.Author) is { Length: > 0 } author)
        {
            var upper = Text.PrefixUpperBound(author);
            documents = documents.Where(d => string.Compare(d.AuthorKey, author) >= 0 && string.Compare(d.AuthorKey, upper) < 0);
        }
        if (filter.YearFrom is { } from) documents = documents.Where(d => d.Year >= from);
        if (filter.YearTo is { } to) documents = documents.Where(d => d.Year <= to);
        return documents;
    }

    /// A document with one of its versions (the current one unless asked), rendered, with its headings and all versions.
    public static async Task<Result<DocumentView>> GetAsync(CadreDbContext db, Actor actor, int id, int? versionNumber, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null) return new DocumentNotFound();
        var number = versionNumber ?? document.CurrentVersion;
        var version = await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.DocumentId == id && v.Number == number, ct);
        if (version is null) return new DocumentVersionNotFound(number);
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.Title, v.Note, v.RecordedBy, v.RecordedAt)).ToListAsync(ct);
        var organization = await db.Organizations.Where(o => o.Id == document.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        return new DocumentView(document.Id, document.Key, document.OrganizationId, organization, version.Title, document.Author, document.Year,
            document.Kind, document.Language, document.TagList, document.Source, document.CurrentVersion, version.Number, version.Format, version.Body,
            DocumentText.ToHtml(version.Format, version.Body), DocumentText.Headings(version.Format, version.Body), versions, document.Version,
            await actor.CanAsync(db, Permission.LibraryManage, document.OrganizationId, ct));
    }

    public static async Task<Result<DocumentDiff>> DiffAsync(CadreDbContext db, int id, int from, int to, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null) return new DocumentNotFound();
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id && (v.Number == from || v.Number == to)).ToListAsync(ct);
        var before = versions.FirstOrDefault(v => v.Number == from);
        var after = versions.FirstOrDefault(v => v.Number == to);
        if (before is null) return new DocumentVersionNotFound(from);
        if (after is null) return new DocumentVersionNotFound(to);
        return new DocumentDiff(id, document.Title, from, to, LineDiff.Compare(before.Body, after.Body));
    }

    /// The headings of the current version, for choosing the section a reading points at.
    public static async Task<IReadOnlyList<DocumentHeading>> HeadingsAsync(CadreDbContext db, int id, CancellationToken ct)
    {
        var version = await (from d in db.Documents
                             join v in db.DocumentVersions on new { DocumentId = d.Id, Number = d.CurrentVersion } equals new { v.DocumentId, v.Number }
                             where d.Id == id
                             select new { v.Format, v.Body }).SingleOrDefaultAsync(ct);
        return version is null ? [] : DocumentText.Headings(version.Format, version.Body);
    }
}
