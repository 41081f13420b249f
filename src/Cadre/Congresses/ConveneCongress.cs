using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses.Apportionment;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses;

/// A body of an organization convenes its congress (or conference): number, dates, place, agenda and the rules of apportionment.
public static class ConveneCongress
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public CongressKind Kind { get; init; } = CongressKind.Congress;

        public int Number { get; init; }

        public string? Title { get; init; }

        public DateOnly OpensOn { get; init; }

        public DateOnly ClosesOn { get; init; }

        public string? Place { get; init; }

        public int? ConvenedById { get; init; }

        public string? Agenda { get; init; }

        public DateOnly CutOffOn { get; init; }

        public int DelegateSeats { get; init; }

        public ApportionmentMethod Method { get; init; } = ApportionmentMethod.SainteLague;

        public int MinimumSeats { get; init; } = 1;

        public bool CountCandidates { get; init; }

        public int QuorumPercent { get; init; } = 50;
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == request.OrganizationId, ct)
            || !await actor.CanAsync(db, Permission.CongressesRead, request.OrganizationId, ct)) return new CongressOrganizationNotFound();
        if (!await actor.CanAsync(db, Permission.CongressesManage, request.OrganizationId, ct)) return new CongressNotPermitted();
        if (request.ConvenedById is { } body && !await db.Bodies.AnyAsync(b => b.Id == body && b.OrganizationId == request.OrganizationId, ct))
            return new ConveningBodyNotFound();
        if (await db.Congresses.AnyAsync(c => c.OrganizationId == request.OrganizationId && c.Kind == request.Kind && c.Number == request.Number, ct))
            return new CongressNumberTaken(request.Number);
        var congress = Congress.Convene(request.OrganizationId, request.Kind, request.Number, request.Title, request.OpensOn, request.ClosesOn, request.Place,
            request.ConvenedById, request.Agenda, new CongressRules(request.CutOffOn, request.DelegateSeats, request.Method, request.MinimumSeats,
                request.CountCandidates, request.QuorumPercent));
        if (!congress.IsSuccess) return congress.Error;
        db.Congresses.Add(congress.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new CongressNumberTaken(request.Number);
        }
        return congress.Value.Id;
    }
}
