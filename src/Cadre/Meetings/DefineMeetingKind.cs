using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

/// An administrator defines a kind of meeting, or changes one: its name, quorum rule and required frequency.
public static class DefineMeetingKind
{
    public sealed record Request
    {
        public string Name { get; init; } = "";

        public QuorumRule Quorum { get; init; } = QuorumRule.MoreThanHalf;

        /// At most this many months between two meetings of the kind; null for no requirement.
        public int? EveryMonths { get; init; }

        /// The level whose organizations must keep the frequency; null for every level.
        public int? LevelId { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await CheckAsync(db, actor, request, null, ct) is { } refused) return refused;
        var kind = MeetingKind.Define(request.Name, request.Quorum, request.EveryMonths, request.LevelId);
        if (!kind.IsSuccess) return kind.Error;
        db.MeetingKinds.Add(kind.Value);
        await db.SaveChangesAsync(ct);
        return kind.Value.Id;
    }

    public static async Task<Result<Done>> ChangeAsync(CadreDbContext db, Actor actor, int id, Request request, CancellationToken ct)
    {
        var kind = await db.MeetingKinds.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (kind is null) return new MeetingKindNotFound();
        if (await CheckAsync(db, actor, request, id, ct) is { } refused) return refused;
        var changed = kind.Change(request.Name, request.Quorum, request.EveryMonths, request.LevelId);
        if (!changed.IsSuccess) return changed;
        return await MeetingAccess.SaveAsync(db, ct);
    }

    private static async Task<Error?> CheckAsync(CadreDbContext db, Actor actor, Request request, int? id, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new MeetingKindsNotPermitted();
        if (request.LevelId is { } levelId && !await db.Levels.AnyAsync(l => l.Id == levelId, ct)) return new InvalidField("LevelId", "There is no such level.");
        var name = request.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.MeetingKinds.AnyAsync(k => k.Name == name && k.Id != id, ct)) return new MeetingKindNameTaken(name);
        return null;
    }
}
