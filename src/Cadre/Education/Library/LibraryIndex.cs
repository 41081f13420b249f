using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Library;

/// Keeps the search tables (LibrarySearchSql) in step with the current version of a document. Called by the use cases
/// inside the transaction of the change, so the index never holds a text the library does not.
public static class LibraryIndex
{
    /// PostgreSQL's text-search configurations by language; others are searched word by word without stemming ('simple').
    public static readonly IReadOnlyDictionary<string, string> Configurations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "english", ["de"] = "german", ["fr"] = "french", ["es"] = "spanish", ["it"] = "italian", ["pt"] = "portuguese",
        ["nl"] = "dutch", ["sv"] = "swedish", ["da"] = "danish", ["nb"] = "norwegian", ["no"] = "norwegian", ["fi"] = "finnish",
        ["ru"] = "russian", ["hu"] = "hungarian", ["ro"] = "romanian", ["tr"] = "turkish",
    };

    public static string ConfigurationFor(string language) =>
        LibrarySearchSql.Configuration(Configurations.TryGetValue(language.Split('-')[0], out var configuration) ? configuration : "simple");

    public static async Task WriteAsync(CadreDbContext db, Document document, DocumentVersion current, CancellationToken ct)
    {
        var plain = DocumentText.ToPlainText(current.Format, current.Body);
        var cjkTitle = DocumentText.CjkParagraphs(document.Title);
        var cjkBody = DocumentText.CjkParagraphs(plain);
        var author = document.Author ?? "";
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "LibrarySearch" ("DocumentId", "Config", "Title", "Author", "Body", "Cjk")
                VALUES ({0}, CAST({1} AS regconfig), {2}, {3}, {4}, {5})
                ON CONFLICT ("DocumentId") DO UPDATE SET "Config" = excluded."Config", "Title" = excluded."Title",
                    "Author" = excluded."Author", "Body" = excluded."Body", "Cjk" = excluded."Cjk"
                """, [document.Id, ConfigurationFor(document.Language), document.Title, author, plain, JoinCjk(cjkTitle, cjkBody)], ct);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "LibraryTerms" WHERE "DocumentId" = {0}""", [document.Id], ct);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "LibraryLengths" WHERE "DocumentId" = {0}""", [document.Id], ct);
            await db.Database.ExecuteSqlRawAsync(LibrarySearchSql.WriteTerms("""WHERE s."DocumentId" = {0}"""), [document.Id], ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "LibraryFts" WHERE rowid = {0}""", [document.Id], ct);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "LibraryFts" (rowid, "Title", "Author", "Body") VALUES ({0}, {1}, {2}, {3})""",
            [document.Id, document.Title, author, plain], ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "LibraryCjk" WHERE rowid = {0}""", [document.Id], ct);
        if (cjkTitle.Length > 0 || cjkBody.Length > 0)
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "LibraryCjk" (rowid, "Title", "Body") VALUES ({0}, {1}, {2})""",
                [document.Id, cjkTitle, cjkBody], ct);
    }

    private static string JoinCjk(string title, string body) => title.Length == 0 ? body : body.Length == 0 ? title : title + "\n" + body;
}
