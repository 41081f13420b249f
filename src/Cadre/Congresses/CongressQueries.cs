using System.Text.Json;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses.Apportionment;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Congresses;

public sealed record CongressSummary(int Id, int OrganizationId, string OrganizationName, CongressKind Kind, int Number, string Title, DateOnly OpensOn,
    DateOnly ClosesOn, string? Place);

public sealed record AllocationRow(int OrganizationId, string Code, string Name, long Members, int Seats, int Delegates, int Alternates);

public sealed record CongressDetail(int Id, int OrganizationId, string OrganizationName, CongressKind Kind, int Number, string Title, DateOnly OpensOn,
    DateOnly ClosesOn, string? Place, int? ConvenedById, string? ConvenedBy, string Agenda, DateOnly CutOffOn, int DelegateSeats, int MinimumSeats,
    ApportionmentMethod Method, bool CountCandidates, int QuorumPercent, DateTime? ApportionedAt, IReadOnlyList<AllocationRow> Allocation,
    ApportionmentResult? Working, Presence Presence, bool CanManage);

public sealed record DelegateRow(int Id, int OrganizationId, string OrganizationName, int MemberId, string MemberNumber, string GivenName,
    string FamilyName, bool IsAlternate, int? ReplacesId, string ElectedAt, DateOnly ElectedOn, int VoteWeight, MandateStatus Mandate, string? MandateNote,
    bool Present, DateTime? CheckedInAt, bool HoldsSeat);

/// Live presence: the seats, the delegates holding one, those present, and whether the quorum is reached.
public sealed record Presence(int Seats, int HoldingSeats, int Present, int Quorum, bool QuorumReached);

public static class CongressQueries
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<List<CongressSummary>> ListAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        var scope = actor.Scope(db, Permission.CongressesRead);
        var congresses = db.Congresses.AsNoTracking();
        if (scope is not null) congresses = congresses.Where(c => scope.Contains(c.OrganizationId));
        return await congresses.OrderByDescending(c => c.OpensOn)
            .Select(c => new CongressSummary(c.Id, c.OrganizationId, db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).First(),
                c.Kind, c.Number, c.Title, c.OpensOn, c.ClosesOn, c.Place))
            .Take(200).ToListAsync(ct);
    }

    public static async Task<Result<CongressDetail>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var found = await CongressAccess.ReadAsync(db, actor, id, ct, allocations: true);
        if (!found.IsSuccess) return found.Error;
        var c = found.Value;
        var names = await db.Organizations.AsNoTracking().Where(o => o.Id == c.OrganizationId || o.ParentId == c.OrganizationId)
            .ToDictionaryAsync(o => o.Id, o => new { o.Code, o.Name }, ct);
        var counts = await db.CongressDelegates.AsNoTracking().Where(d => d.CongressId == id).GroupBy(d => new { d.OrganizationId, d.IsAlternate })
            .Select(g => new { g.Key.OrganizationId, g.Key.IsAlternate, Count = g.Count() }).ToListAsync(ct);
        var allocation = c.Allocations.OrderBy(a => names.GetValueOrDefault(a.OrganizationId)?.Code).Select(a => new AllocationRow(a.OrganizationId,
            names.GetValueOrDefault(a.OrganizationId)?.Code ?? "", names.GetValueOrDefault(a.OrganizationId)?.Name ?? "", a.Members, a.Seats,
            counts.Where(x => x.OrganizationId == a.OrganizationId && !x.IsAlternate).Sum(x => x.Count),
            counts.Where(x => x.OrganizationId == a.OrganizationId && x.IsAlternate).Sum(x => x.Count))).ToList();
        var body = c.ConvenedById is { } b ? await db.Bodies.Where(x => x.Id == b).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return new CongressDetail(c.Id, c.OrganizationId, names[c.OrganizationId].Name, c.Kind, c.Number, c.Title, c.OpensOn, c.ClosesOn, c.Place,
            c.ConvenedById, body, c.Agenda, c.CutOffOn, c.DelegateSeats, c.MinimumSeats, c.Method, c.CountCandidates, c.QuorumPercent, c.ApportionedAt,
            allocation, c.ApportionmentWorking is null ? null : JsonSerializer.Deserialize<ApportionmentResult>(c.ApportionmentWorking, Json),
            await PresenceAsync(db, c, ct), await actor.CanAsync(db, Permission.CongressesManage, c.OrganizationId, ct));
    }

    public static async Task<Result<List<DelegateRow>>> DelegatesAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var found = await CongressAccess.ReadAsync(db, actor, id, ct);
        if (!found.IsSuccess) return found.Error;
        var rows = await db.CongressDelegates.AsNoTracking().Where(d => d.CongressId == id)
            .Join(db.Members, d => d.MemberId, m => m.Id, (d, m) => new { d, m.Number, m.Person.GivenName, m.Person.FamilyName })
            .Join(db.Organizations, x => x.d.OrganizationId, o => o.Id, (x, o) => new { x.d, x.Number, x.GivenName, x.FamilyName, o.Name })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Name).ThenBy(r => r.d.IsAlternate).ThenBy(r => r.FamilyName).ThenBy(r => r.GivenName)
            .Select(r => new DelegateRow(r.d.Id, r.d.OrganizationId, r.Name, r.d.MemberId, r.Number, r.GivenName, r.FamilyName, r.d.IsAlternate, r.d.ReplacesId,
                r.d.ElectedAt, r.d.ElectedOn, r.d.VoteWeight, r.d.Mandate, r.d.MandateNote, r.d.Present, r.d.CheckedInAt, r.d.HoldsSeat)).ToList();
    }

    public static async Task<Result<Presence>> PresenceAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var found = await CongressAccess.ReadAsync(db, actor, id, ct);
        return found.IsSuccess ? await PresenceAsync(db, found.Value, ct) : found.Error;
    }

    internal static async Task<Presence> PresenceAsync(CadreDbContext db, Congress congress, CancellationToken ct)
    {
        var seats = await db.DelegateAllocations.Where(a => a.CongressId == congress.Id).SumAsync(a => a.Seats, ct);
        if (seats == 0) seats = congress.DelegateSeats;
        var holding = db.CongressDelegates.Where(d => d.CongressId == congress.Id && d.Mandate == MandateStatus.Confirmed
            && (!d.IsAlternate || d.ReplacesId != null));
        var holdingCount = await holding.CountAsync(ct);
        var present = await holding.CountAsync(d => d.Present, ct);
        var quorum = congress.Quorum(seats);
        return new Presence(seats, holdingCount, present, quorum, present >= quorum);
    }
}
