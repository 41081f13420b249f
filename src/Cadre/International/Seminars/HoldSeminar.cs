using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International.Seminars;

/// Records an international seminar, conference or meeting held by a party of the registry or by the organization itself.
public static class HoldSeminar
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public SeminarKind Kind { get; init; } = SeminarKind.Seminar;

        public string Title { get; init; } = "";

        public DateOnly StartsOn { get; init; }

        public DateOnly? EndsOn { get; init; }

        public string? Place { get; init; }

        /// The party that hosted it; none when the organization itself did.
        public int? HostPartyId { get; init; }

        public string? Summary { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await InternationalAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        if (request.HostPartyId is { } host && !await db.Parties.AnyAsync(p => p.Id == host, ct)) return new PartyFieldNotFound("HostPartyId");
        var seminar = Seminar.Hold(request.OrganizationId, request.Kind, request.Title ?? "", request.StartsOn, request.EndsOn, request.Place, request.HostPartyId,
            request.Summary);
        if (!seminar.IsSuccess) return seminar.Error;
        db.Seminars.Add(seminar.Value);
        await db.SaveChangesAsync(ct);
        return seminar.Value.Id;
    }
}
