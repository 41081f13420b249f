using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// An organization establishes relations with a party, or changes their status (raises them to fraternal, ends them);
/// every change is kept with its date and reason.
public static class SetRelation
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public int PartyId { get; init; }

        public RelationStatus Status { get; init; }

        public DateOnly On { get; init; }

        public string? Note { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await InternationalAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        if (!await db.Parties.AnyAsync(p => p.Id == request.PartyId, ct)) return new PartyFieldNotFound("PartyId");
        var relation = await db.Relations.Include(r => r.Changes)
            .SingleOrDefaultAsync(r => r.OrganizationId == request.OrganizationId && r.PartyId == request.PartyId, ct);
        if (relation is null)
        {
            var established = Relation.Establish(request.OrganizationId, request.PartyId, request.Status, request.On, request.Note, db.Today);
            if (!established.IsSuccess) return established.Error;
            db.Relations.Add(established.Value);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone established the same relation a moment earlier: the unique index refused the second.
                return new Members.ConcurrentChange();
            }
            return established.Value.Id;
        }
        var changed = relation.Change(request.Status, request.On, request.Note, db.Today);
        if (!changed.IsSuccess) return changed.Error;
        var saved = await InternationalAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? relation.Id : saved.Error;
    }
}
