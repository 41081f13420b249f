using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.MassOrganizations;

public sealed record MassOrganizationRow(int Id, MassOrganizationKind Kind, string Name, string? ShortName, int OrganizationId, string OrganizationCode, int Bodies);

public sealed record LinkRow(int OrganizationId, string Code, string Name);

public sealed record LatestReport(DateOnly On, int Members, int? Women, int? Youth);

public sealed record MassBodyRow(int Id, int? ParentId, int Depth, string Name, string Level, IReadOnlyList<LinkRow> Links, LatestReport? Latest);

public sealed record MassOrganizationView(int Id, MassOrganizationKind Kind, string Name, string? ShortName, DateOnly? FoundedOn, string? Note,
    int OrganizationId, string OrganizationCode, string OrganizationName, bool CanKeep, IReadOnlyList<MassBodyRow> Bodies);

public sealed record PositionRow(int Id, int MemberId, string MemberNumber, string MemberName, string MemberOrganizationCode, string? Office, DateOnly From, DateOnly? To);

public sealed record ReportRow(int Id, DateOnly On, int Members, int? Women, int? Youth, string? Note);

public sealed record MassBodyView(int Id, int MassOrganizationId, string MassOrganizationName, int? ParentId, string Name, string Level,
    IReadOnlyList<MassBodyRow> Path, IReadOnlyList<MassBodyRow> Children, IReadOnlyList<LinkRow> Links, IReadOnlyList<PositionRow> Positions,
    IReadOnlyList<ReportRow> Reports, bool CanKeep);

public static class MassOrganizationQueries
{
    public static async Task<List<MassOrganizationRow>> ListAsync(CadreDbContext db, Actor actor, CancellationToken ct) =>
        await MassOrganizationAccess.Readable(db, actor).AsNoTracking()
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o.Code })
            .OrderBy(x => x.m.Name).ThenBy(x => x.m.Id)
            .Select(x => new MassOrganizationRow(x.m.Id, x.m.Kind, x.m.Name, x.m.ShortName, x.m.OrganizationId, x.Code,
                db.MassBodies.Count(b => b.MassOrganizationId == x.m.Id)))
            .Take(1000).ToListAsync(ct);

    public static async Task<Result<MassOrganizationView>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        if (!await MassOrganizationAccess.ReadsAsync(db, actor, id, ct)) return new MassOrganizationNotFound();
        var m = await db.MassOrganizations.AsNoTracking().Where(x => x.Id == id)
            .Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => new { x, o.Code, o.Name }).SingleAsync(ct);
        var bodies = await BodiesAsync(db, actor, id, ct);
        var canKeep = await actor.CanAsync(db, Permission.MassOrganizationsManage, m.x.OrganizationId, ct);
        return new MassOrganizationView(m.x.Id, m.x.Kind, m.x.Name, m.x.ShortName, m.x.FoundedOn, m.x.Note, m.x.OrganizationId, m.Code, m.Name, canKeep, bodies);
    }

    public static async Task<Result<MassBodyView>> BodyAsync(CadreDbContext db, Actor actor, int bodyId, CancellationToken ct)
    {
        var body = await db.MassBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null || !await MassOrganizationAccess.ReadsAsync(db, actor, body.MassOrganizationId, ct)) return new MassBodyNotFound();
        var owner = await db.MassOrganizations.AsNoTracking().SingleAsync(m => m.Id == body.MassOrganizationId, ct);
        var tree = await BodiesAsync(db, actor, owner.Id, ct);
        var byId = tree.ToDictionary(b => b.Id);
        var path = new List<MassBodyRow>();
        for (var at = body.ParentId; at is { } a && byId.TryGetValue(a, out var up) && path.Count < tree.Count; at = up.ParentId) path.Insert(0, up);
        var scope = actor.Scope(db, Permission.MassOrganizationsRead);
        // Positions name party members: only those of the reader's own subtree are shown.
        var positions = db.MassPositions.AsNoTracking().Where(p => p.BodyId == bodyId)
            .Join(db.Members, p => p.MemberId, mb => mb.Id, (p, mb) => new { p, mb });
        if (scope is not null) positions = positions.Where(x => scope.Contains(x.mb.OrganizationId));
        var positionRows = await positions
            .Join(db.Organizations, x => x.mb.OrganizationId, o => o.Id, (x, o) => new { x.p, x.mb, o.Code })
            .OrderBy(x => x.p.To != null).ThenBy(x => x.p.Office == null).ThenBy(x => x.p.From).ThenBy(x => x.p.Id)
            .Select(x => new PositionRow(x.p.Id, x.mb.Id, x.mb.Number, x.mb.Person.GivenName + " " + x.mb.Person.FamilyName, x.Code, x.p.Office, x.p.From, x.p.To))
            .Take(2000).ToListAsync(ct);
        var reports = await db.MassReports.AsNoTracking().Where(r => r.BodyId == bodyId).OrderByDescending(r => r.On)
            .Select(r => new ReportRow(r.Id, r.On, r.Members, r.Women, r.Youth, r.Note)).Take(240).ToListAsync(ct);
        var canKeep = await actor.CanAsync(db, Permission.MassOrganizationsManage, owner.OrganizationId, ct);
        var self = byId[bodyId];
        return new MassBodyView(body.Id, owner.Id, owner.Name, body.ParentId, body.Name, body.Level, path, tree.Where(b => b.ParentId == bodyId).ToList(),
            self.Links, positionRows, reports, canKeep);
    }

    /// The mass organization's bodies in tree order (each under its parent, siblings by name), with the links the actor may see.
    private static async Task<List<MassBodyRow>> BodiesAsync(CadreDbContext db, Actor actor, int massOrganizationId, CancellationToken ct)
    {
        var bodies = await db.MassBodies.AsNoTracking().Where(b => b.MassOrganizationId == massOrganizationId)
            .Select(b => new { b.Id, b.ParentId, b.Name, b.Level }).ToListAsync(ct);
        var ids = bodies.Select(b => b.Id).ToList();
        var scope = actor.Scope(db, Permission.MassOrganizationsRead);
        var links = db.MassBodyLinks.AsNoTracking().Where(l => ids.Contains(l.BodyId));
        if (scope is not null) links = links.Where(l => scope.Contains(l.OrganizationId));
        var linkRows = (await links.Join(db.Organizations, l => l.OrganizationId, o => o.Id, (l, o) => new { l.BodyId, Row = new LinkRow(o.Id, o.Code, o.Name) })
            .ToListAsync(ct)).ToLookup(x => x.BodyId, x => x.Row);
        var latest = (await db.MassReports.AsNoTracking().Where(r => ids.Contains(r.BodyId)
                && r.On == db.MassReports.Where(x => x.BodyId == r.BodyId).Max(x => x.On))
            .Select(r => new { r.BodyId, r.On, r.Members, r.Women, r.Youth }).ToListAsync(ct))
            .ToDictionary(r => r.BodyId, r => new LatestReport(r.On, r.Members, r.Women, r.Youth));
        var children = bodies.ToLookup(b => b.ParentId);
        var known = bodies.Select(b => b.Id).ToHashSet();
        var ordered = new List<MassBodyRow>();
        void Walk(int? parent, int depth)
        {
            foreach (var b in children[parent].OrderBy(b => b.Name, StringComparer.CurrentCulture).ThenBy(b => b.Id))
            {
                ordered.Add(new MassBodyRow(b.Id, b.ParentId, depth, b.Name, b.Level, linkRows[b.Id].OrderBy(l => l.Code, StringComparer.Ordinal).ToList(),
                    latest.GetValueOrDefault(b.Id)));
                Walk(b.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return ordered;
    }
}
