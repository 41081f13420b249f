using System.Globalization;
using System.Net;
using System.Text;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Library;

/// Full-text search of the current versions: FTS5 with bm25 on SQLite, tsvector with ts_rank on PostgreSQL, and a
/// trigram index for CJK text on both. The query is built from SearchQuery's terms as bound parameters (and FTS5
/// strings quoted by SearchQuery), so nothing a reader types is ever read as query syntax.
internal static class LibrarySearch
{
    // Private-use characters mark the highlights in the engine's snippet; the text around them is HTML-escaped, then
    // they become <mark> tags. A document cannot smuggle markup in: its own text is escaped like everything else.
    private const string Open = "\uE000";
    private const string Close = "\uE001";

    public const int MaxOffset = 1_000;

    public sealed class Hit
    {
        public int DocumentId { get; set; }

        public double Score { get; set; }
    }

    private sealed class SnippetRow
    {
        public int DocumentId { get; set; }

        public string? Snippet { get; set; }
    }

    public sealed record Page(IReadOnlyList<Hit> Hits, bool More, IReadOnlyDictionary<int, string> Snippets);

    public static async Task<Page> RunAsync(CadreDbContext db, SearchQuery query, LibraryFilter filter, int offset, int take, CancellationToken ct)
    {
        var parameters = new List<object>();
        string P(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }
        var sql = db.IsPostgres ? Postgres(query, P) : Sqlite(query, P);
        sql.Append(Filters(filter, P));
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY \"Score\" DESC, d.\"Id\" LIMIT {take + 1} OFFSET {offset}");
        var hits = await db.Database.SqlQueryRaw<Hit>(sql.ToString(), parameters.ToArray()).ToListAsync(ct);
        var more = hits.Count > take;
        if (more) hits.RemoveAt(hits.Count - 1);
        var snippets = hits.Count == 0 ? new Dictionary<int, string>() : await SnippetsAsync(db, query, hits.Select(h => h.DocumentId).ToList(), ct);
        return new Page(hits, more, snippets);
    }

    private static StringBuilder Sqlite(SearchQuery query, Func<object, string> p)
    {
        var sql = new StringBuilder();
        var cjk = query.Fts5Cjk();
        if (query.HasWords)
        {
            // bm25 is lower for a better match; the title counts ten times, the author five times as much as the text.
            sql.Append("""SELECT d."Id" AS "DocumentId", -bm25("LibraryFts", 10.0, 5.0, 1.0) AS "Score" FROM "LibraryFts" JOIN "Documents" d ON d."Id" = "LibraryFts".rowid""");
            sql.Append(CultureInfo.InvariantCulture, $" WHERE \"LibraryFts\" MATCH {p(query.Fts5Words())}");
            if (cjk.Length > 0) sql.Append(CultureInfo.InvariantCulture, $" AND d.\"Id\" IN (SELECT rowid FROM \"LibraryCjk\" WHERE \"LibraryCjk\" MATCH {p(cjk)})");
        }
        else if (cjk.Length > 0)
        {
            sql.Append("""SELECT d."Id" AS "DocumentId", -bm25("LibraryCjk", 2.0, 1.0) AS "Score" FROM "LibraryCjk" JOIN "Documents" d ON d."Id" = "LibraryCjk".rowid""");
            sql.Append(CultureInfo.InvariantCulture, $" WHERE \"LibraryCjk\" MATCH {p(cjk)}");
        }
        else sql.Append("""SELECT d."Id" AS "DocumentId", 0.0 AS "Score" FROM "Documents" d WHERE 1 = 1""");
        // One or two CJK characters are fewer than a trigram: those runs are found by a scan of the (small) CJK table.
        foreach (var run in query.Cjk.Where(r => !SearchQuery.IsTrigramSearchable(r)))
        {
            var pattern = p(LikePattern(run));
            sql.Append(CultureInfo.InvariantCulture,
                $" AND d.\"Id\" IN (SELECT rowid FROM \"LibraryCjk\" WHERE \"Title\" LIKE {pattern} ESCAPE '\\' OR \"Body\" LIKE {pattern} ESCAPE '\\')");
        }
        return sql;
    }

    private static StringBuilder Postgres(SearchQuery query, Func<object, string> p)
    {
        var sql = new StringBuilder();
        var score = new List<string>();
        if (query.HasWords)
        {
            score.Add("ts_rank(s.\"Vector\", q.q, 1)");
            sql.Append(CultureInfo.InvariantCulture, $"SELECT d.\"Id\" AS \"DocumentId\", {{SCORE}} AS \"Score\" FROM \"LibrarySearch\" s JOIN \"Documents\" d ON d.\"Id\" = s.\"DocumentId\" CROSS JOIN (SELECT {TsQuery(query, p)} AS q) q WHERE s.\"Vector\" @@ q.q");
        }
        else sql.Append("""SELECT d."Id" AS "DocumentId", {SCORE} AS "Score" FROM "LibrarySearch" s JOIN "Documents" d ON d."Id" = s."DocumentId" WHERE 1 = 1""");
        foreach (var run in query.Cjk)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND s.\"Cjk\" LIKE {p(LikePattern(run))} ESCAPE '\\'");
            // How often the run occurs, damped by the length of the text: the trigram index finds, this orders.
            var r = p(run);
            if (!query.HasWords)
                score.Add($"(length(s.\"Cjk\") - length(replace(s.\"Cjk\", {r}, '')))::float8 / length({r}) / (1 + ln(1 + length(s.\"Cjk\")))");
        }
        sql.Replace("{SCORE}", score.Count == 0 ? "0.0::float8" : "(" + string.Join(" + ", score) + ")::float8");
        return sql;
    }

    /// One tsquery: for each configuration in use, every word and phrase stemmed its way; a document matches in its own.
    private static string TsQuery(SearchQuery query, Func<object, string> p)
    {
        var words = query.Words.Count == 0 ? null : p(string.Join(" ", query.Words));
        var phrases = query.Phrases.Select(ph => p(string.Join(" ", ph))).ToList();
        var configurations = LibrarySearchSql.Languages.Select(LibrarySearchSql.Configuration);
        return "(" + string.Join(" || ", configurations.Select(c =>
        {
            var parts = new List<string>();
            if (words is not null) parts.Add($"plainto_tsquery('{c}', {words})");
            parts.AddRange(phrases.Select(ph => $"phraseto_tsquery('{c}', {ph})"));
            return "(" + string.Join(" && ", parts) + ")";
        })) + ")";
    }

    private static string Filters(LibraryFilter filter, Func<object, string> p)
    {
        var sql = new StringBuilder();
        if (filter.Kind is { } kind) sql.Append(CultureInfo.InvariantCulture, $" AND d.\"Kind\" = {p((int)kind)}");
        if (!string.IsNullOrWhiteSpace(filter.Language)) sql.Append(CultureInfo.InvariantCulture, $" AND d.\"Language\" = {p(filter.Language.Trim())}");
        if (Text.SearchKey(filter.Author) is { Length: > 0 } author)
            sql.Append(CultureInfo.InvariantCulture, $" AND d.\"AuthorKey\" >= {p(author)} AND d.\"AuthorKey\" < {p(Text.PrefixUpperBound(author))}");
        if (filter.YearFrom is { } from) sql.Append(CultureInfo.InvariantCulture, $" AND d.\"Year\" >= {p(from)}");
        if (filter.YearTo is { } to) sql.Append(CultureInfo.InvariantCulture, $" AND d.\"Year\" <= {p(to)}");
        return sql.ToString();
    }

