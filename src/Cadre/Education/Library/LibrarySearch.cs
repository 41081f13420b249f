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

        /// Whether the hit came from the pruned search's candidates (PostgreSQL words, decision 0078) rather than from scoring every match.
        public bool Pruned { get; set; }
    }

    private sealed class SnippetRow
    {
        public int DocumentId { get; set; }

        public string? Snippet { get; set; }
    }

    public sealed record Page(IReadOnlyList<Hit> Hits, bool More, IReadOnlyDictionary<int, string> Snippets);

    /// depth: how many rows of each lexeme the pruned search reads, 0 to score every match; PrunedDepth's choice when null
    /// (tests set it to prune on a small library, and compare with 0).
    public static async Task<Page> RunAsync(CadreDbContext db, SearchQuery query, LibraryFilter filter, int offset, int take, CancellationToken ct,
        int? depth = null)
    {
        var parameters = new List<object>();
        string P(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }
        var sql = db.IsPostgres ? Postgres(query, filter, offset, take, depth, P) : Sqlite(query, filter, offset, take, P);
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
            sql.Append("""SELECT d."Id" AS "DocumentId", -bm25("LibraryFts", 10.0, 5.0, 1.0) AS "Score", false AS "Pruned" FROM "LibraryFts" JOIN "Documents" d ON d."Id" = "LibraryFts".rowid""");
            sql.Append(CultureInfo.InvariantCulture, $" WHERE \"LibraryFts\" MATCH {p(query.Fts5Words())}");
            if (cjk.Length > 0) sql.Append(CultureInfo.InvariantCulture, $" AND d.\"Id\" IN (SELECT rowid FROM \"LibraryCjk\" WHERE \"LibraryCjk\" MATCH {p(cjk)})");
        }
        else if (cjk.Length > 0)
        {
            sql.Append("""SELECT d."Id" AS "DocumentId", -bm25("LibraryCjk", 2.0, 1.0) AS "Score", false AS "Pruned" FROM "LibraryCjk" JOIN "Documents" d ON d."Id" = "LibraryCjk".rowid""");
            sql.Append(CultureInfo.InvariantCulture, $" WHERE \"LibraryCjk\" MATCH {p(cjk)}");
        }
        else sql.Append("""SELECT d."Id" AS "DocumentId", 0.0 AS "Score", false AS "Pruned" FROM "Documents" d WHERE 1 = 1""");
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
    private static StringBuilder Postgres(SearchQuery query, LibraryFilter filter, int offset, int take, int? depth, Func<object, string> p)
    {
        var sql = new StringBuilder();
        if (!query.HasWords)
        {
            // The index finds the rows (its recheck reads each match's text once); the score then reads a copy made once
            // per match (|| '' detoasts it, OFFSET 0 keeps it a row of its own), not the stored value in each of its
            // functions, each of which would decompress the whole CJK text again. A run of one or two characters gives
            // the trigram index nothing: it is looked for in the copy, among the documents with CJK text at all (<> ''
            // compares lengths first, without reading the text). Lengths are in bytes, which need no counting.
            var score = new List<string>();
            var where = Filters(filter, p);
            sql.Append("""SELECT s."DocumentId", {SCORE} AS "Score", false AS "Pruned" FROM "LibrarySearch" s""");
            if (where.Length > 0) sql.Append(" JOIN \"Documents\" d ON d.\"Id\" = s.\"DocumentId\"");
            sql.Append(""" CROSS JOIN LATERAL (SELECT s."Cjk" || '' AS cjk OFFSET 0) c WHERE s."Cjk" <> ''""");
            foreach (var run in query.Cjk)
            {
                var r = p(run);
                if (SearchQuery.IsTrigramSearchable(run)) sql.Append(CultureInfo.InvariantCulture, $" AND s.\"Cjk\" LIKE {p(LikePattern(run))} ESCAPE '\\'");
                else sql.Append(CultureInfo.InvariantCulture, $" AND strpos(c.cjk, {r}) > 0");
                // How often the run occurs, damped by the length of the text: the trigram index finds, this orders.
                score.Add($"(octet_length(c.cjk) - octet_length(replace(c.cjk, {r}, '')))::float8 / octet_length({r}) / (1 + ln(1 + octet_length(c.cjk)))");
            }
            sql.Replace("{SCORE}", score.Count == 0 ? "0.0::float8" : "(" + string.Join(" + ", score) + ")::float8");
            sql.Append(where).Append(Ranked("s.\"DocumentId\"", offset, take));
            return sql;
        }

        var phrased = query.Phrases.Count > 0;
        // A single word needs no match of its own: the documents that match it are those holding one of its lexemes, the
        // rows ranking reads anyway, unless some stemming makes the word more than one lexeme (exact is then false).
        var single = !phrased && query.Words.Count == 1;
        sql.Append(CultureInfo.InvariantCulture, $"""
            WITH {InUse},
            q AS MATERIALIZED (SELECT {TsQuery(query, p)} AS q, {(phrased ? TsQuery(query.PhrasesAsWords(), p) : "NULL::tsquery")} AS loose,
                {(single ? SingleLexemes(query, p) : "false")} AS exact),
            lex AS MATERIALIZED (SELECT {Lexemes(query, p)} AS ls),
            m AS MATERIALIZED (SELECT id FROM cadre_library_matches((SELECT {(phrased ? "loose" : "q")} FROM q)) id),
            st AS MATERIALIZED (SELECT greatest(count(*), 1)::float8 AS n, greatest(avg("Words"), 1)::float8 AS avgdl FROM "LibraryLengths"),
            tl AS MATERIALIZED (
                SELECT t."DocumentId", t."Weight", t."Words", (count(*) OVER (PARTITION BY t."Lexeme"))::float8 AS df
                FROM "LibraryTerms" t WHERE t."Lexeme" = ANY((SELECT ls FROM lex)::text[])),
            sc AS (
                SELECT tl."DocumentId", sum(ln(1 + (st.n - tl.df + 0.5) / (tl.df + 0.5))
                    * tl."Weight" * 2.2 / (tl."Weight" + 1.2 * (0.25 + 0.75 * tl."Words" / st.avgdl)))::float8 AS score
                FROM tl CROSS JOIN st WHERE (SELECT exact FROM q) OR tl."DocumentId" IN (SELECT id FROM m) GROUP BY tl."DocumentId")
            """);
        // Only the matches are scored (every match holds a lexeme of the query, so each gets a score); OR short-circuits:
        // for an exact single word the match is never run. The documents' own columns are read only to filter by them.
        if (!phrased)
        {
            var rows = depth ?? PrunedDepth(offset + take + 1);
            if (rows > 0) sql.Append(',').Append(Pruned(query, filter, offset + take + 1, rows.Value, p));
            var all = Narrowed(query, filter, "sc", p);
            if (rows is null or 0)
            {
                sql.Append(all).Append(Ranked("sc.\"DocumentId\"", offset, take));
                return sql;
            }
            sql.Append(CultureInfo.InvariantCulture, $"""
                SELECT u."DocumentId", u."Score", u."Pruned" FROM (
                    SELECT h.id AS "DocumentId", h.score AS "Score", true AS "Pruned" FROM hits h WHERE (SELECT ok FROM pruned)
                    UNION ALL
                    SELECT a."DocumentId", a."Score", a."Pruned" FROM ({all} AND NOT (SELECT ok FROM pruned) ORDER BY "Score" DESC, sc."DocumentId" LIMIT {offset + take + 1}) a
                ) u
                {Ranked("u.\"DocumentId\"", offset, take)}
                """);
            return sql;
        }
        var candidates = Narrowed(query, filter, "sc", p);
        // OFFSET 0 keeps the sorted candidates a subquery of their own, so the phrase is checked as rows leave the sort.
        sql.Append(CultureInfo.InvariantCulture, $"""
            SELECT x."DocumentId", x."Score", x."Pruned" FROM ({candidates} ORDER BY "Score" DESC, sc."DocumentId" OFFSET 0) x
            WHERE EXISTS (SELECT 1 FROM "LibrarySearch" v WHERE v."DocumentId" = x."DocumentId" AND v."Vector" @@ (SELECT q FROM q))
            {Ranked("x.\"DocumentId\"", offset, take)}
            """);
        return sql;
    }

    /// The scored documents of the source (sc: every match; hits' ranked: the pruned candidates, aliased sc too) that pass
    /// the filters and hold the query's CJK runs, as "DocumentId", "Score" and "Pruned" (false: these rows are not the pruned hits).
    private static StringBuilder Narrowed(SearchQuery query, LibraryFilter filter, string source, Func<object, string> p)
    {
        var sql = new StringBuilder($"""SELECT sc."DocumentId", sc.score AS "Score", false AS "Pruned" FROM {source} sc""");
        var filters = Filters(filter, p);
        if (filters.Length > 0) sql.Append(""" JOIN "Documents" d ON d."Id" = sc."DocumentId" """);
        if (query.Cjk.Count > 0) sql.Append(""" JOIN "LibrarySearch" s ON s."DocumentId" = sc."DocumentId" """);
        sql.Append(" WHERE 1 = 1");
        foreach (var run in query.Cjk) sql.Append(CultureInfo.InvariantCulture, $" AND s.\"Cjk\" LIKE {p(LikePattern(run))} ESCAPE '\\'");
        return sql.Append(filters);
    }

    /// How many of each lexeme's rows, in impact order, the pruned search reads for a page ending at the given rank (the
    /// threshold test needs a little over 300 on a library of common words, measured at 10,000 documents); null when the
    /// page is so deep that scoring every match costs less than scoring that many candidates.
    private static int? PrunedDepth(int ranks) => ranks * 15 is var n && n <= 3_000 ? Math.Max(n, 320) : null;

    /// Top-k by the threshold algorithm (Fagin's TA, decision 0078). Each lexeme's first rows in impact order are read; the
    /// documents among them are scored exactly and checked against the query, best first, until the page ends at rank k.
    /// A document none of those lists reached scores at most the sum over the lexemes of idf times the largest score its
    /// last row read allows (bound): if the k-th hit scores above it, no other document can enter the page and the hits
    /// are the answer (ok); if every alternative of the query has a lexeme whose list was read to its end, every match
    /// was a candidate. Otherwise every match is scored (sc), as without pruning: the result is the same either way.
    private static string Pruned(SearchQuery query, LibraryFilter filter, int k, int n, Func<object, string> p)
    {
        // The impacts were computed against ReferenceWords. With r its ratio to the library's average length, a row of weight
        // w >= 1 stored as s (rounded to a float4: s is taken a little larger) scores at most 2.2 s / ((1 - r) s + 2.2 r)
        // when r < 1 (the supremum as w grows), at most 2.2 s / (2.2 r - 1.3 (r - 1) s) when r > 1 and s < 2.2 / 1.3 (at
        // w = 1), and s otherwise; each is increasing in s, so the last row read bounds every row after it.
        var words = p(string.Join(" ", query.Words));
        return string.Create(CultureInfo.InvariantCulture, $"""
            li AS MATERIALIZED (
                SELECT l AS lexeme, ln(1 + (st.n - d.df + 0.5) / (d.df + 0.5)) AS idf, r.last, r.seen
                FROM unnest((SELECT ls FROM lex)) l CROSS JOIN st
                CROSS JOIN LATERAL (SELECT count(*)::float8 AS df FROM "LibraryTerms" t WHERE t."Lexeme" = l) d
                CROSS JOIN LATERAL (SELECT min(z.i)::float8 AS last, count(*) AS seen FROM (
                    SELECT t."Impact" AS i FROM "LibraryTerms" t WHERE t."Lexeme" = l ORDER BY t."Impact" DESC LIMIT {n}) z) r),
            bound AS MATERIALIZED (
                SELECT (1 + 1e-9) * coalesce(sum(CASE WHEN li.seen < {n} THEN 0 ELSE li.idf * CASE
                    WHEN x.r < 1 THEN 2.2 * y.s / ((1 - x.r) * y.s + 2.2 * x.r)
                    WHEN y.s < 2.2 / 1.3 THEN 2.2 * y.s / (2.2 * x.r - 1.3 * (x.r - 1) * y.s)
                    ELSE y.s END END), 0) AS b,
                    (SELECT coalesce(bool_and(e), false) FROM (
                        SELECT bool_or(li2.seen < {n}) AS e FROM cfg CROSS JOIN unnest(tsvector_to_array(to_tsvector(cfg.c, {words}))) w
                        JOIN li li2 ON li2.lexeme = w GROUP BY cfg.c) a) AS complete
                FROM li CROSS JOIN (SELECT {LibrarySearchSql.ReferenceWords}.0 / avgdl AS r FROM st) x CROSS JOIN LATERAL (SELECT li.last * (1 + 1e-6) AS s) y),
            cand AS MATERIALIZED (
                SELECT DISTINCT t."DocumentId" AS id FROM li
                CROSS JOIN LATERAL (SELECT t."DocumentId" FROM "LibraryTerms" t WHERE t."Lexeme" = li.lexeme ORDER BY t."Impact" DESC LIMIT {n}) t),
            ranked AS (
                SELECT c.id AS "DocumentId", s.score FROM cand c
                CROSS JOIN LATERAL (SELECT sum(li.idf * t."Weight" * 2.2 / (t."Weight" + 1.2 * (0.25 + 0.75 * t."Words" / (SELECT avgdl FROM st))))::float8 AS score
                    FROM "LibraryTerms" t JOIN li ON li.lexeme = t."Lexeme"
                    WHERE t."DocumentId" = c.id AND t."Lexeme" = ANY((SELECT ls FROM lex)::text[])) s),
            hits AS MATERIALIZED (
                SELECT x."DocumentId" AS id, x."Score" AS score FROM ({Narrowed(query, filter, "ranked", p)} ORDER BY "Score" DESC, sc."DocumentId" OFFSET 0) x
                WHERE (SELECT exact FROM q) OR EXISTS (SELECT 1 FROM "LibrarySearch" v WHERE v."DocumentId" = x."DocumentId" AND v."Vector" @@ (SELECT q FROM q))
                LIMIT {k}),
            pruned AS MATERIALIZED (
                SELECT (SELECT complete FROM bound) OR (count(*) = {k} AND min(score) > (SELECT b FROM bound)) AS ok FROM hits)

            """);
    }

    /// Best first, ties by document id; one row more than the page, to tell whether there is a next one.
    private static string Ranked(string id, int offset, int take) =>
        string.Create(CultureInfo.InvariantCulture, $" ORDER BY \"Score\" DESC, {id} LIMIT {take + 1} OFFSET {offset}");

    /// The configurations of the documents in the library (an index probe each): a word is stemmed only the ways some
    /// document is, so a language no document is in adds neither matches (a Danish stem of an English word) nor lexemes to rank.
    private static readonly string InUse = $"""
        cfg AS MATERIALIZED (SELECT c FROM unnest(ARRAY[{string.Join(", ", LibrarySearchSql.Languages.Select(l => $"'{LibrarySearchSql.Configuration(l)}'"))}]::regconfig[]) c
            WHERE EXISTS (SELECT 1 FROM "LibrarySearch" x WHERE x."Config" = c))
        """;

    /// One tsquery: for each configuration in use, every word and phrase stemmed its way; a document matches in its own.
    /// Configurations that stem alike give the same alternative, and each is kept once: with sixteen copies of one lexeme
    /// the GIN index can no longer answer alone and reads every match's vector to check it (107 ms against 6 for a
    /// common word). Null when every word is a stop word everywhere (or the library is empty), which matches nothing.
    private static string TsQuery(SearchQuery query, Func<object, string> p) =>
        $"(SELECT string_agg(DISTINCT '(' || a::text || ')', ' | ')::tsquery FROM ({Alternatives(query, p)}) x WHERE numnode(a) > 0)";

    /// Whether the query's one word is one lexeme in every configuration in use.
    private static string SingleLexemes(SearchQuery query, Func<object, string> p) =>
        $"(SELECT coalesce(bool_and(numnode(a) = 1), true) FROM ({Alternatives(query, p)}) x WHERE numnode(a) > 0)";

    private static string Alternatives(SearchQuery query, Func<object, string> p)
    {
        var parts = new List<string>();
        if (query.Words.Count > 0) parts.Add($"plainto_tsquery(c, {p(string.Join(" ", query.Words))})");
        parts.AddRange(query.Phrases.Select(ph => $"phraseto_tsquery(c, {p(string.Join(" ", ph))})"));
        return $"SELECT {string.Join(" && ", parts)} AS a FROM cfg";
    }

    /// Every lexeme the query's words and phrases stem to in any configuration in use, once: the term rows ranking reads.
    private static string Lexemes(SearchQuery query, Func<object, string> p) =>
        $"(SELECT coalesce(array_agg(DISTINCT l), ARRAY[]::text[]) FROM cfg, unnest(tsvector_to_array(to_tsvector(c, {p(string.Join(" ", query.PhrasesAsWords().Words))}))) l)";

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
            // words they stem; lower case, as most running text is), or the beginning. The cut lets PostgreSQL decompress
            // only the start of a long text, and it is made once per document (OFFSET 0 keeps it a row of its own): written
            // inside the search for each lexeme, it was decompressed again for every lexeme of every configuration, 28 ms
            // a page. The lexemes are stemmed once, beside the tsquery.
            rows = await db.Database.SqlQueryRaw<SnippetRow>($"""
                WITH {InUse}, q AS MATERIALIZED (SELECT {tsquery} AS q, {lexemes} AS lexemes)
                SELECT s."DocumentId", ts_headline(s."Config", substring(h.head FROM greatest(1, w.at - 500) FOR {SnippetWindow}), q.q, {options}) AS "Snippet"
                FROM "LibrarySearch" s CROSS JOIN q
                CROSS JOIN LATERAL (SELECT left(s."Body", {SnippetSearched + SnippetWindow}) AS head OFFSET 0) h
                CROSS JOIN LATERAL (SELECT coalesce(min(nullif(strpos(h.head, l), 0)), 1) AS at FROM unnest(q.lexemes) l) w
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
