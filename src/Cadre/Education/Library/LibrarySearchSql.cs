namespace Cadre.Education.Library;

/// The hand-written SQL of the library's full-text search, kept apart from the generated migration that runs it
/// (so the migration can be regenerated and call this again). The search tables are not in the EF model: each engine
/// has its own, written by LibraryIndex in the transaction of the change and read by LibrarySearch.
public static class LibrarySearchSql
{
    /// SQLite: FTS5 over the current version of each document (rowid = the document's id). Words go through the porter
    /// stemmer (English) over unicode61 with diacritics removed; CJK paragraphs go to a trigram table, which finds any
    /// substring of three characters or more.
    public static readonly string[] SqliteUp =
    [
        """
        CREATE VIRTUAL TABLE "LibraryFts" USING fts5("Title", "Author", "Body", tokenize = 'porter unicode61 remove_diacritics 2');
        """,
        """
        CREATE VIRTUAL TABLE "LibraryCjk" USING fts5("Title", "Body", tokenize = 'trigram');
        """,
    ];

    public static readonly string[] SqliteDown =
    [
        """DROP TABLE IF EXISTS "LibraryCjk";""",
        """DROP TABLE IF EXISTS "LibraryFts";""",
    ];

    /// The stemming dictionaries of PostgreSQL's snowball configurations Cadre uses, and 'simple' (no stemming).
    public static readonly IReadOnlyList<string> Languages =
    [
        "english", "german", "french", "spanish", "italian", "portuguese", "dutch", "swedish", "danish", "norwegian", "finnish", "russian",
        "hungarian", "romanian", "turkish", "simple",
    ];

    /// The configuration Cadre searches a language with: the language's own, with accents removed before stemming.
    public static string Configuration(string language) => "cadre_" + language;

    /// PostgreSQL: one row per document with its text-search configuration (chosen from its language), a generated
    /// tsvector (title weighted A, author B, text C) under a GIN index, and the CJK paragraphs under a pg_trgm GIN index.
    /// Each configuration is a copy of PostgreSQL's with unaccent before the stemmer, so "revolution" finds "révolution".
    /// pg_trgm and unaccent are contrib extensions, trusted since PostgreSQL 13: the database's owner may create them.
    public static readonly string[] PostgresUp =
    [
        """CREATE EXTENSION IF NOT EXISTS pg_trgm;""",
        """CREATE EXTENSION IF NOT EXISTS unaccent;""",
        .. Languages.SelectMany(l => new[]
        {
            $"CREATE TEXT SEARCH CONFIGURATION {Configuration(l)} (COPY = {l});",
            $"ALTER TEXT SEARCH CONFIGURATION {Configuration(l)} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {(l == "simple" ? "simple" : l + "_stem")};",
        }),
        """
        CREATE TABLE "LibrarySearch" (
            "DocumentId" integer PRIMARY KEY REFERENCES "Documents" ("Id") ON DELETE CASCADE,
            "Config" regconfig NOT NULL,
            "Title" text NOT NULL,
            "Author" text NOT NULL,
            "Body" text NOT NULL,
            "Cjk" text NOT NULL,
            "Vector" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector("Config", "Title"), 'A') || setweight(to_tsvector("Config", "Author"), 'B')
                || setweight(to_tsvector("Config", "Body"), 'C')) STORED
        );
        """,
        """CREATE INDEX "IX_LibrarySearch_Vector" ON "LibrarySearch" USING gin ("Vector");""",
        """CREATE INDEX "IX_LibrarySearch_Cjk" ON "LibrarySearch" USING gin ("Cjk" gin_trgm_ops);""",
    ];

    /// PostgreSQL: what ranking reads instead of the documents' tsvectors. ts_rank detoasts and walks the whole vector of every
    /// match, so a common word (found in nine documents of ten) cost 80-450 ms at 10,000 documents whatever the page size. Here
    /// each document's lexemes are rows with their weighted frequency (a title occurrence counts 10, an author's 5, the
    /// text's 1, as on SQLite) and the document's length in words, under a covering key: a word's rows are one index range.
    /// The planner cannot see what detoasting costs and prefers a sequential scan of a table it thinks is small; the match
    /// is therefore a function that plans its one query with sequential scans off, so the GIN index always finds the rows.
    public static readonly string[] PostgresTermsUp =
    [
        // Apart from "LibrarySearch": updating a row there would compute its generated tsvector again.
        """
        CREATE TABLE "LibraryLengths" (
            "DocumentId" integer PRIMARY KEY REFERENCES "LibrarySearch" ("DocumentId") ON DELETE CASCADE,
            "Words" integer NOT NULL
        );
        """,
        """
        CREATE TABLE "LibraryTerms" (
            "Lexeme" text NOT NULL,
            "DocumentId" integer NOT NULL REFERENCES "LibrarySearch" ("DocumentId") ON DELETE CASCADE,
            "Weight" real NOT NULL,
            "Words" integer NOT NULL,
            CONSTRAINT "PK_LibraryTerms" PRIMARY KEY ("Lexeme", "DocumentId") INCLUDE ("Weight", "Words")
        );
        """,
        """CREATE INDEX "IX_LibraryTerms_DocumentId" ON "LibraryTerms" ("DocumentId");""",
        """
        CREATE FUNCTION cadre_library_matches(q tsquery) RETURNS SETOF integer
        LANGUAGE sql STABLE STRICT ROWS 100 SET enable_seqscan = off
        AS $$ SELECT "DocumentId" FROM "LibrarySearch" WHERE "Vector" @@ q $$;
        """,
        // The existing documents' rows are written by PostgresImpactUp, once the rows have all their columns.
    ];

