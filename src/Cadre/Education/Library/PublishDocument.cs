using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Library;

/// An education officer adds a document to the library on behalf of their organization (its first version).
public static class PublishDocument
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public DocumentDraft Document { get; init; } = new();

        public string? Note { get; init; }
    }

    public sealed record Published(int DocumentId, string Key);

    public static async Task<Result<Published>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        var allowed = await LibraryAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct);
        if (allowed is not null) return allowed;
        var draft = request.Document with { Key = string.IsNullOrWhiteSpace(request.Document.Key) ? KeyFor(request.Document.Title) : request.Document.Key.Trim() };
        var document = Document.Publish(request.OrganizationId, draft, request.Note, actor.Name, db.Now);
        if (!document.IsSuccess) return document.Error;
        if (await db.Documents.AnyAsync(d => d.Key == draft.Key, ct)) return new DocumentKeyTaken(draft.Key);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Documents.Add(document.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another officer took the key a moment earlier (the unique index said so).
            return new DocumentKeyTaken(draft.Key);
        }
        await LibraryIndex.WriteAsync(db, document.Value, document.Value.Versions[^1], ct);
        await transaction.CommitAsync(ct);
        return new Published(document.Value.Id, document.Value.Key);
    }

    /// A key from the title; a title without Latin letters (a Korean or Chinese one) gets a key from its hash.
    public static string KeyFor(string? title)
    {
        var slug = Document.Slug(title ?? "");
        if (slug.Length > 0) return slug;
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(title ?? ""));
        return "document-" + Convert.ToHexStringLower(hash)[..10];
    }
}

internal static class LibraryAccess
{
    /// Null when the actor keeps the library of the organization; otherwise the error to answer.
    public static async Task<Error?> CheckOrganizationAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return new LibraryOrganizationNotFound();
        if (await actor.CanAsync(db, Permission.LibraryManage, organizationId, ct)) return null;
        return await actor.CanAsync(db, Permission.OrganizationsRead, organizationId, ct) ? new LibraryNotPermitted() : new LibraryOrganizationNotFound();
    }
}
