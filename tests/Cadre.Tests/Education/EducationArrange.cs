using Cadre.Accounts;
using Cadre.Education.Library;
using Cadre.Tests.Infrastructure;

namespace Cadre.Tests.Education;

/// Intent methods for the library and courses, through their use cases.
public static class EducationArrange
{
    public static DocumentDraft Draft(string key, string title, string body, string language = "en", DocumentKind kind = DocumentKind.Work,
        string? author = null, int? year = null) =>
        new() { Key = key, Title = title, Body = body, Language = language, Kind = kind, Author = author, Year = year };

    public static async Task<int> PublishAsync(this TestDatabase database, int organizationId, DocumentDraft draft, Actor? actor = null)
    {
        actor ??= Actor.System("test");
        return (await PublishDocument.HandleAsync(database.Context(actor), actor,
            new PublishDocument.Request { OrganizationId = organizationId, Document = draft }, TestDatabase.Ct)).Ok().DocumentId;
    }

    public static async Task<List<DocumentRow>> SearchAsync(this TestDatabase database, string query, LibraryFilter? filter = null)
    {
        var result = await LibraryQueries.ListAsync(database.Context(), (filter ?? new LibraryFilter()) with { Query = query }, TestDatabase.Ct);
        return result.Ok().Items.ToList();
    }

    public static async Task<List<string>> FoundKeysAsync(this TestDatabase database, string query, LibraryFilter? filter = null) =>
        (await database.SearchAsync(query, filter)).Select(r => r.Key).ToList();
}
