using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International.Seminars;

/// A party of the registry takes part in a seminar, with its delegates.
public static class AdmitSeminarParticipant
{
    public sealed record Request
    {
        public int PartyId { get; init; }

        public IReadOnlyList<DelegateEntry> Delegates { get; init; } = [];
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int seminarId, Request request, CancellationToken ct)
    {
        var seminar = await db.Seminars.Include(s => s.Participants).SingleOrDefaultAsync(s => s.Id == seminarId, ct);
        if (seminar is null) return new SeminarNotFound();
        if (await InternationalAccess.CheckKeepsAsync(db, actor, seminar.OrganizationId, new SeminarNotFound(), ct) is { } refused) return refused;
        if (!await db.Parties.AnyAsync(p => p.Id == request.PartyId, ct)) return new PartyFieldNotFound("PartyId");
        var admitted = seminar.Admit(request.PartyId, request.Delegates ?? []);
        if (!admitted.IsSuccess) return admitted.Error;
        try
        {
            var saved = await InternationalAccess.SaveAsync(db, ct);
            if (!saved.IsSuccess) return saved.Error;
        }
        catch (DbUpdateException)
        {
            // The same party admitted a moment earlier by another request: the unique index refused the second.
            return new PartyAlreadyParticipates();
        }
        return admitted.Value.Id;
    }
}