    /// PostgreSQL: the configurations in use are looked up on every search (an index probe per configuration), so a word is
    /// stemmed only the ways some document is.
    public static readonly string[] PostgresConfigUp =
    [
        """CREATE INDEX "IX_LibrarySearch_Config" ON "LibrarySearch" ("Config");""",
    ];

    public static readonly string[] PostgresConfigDown =
    [
        """DROP INDEX IF EXISTS "IX_LibrarySearch_Config";""",
    ];

    /// The document length the stored impacts are computed against (in words; decision 0078). Any length keeps the search
    /// exact, since the bound on unseen rows allows for the library's actual average; one near it prunes best.
    public const int ReferenceWords = 1_000;

    /// PostgreSQL: each term row's impact, its BM25 term frequency part (k1 1.2, b 0.75) as if the library's average length
    /// were ReferenceWords, under an index in impact order: the rows most likely to rank first are read first (LibrarySearch).
    /// The existing rows are written again with it (and, on a new database, for the first time).
    public static readonly string[] PostgresImpactUp =
    [
        """DELETE FROM "LibraryTerms";""",
        """ALTER TABLE "LibraryTerms" ADD COLUMN "Impact" real NOT NULL;""",
        WriteTerms(""),
        """CREATE INDEX "IX_LibraryTerms_Impact" ON "LibraryTerms" ("Lexeme", "Impact" DESC) INCLUDE ("DocumentId");""",
    ];

    public static readonly string[] PostgresImpactDown =
    [
        """DROP INDEX IF EXISTS "IX_LibraryTerms_Impact";""",
        """ALTER TABLE "LibraryTerms" DROP COLUMN IF EXISTS "Impact";""",
    ];

    public static readonly string[] PostgresTermsDown =
    [
        """DROP FUNCTION IF EXISTS cadre_library_matches(tsquery);""",
        """DROP TABLE IF EXISTS "LibraryTerms";""",
        """DROP TABLE IF EXISTS "LibraryLengths";""",
    ];

    /// Writes the term rows and the length (LibraryLengths) of the documents the condition selects (all of them when it is empty), from
    /// their tsvectors: a lexeme's weight is the sum over its positions of 10 (title), 5 (author) or 1 (text); its impact as above.
    public static string WriteTerms(string condition) => $"""
        WITH t AS (
            SELECT s."DocumentId", u.lexeme,
                (SELECT sum(CASE w WHEN 'A' THEN 10 WHEN 'B' THEN 5 ELSE 1 END) FROM unnest(u.weights) w)::real AS weight,
                cardinality(u.positions) AS n
            FROM "LibrarySearch" s, unnest(s."Vector") u {condition}),
        total AS (SELECT "DocumentId", sum(n)::integer AS words FROM t GROUP BY "DocumentId"),
        counted AS (INSERT INTO "LibraryLengths" ("DocumentId", "Words") SELECT "DocumentId", words FROM total
                    ON CONFLICT ("DocumentId") DO UPDATE SET "Words" = excluded."Words")
        INSERT INTO "LibraryTerms" ("Lexeme", "DocumentId", "Weight", "Words", "Impact")
        SELECT t.lexeme, t."DocumentId", t.weight, total.words, t.weight * 2.2 / (t.weight + 1.2 * (0.25 + 0.75 * total.words / {ReferenceWords}.0))
        FROM t JOIN total ON total."DocumentId" = t."DocumentId";
        """;

    public static readonly string[] PostgresDown =
    [
        """DROP TABLE IF EXISTS "LibrarySearch";""",
        .. Languages.Select(l => $"DROP TEXT SEARCH CONFIGURATION IF EXISTS {Configuration(l)};"),
    ];
}
