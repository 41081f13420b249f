using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International.Seminars;

/// Records a paper presented at a seminar: its title, author and party, and the library document when the text is there.
public static class PresentSeminarPaper
{
    public sealed record Request
    {
        public string Title { get; init; } = "";

        public string? Author { get; init; }

        /// The author's party; none for a paper of the organization's own.
        public int? PartyId { get; init; }

        public int? DocumentId { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int seminarId, Request request, CancellationToken ct)
    {
        var seminar = await db.Seminars.Include(s => s.Participants).Include(s => s.Papers).SingleOrDefaultAsync(s => s.Id == seminarId, ct);
        if (seminar is null) return new SeminarNotFound();
        if (await InternationalAccess.CheckKeepsAsync(db, actor, seminar.OrganizationId, new SeminarNotFound(), ct) is { } refused) return refused;
        if (request.DocumentId is { } documentId && !await db.Documents.AnyAsync(d => d.Id == documentId, ct)) return new PaperDocumentNotFound();
        var paper = seminar.Present(request.Title ?? "", request.Author, request.PartyId, request.DocumentId);
        if (!paper.IsSuccess) return paper.Error;
        try
        {
            var saved = await InternationalAccess.SaveAsync(db, ct);
            if (!saved.IsSuccess) return saved.Error;
        }
        catch (DbUpdateException)
        {
            // Two papers numbered at once: the seminar's version refuses the second writer first; this is the index's backstop.
            return new Members.ConcurrentChange();
        }
        return paper.Value.Id;
    }
}
