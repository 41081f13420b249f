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

    public static readonly string[] PostgresDown =
    [
        """DROP TABLE IF EXISTS "LibrarySearch";""",
        .. Languages.Select(l => $"DROP TEXT SEARCH CONFIGURATION IF EXISTS {Configuration(l)};"),
    ];
}
