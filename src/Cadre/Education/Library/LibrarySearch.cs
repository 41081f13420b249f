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

    private const int SnippetWindow = 3_000;
    private const int SnippetSearched = 50_000;

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
        var sql = db.IsPostgres ? Postgres(query, filter, offset, take, P) : Sqlite(query, filter, offset, take, P);
        var hits = await db.Database.SqlQueryRaw<Hit>(sql.ToString(), parameters.ToArray()).ToListAsync(ct);
        var more = hits.Count > take;
        if (more) hits.RemoveAt(hits.Count - 1);
        var snippets = hits.Count == 0 ? new Dictionary<int, string>() : await SnippetsAsync(db, query, hits.Select(h => h.DocumentId).ToList(), ct);
        return new Page(hits, more, snippets);
    }

    private static StringBuilder Sqlite(SearchQuery query, LibraryFilter filter, int offset, int take, Func<object, string> p)
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
        sql.Append(Filters(filter, p)).Append(Ranked("d.\"Id\"", offset, take));
        return sql;
    }

    /// On PostgreSQL words are matched by the GIN index (cadre_library_matches) and ranked by BM25 over the term rows
    /// (LibrarySearchSql.PostgresTermsUp, decision 0076): k1 1.2, b 0.75, the idf ln(1 + (N - df + 0.5) / (df + 0.5)). A
    /// quoted phrase is first matched as its words; the phrase itself is then checked on the ranked candidates in rank
    /// order, only until the page is full, since checking it means reading a document's whole vector.
    private static StringBuilder Postgres(SearchQuery query, LibraryFilter filter, int offset, int take, Func<object, string> p)
    {
        var sql = new StringBuilder();
        if (!query.HasWords)
        {
            var score = new List<string>();
            sql.Append("""SELECT d."Id" AS "DocumentId", {SCORE} AS "Score" FROM "LibrarySearch" s JOIN "Documents" d ON d."Id" = s."DocumentId" WHERE 1 = 1""");
            foreach (var run in query.Cjk)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND s.\"Cjk\" LIKE {p(LikePattern(run))} ESCAPE '\\'");
                // How often the run occurs, damped by the length of the text: the trigram index finds, this orders.
                var r = p(run);
                score.Add($"(length(s.\"Cjk\") - length(replace(s.\"Cjk\", {r}, '')))::float8 / length({r}) / (1 + ln(1 + length(s.\"Cjk\")))");
            }
            sql.Replace("{SCORE}", score.Count == 0 ? "0.0::float8" : "(" + string.Join(" + ", score) + ")::float8");
            sql.Append(Filters(filter, p)).Append(Ranked("d.\"Id\"", offset, take));
            return sql;
        }

        var phrased = query.Phrases.Count > 0;
        sql.Append(CultureInfo.InvariantCulture, $"""
            WITH q AS MATERIALIZED (SELECT {TsQuery(query, p)} AS q, {(phrased ? TsQuery(query.PhrasesAsWords(), p) : "NULL::tsquery")} AS loose),
            lex AS MATERIALIZED (SELECT DISTINCT l FROM unnest({Lexemes(query, p)}) l),
            m AS MATERIALIZED (SELECT id FROM cadre_library_matches((SELECT {(phrased ? "loose" : "q")} FROM q)) id),
            st AS MATERIALIZED (SELECT greatest(count(*), 1)::float8 AS n, greatest(avg("Words"), 1)::float8 AS avgdl FROM "LibraryLengths"),
            tl AS MATERIALIZED (SELECT t."Lexeme", t."DocumentId", t."Weight", t."Words" FROM "LibraryTerms" t WHERE t."Lexeme" IN (SELECT l FROM lex)),
            df AS MATERIALIZED (SELECT "Lexeme", count(*)::float8 AS df FROM tl GROUP BY "Lexeme"),
            sc AS (
                SELECT tl."DocumentId", sum(ln(1 + (st.n - df.df + 0.5) / (df.df + 0.5))
                    * tl."Weight" * 2.2 / (tl."Weight" + 1.2 * (0.25 + 0.75 * tl."Words" / st.avgdl))) AS score
                FROM tl JOIN df ON df."Lexeme" = tl."Lexeme" CROSS JOIN st
                WHERE tl."DocumentId" IN (SELECT id FROM m) GROUP BY tl."DocumentId")
            """);
        // The documents' own columns are read only to filter by them: without a filter the matches need no join.
        var filters = Filters(filter, p);
        var candidates = new StringBuilder("""SELECT m.id AS "DocumentId", coalesce(sc.score, 0)::float8 AS "Score" FROM m LEFT JOIN sc ON sc."DocumentId" = m.id""");
        if (filters.Length > 0) candidates.Append(""" JOIN "Documents" d ON d."Id" = m.id""");
        if (query.Cjk.Count > 0)
        {
            candidates.Append(""" JOIN "LibrarySearch" s ON s."DocumentId" = m.id WHERE 1 = 1""");
            foreach (var run in query.Cjk) candidates.Append(CultureInfo.InvariantCulture, $" AND s.\"Cjk\" LIKE {p(LikePattern(run))} ESCAPE '\\'");
        }
        else candidates.Append(" WHERE 1 = 1");
        candidates.Append(filters);
        if (!phrased)
        {
            sql.Append(candidates).Append(Ranked("m.id", offset, take));
            return sql;
        }
        // OFFSET 0 keeps the sorted candidates a subquery of their own, so the phrase is checked as rows leave the sort.
        sql.Append(CultureInfo.InvariantCulture, $"""
            SELECT x."DocumentId", x."Score" FROM ({candidates} ORDER BY "Score" DESC, m.id OFFSET 0) x
            WHERE EXISTS (SELECT 1 FROM "LibrarySearch" v WHERE v."DocumentId" = x."DocumentId" AND v."Vector" @@ (SELECT q FROM q))
            {Ranked("x.\"DocumentId\"", offset, take)}
            """);
        return sql;
    }

    /// Best first, ties by document id; one row more than the page, to tell whether there is a next one.
    private static string Ranked(string id, int offset, int take) =>
        string.Create(CultureInfo.InvariantCulture, $" ORDER BY \"Score\" DESC, {id} LIMIT {take + 1} OFFSET {offset}");

    /// One tsquery: for each configuration in use, every word and phrase stemmed its way; a document matches in its own.
    /// Configurations that stem alike give the same alternative, and each is kept once: with sixteen copies of one lexeme
    /// the GIN index can no longer answer alone and reads every match's vector to check it (107 ms against 6 for a
    /// common word). Null when every word is a stop word everywhere, which matches nothing.
    private static string TsQuery(SearchQuery query, Func<object, string> p)
    {
        var words = query.Words.Count == 0 ? null : p(string.Join(" ", query.Words));
        var phrases = query.Phrases.Select(ph => p(string.Join(" ", ph))).ToList();
        var configurations = LibrarySearchSql.Languages.Select(LibrarySearchSql.Configuration);
        var alternatives = configurations.Select(c =>
        {
            var parts = new List<string>();
            if (words is not null) parts.Add($"plainto_tsquery('{c}', {words})");
            parts.AddRange(phrases.Select(ph => $"phraseto_tsquery('{c}', {ph})"));
            return "(" + string.Join(" && ", parts) + ")";
        });
        return $"(SELECT string_agg(DISTINCT '(' || a::text || ')', ' | ')::tsquery FROM unnest(ARRAY[{string.Join(", ", alternatives)}]) a WHERE numnode(a) > 0)";
    }

    /// Every lexeme the query's words and phrases stem to in any configuration: the term rows ranking reads.
    private static string Lexemes(SearchQuery query, Func<object, string> p)
    {
        var text = p(string.Join(" ", query.PhrasesAsWords().Words));
        return "(" + string.Join(" || ", LibrarySearchSql.Languages.Select(LibrarySearchSql.Configuration)
            .Select(c => $"tsvector_to_array(to_tsvector('{c}', {text}))")) + ")";
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
            var lexemes = Lexemes(query, P);
            var options = P($"StartSel={Open}, StopSel={Close}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"");
            // ts_headline parses all the text it is given, and a document may run to hundreds of thousands of characters:
            // it is given a window of 3,000 (about 450 words, room for both fragments) from 500 before the first place in
            // the first 50,000 characters where a lexeme of the query appears as written (most stems are a prefix of the
            // words they stem; lower case, as most running text is), or the beginning. Both cuts let PostgreSQL decompress
            // only the start of a long text, and neither copies it. The lexemes are stemmed once, beside the tsquery, not
            // for every document in the lateral look-up.
            rows = await db.Database.SqlQueryRaw<SnippetRow>($"""
                SELECT s."DocumentId", ts_headline(s."Config", substring(s."Body" FROM greatest(1, w.at - 500) FOR {SnippetWindow}), q.q, {options}) AS "Snippet"
                FROM "LibrarySearch" s CROSS JOIN (SELECT {tsquery} AS q, {lexemes} AS lexemes) q
                CROSS JOIN LATERAL (SELECT coalesce(min(nullif(strpos(left(s."Body", {SnippetSearched}), l), 0)), 1) AS at FROM unnest(q.lexemes) l) w
                WHERE s."DocumentId" IN ({list})
                """, parameters.ToArray()).ToListAsync(ct);
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
