using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Library;

/// A new version of a document (a statute amended by a congress), or a corrected description. The earlier versions stay.
public static class ReviseDocument
{
    public sealed record Request
    {
        public DocumentDraft Document { get; init; } = new();

        public string? Note { get; init; }

        /// The version number the editor saw; a later change by someone else refuses this one.
        public int? ExpectedVersion { get; init; }
    }

    public sealed record Revised(int DocumentId, int CurrentVersion, bool Changed);

    public static async Task<Result<Revised>> HandleAsync(CadreDbContext db, Actor actor, int documentId, Request request, CancellationToken ct)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null) return new DocumentNotFound();
        if (!await actor.CanAsync(db, Permission.LibraryManage, document.OrganizationId, ct)) return new LibraryNotPermitted();
        if (request.ExpectedVersion is { } expected && expected != document.Version) return new Members.ConcurrentChange();
        return await ApplyAsync(db, actor, document, request.Document with { Key = document.Key }, request.Note, ct);
    }

    internal static async Task<Result<Revised>> ApplyAsync(CadreDbContext db, Actor actor, Document document, DocumentDraft draft, string? note,
        CancellationToken ct)
    {
        var current = await db.DocumentVersions.AsNoTracking().SingleAsync(v => v.DocumentId == document.Id && v.Number == document.CurrentVersion, ct);
        var revised = document.Revise(draft, current, note, actor.Name, db.Now);
        if (!revised.IsSuccess) return revised.Error;
        if (!revised.Value) return new Revised(document.Id, document.CurrentVersion, false);
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Members.ConcurrentChange();
            }
            var latest = document.Versions.Count > 0 ? document.Versions[^1] : current;
            await LibraryIndex.WriteAsync(db, document, latest.Number == document.CurrentVersion ? latest : current, ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
        return new Revised(document.Id, document.CurrentVersion, true);
    }
}
