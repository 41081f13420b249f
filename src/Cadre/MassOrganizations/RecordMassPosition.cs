using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.MassOrganizations;

/// Records a party member's position in a body of a mass organization (a member, or an office), and its end.
public static class RecordMassPosition
{
    public sealed record Request
    {
        public int MemberId { get; init; }

        public string? Office { get; init; }

        public DateOnly From { get; init; }

        public DateOnly? To { get; init; }
    }

    public sealed record EndRequest(DateOnly? On);

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int bodyId, Request request, CancellationToken ct)
    {
        var kept = await MassOrganizationAccess.KeptBodyAsync(db, actor, bodyId, ct);
        if (!kept.IsSuccess) return kept.Error;
        // A member's place is personal data: only members of the keeper's own subtree are recorded.
        var scope = actor.Scope(db, Permission.MassOrganizationsManage);
        var member = db.Members.Where(m => m.Id == request.MemberId);
        if (scope is not null) member = member.Where(m => scope.Contains(m.OrganizationId));
        if (!await member.AnyAsync(ct)) return new MassMemberNotFound();
        var position = MassPosition.Take(kept.Value.Body, request.MemberId, request.Office, request.From, request.To, db.Today);
        if (!position.IsSuccess) return position.Error;
        db.MassPositions.Add(position.Value);
        await db.SaveChangesAsync(ct);
        return position.Value.Id;
    }

    public static async Task<Result<Done>> EndAsync(CadreDbContext db, Actor actor, int positionId, EndRequest request, CancellationToken ct)
    {
        var position = await db.MassPositions.SingleOrDefaultAsync(p => p.Id == positionId, ct);
        if (position is null) return new MassPositionNotFound();
        var kept = await MassOrganizationAccess.KeptBodyAsync(db, actor, position.BodyId, ct);
        if (!kept.IsSuccess) return kept.Error is MassBodyNotFound ? new MassPositionNotFound() : kept.Error;
        var ended = position.End(request.On ?? db.Today);
        if (!ended.IsSuccess) return ended.Error;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