#pragma warning disable EF1002 // Only ids this search read from the database (integers) are written into the SQL; every term is a parameter.
    private static async Task<Dictionary<int, string>> SnippetsAsync(CadreDbContext db, SearchQuery query, List<int> ids, CancellationToken ct)
    {
        var list = string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        List<SnippetRow> rows;
        if (query.HasWords && db.IsPostgres)
        {
            var parameters = new List<object>();
            string P(object value)
            {
                parameters.Add(value);
                return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
            }
            var tsquery = TsQuery(query, P);
            var options = P($"StartSel={Open}, StopSel={Close}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"");
            rows = await db.Database.SqlQueryRaw<SnippetRow>(
                $"SELECT s.\"DocumentId\", ts_headline(s.\"Config\", s.\"Body\", q.q, {options}) AS \"Snippet\" FROM \"LibrarySearch\" s CROSS JOIN (SELECT {tsquery} AS q) q WHERE s.\"DocumentId\" IN ({list})",
                parameters.ToArray()).ToListAsync(ct);
        }
        else if (query.HasWords)
        {
            rows = await db.Database.SqlQueryRaw<SnippetRow>(
                $"SELECT rowid AS \"DocumentId\", snippet(\"LibraryFts\", -1, {{0}}, {{1}}, '…', 24) AS \"Snippet\" FROM \"LibraryFts\" WHERE \"LibraryFts\" MATCH {{2}} AND rowid IN ({list})",
                Open, Close, query.Fts5Words()).ToListAsync(ct);
        }
        else
        {
            // CJK alone: the snippet is cut around the first occurrence here, the same on both engines (ts_headline knows no substrings).
            var texts = db.IsPostgres
                ? await db.Database.SqlQueryRaw<SnippetRow>($"SELECT \"DocumentId\", \"Cjk\" AS \"Snippet\" FROM \"LibrarySearch\" WHERE \"DocumentId\" IN ({list})").ToListAsync(ct)
                : await db.Database.SqlQueryRaw<SnippetRow>($"SELECT rowid AS \"DocumentId\", \"Title\" || char(10) || \"Body\" AS \"Snippet\" FROM \"LibraryCjk\" WHERE rowid IN ({list})").ToListAsync(ct);
            rows = texts.Select(t => new SnippetRow { DocumentId = t.DocumentId, Snippet = CjkSnippet(t.Snippet ?? "", query.Cjk) }).ToList();
        }
        return rows.Where(r => r.Snippet is not null).ToDictionary(r => r.DocumentId, r => Html(r.Snippet!));
    }
#pragma warning restore EF1002

    /// About sixty characters around the first run found, with every occurrence of a run marked.
    internal static string CjkSnippet(string text, IReadOnlyList<string> runs)
    {
        var first = runs.Select(r => text.IndexOf(r, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - 30);
        var end = Math.Min(text.Length, first + 60);
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        var cut = text[start..end].Replace('\n', ' ');
        foreach (var run in runs.OrderByDescending(r => r.Length)) cut = cut.Replace(run, Open + run + Close, StringComparison.Ordinal);
        return (start > 0 ? "…" : "") + cut + (end < text.Length ? "…" : "");
    }

    /// The snippet as HTML: everything escaped, then the engine's highlight marks turned into mark elements.
    internal static string Html(string snippet)
    {
        var builder = new StringBuilder(snippet.Length + 32);
        var open = false;
        foreach (var part in snippet.Split([Open, Close], StringSplitOptions.None).Select((text, i) => (text, i)))
        {
            if (part.i > 0)
            {
                builder.Append(open ? "</mark>" : "<mark>");
                open = !open;
            }
            builder.Append(WebUtility.HtmlEncode(part.text));
        }
        if (open) builder.Append("</mark>");
        return builder.ToString();
    }

    private static string LikePattern(string run) =>
        "%" + run.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
