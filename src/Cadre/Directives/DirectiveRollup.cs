using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Directives;

/// How many assignments are in each state, how many are overdue, and the sums of the figures reported (by organizations that
/// reported or whose report was accepted).
public sealed record RollupCounts(int Assigned, int Received, int Acknowledged, int InProgress, int Reported, int Accepted, int Returned, int Overdue,
    IReadOnlyList<long> Sums)
{
    /// Reported or accepted: the report is in.
    public int ReportsIn => Reported + Accepted;

    public static readonly RollupCounts Empty = new(0, 0, 0, 0, 0, 0, 0, 0, new long[Directive.MaxFigures]);
}

public sealed record LevelRollup(int LevelId, string Level, int Rank, RollupCounts Counts);

public sealed record OrganizationRollup(int OrganizationId, string Code, string Name, string Level, bool HasChildren, RollupCounts Counts,
    long? AssignmentId, AssignmentStatus? Status);

public sealed record Rollup(DirectiveView Directive, Crumb At, IReadOnlyList<Crumb> Breadcrumbs, RollupCounts Total, IReadOnlyList<LevelRollup> ByLevel,
    IReadOnlyList<OrganizationRollup> Children, AssignmentRow? Own);

/// The issuer's view of a directive: the roll-up of its chain's assignments below an organization (the issuer, or any
/// organization below it to drill down), by level and by the organization's children. Grouped queries over the chain's
/// index range (decision 0041): a few rows per level and status, never one per assignment.
public static class DirectiveRollup
{
    private sealed record Cell(int Key, AssignmentStatus Status, bool Past, int Count, long? S1, long? S2, long? S3, long? S4, long? S5);

    public static async Task<Result<Rollup>> RunAsync(CadreDbContext db, Actor actor, int directiveId, int? atOrganizationId, CancellationToken ct)
    {
        var directive = await DirectiveQueries.GetBelowAsync(db, actor, directiveId, atOrganizationId, ct);
        if (!directive.IsSuccess) return directive.Error;
        var (d, at) = directive.Value;
        var atOrganization = await db.Organizations.AsNoTracking().Where(o => o.Id == at).Select(o => new Crumb(o.Id, o.Code, o.Name)).SingleAsync(ct);
        var crumbs = await (from p in db.OrganizationPaths
                            join o in db.Organizations on p.AncestorId equals o.Id
                            where p.DescendantId == at && p.AncestorId != at
                                  && db.OrganizationPaths.Any(q => q.AncestorId == d.Issuer.Id && q.DescendantId == o.Id)
                            orderby p.Depth descending
                            select new Crumb(o.Id, o.Code, o.Name)).ToListAsync(ct);
        // A reader below the issuer sees nothing above their own organization.
        if (!await actor.CanAsync(db, Permission.DirectivesRead, d.Issuer.Id, ct))
        {
            var readable = new List<Crumb>();
            foreach (var c in crumbs)
                if (await actor.CanAsync(db, Permission.DirectivesRead, c.Id, ct)) readable.Add(c);
            crumbs = readable;
        }

        var today = db.Today;
        var below = Below(db, d, at);
        var byLevel = await below.GroupBy(a => new { a.LevelId, a.Status, Past = a.DueOn < today })
            .Select(g => new Cell(g.Key.LevelId, g.Key.Status, g.Key.Past, g.Count(), g.Sum(a => a.Figure1), g.Sum(a => a.Figure2), g.Sum(a => a.Figure3),
                g.Sum(a => a.Figure4), g.Sum(a => a.Figure5)))
            .ToListAsync(ct);
        var levels = await db.Levels.AsNoTracking().ToDictionaryAsync(l => l.Id, ct);
        var levelRows = byLevel.GroupBy(c => c.Key)
            .Select(g => new LevelRollup(g.Key, levels[g.Key].Name, levels[g.Key].Rank, Count(g, d.ReportRequired)))
            .OrderBy(l => l.Rank).ToList();

        var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == at)
            .OrderBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Name, Level = o.Level.Name, HasChildren = db.Organizations.Any(c => c.ParentId == o.Id) })
            .Take(500).ToListAsync(ct);
        var childIds = children.Select(c => c.Id).ToList();
        var byChild = await (from a in below
                             join p in db.OrganizationPaths on a.OrganizationId equals p.DescendantId
                             where childIds.Contains(p.AncestorId)
                             group a by new { p.AncestorId, a.Status, Past = a.DueOn < today } into g
                             select new Cell(g.Key.AncestorId, g.Key.Status, g.Key.Past, g.Count(), g.Sum(a => a.Figure1), g.Sum(a => a.Figure2),
                                 g.Sum(a => a.Figure3), g.Sum(a => a.Figure4), g.Sum(a => a.Figure5)))
            .ToListAsync(ct);
        var own = await db.Assignments.AsNoTracking().Where(a => a.RootDirectiveId == d.ChainId && childIds.Contains(a.OrganizationId))
            .Select(a => new { a.OrganizationId, a.Id, a.Status }).ToDictionaryAsync(a => a.OrganizationId, ct);
        var cells = byChild.ToLookup(c => c.Key);
        var childRows = children
            .Select(c => new OrganizationRollup(c.Id, c.Code, c.Name, c.Level, c.HasChildren, Count(cells[c.Id], d.ReportRequired),
                own.TryGetValue(c.Id, out var mine) ? mine.Id : null, own.TryGetValue(c.Id, out var status) ? status.Status : null))
            .Where(c => c.Counts.Assigned > 0 || c.HasChildren)
            .ToList();

        AssignmentRow? atOwn = null;
        if (at != d.Issuer.Id)
            atOwn = await DirectiveQueries.Rows(db, db.Assignments.Where(a => a.RootDirectiveId == d.ChainId && a.OrganizationId == at), d.ReportRequired, today)
                .SingleOrDefaultAsync(ct);
        return new Rollup(d, atOrganization, crumbs, Count(byLevel, d.ReportRequired), levelRows, childRows, atOwn);
    }

    /// The chain's assignments below an organization (itself included when it is not the directive's issuer).
    internal static IQueryable<Assignment> Below(CadreDbContext db, DirectiveView directive, int at)
    {
        var chain = directive.ChainId;
        var issuer = directive.Issuer.Id;
        var assignments = db.Assignments.AsNoTracking().Where(a => a.RootDirectiveId == chain && a.OrganizationId != issuer);
        // Below the first directive's issuer lies the whole chain: no join needed.
        if (at == issuer && directive.ParentDirectiveId is null) return assignments;
        return from a in assignments
               join p in db.OrganizationPaths on a.OrganizationId equals p.DescendantId
               where p.AncestorId == at
               select a;
    }

    private static RollupCounts Count(IEnumerable<Cell> cells, bool reportRequired)
    {
        int assigned = 0, received = 0, acknowledged = 0, inProgress = 0, reported = 0, accepted = 0, returned = 0, overdue = 0;
        var sums = new long[Directive.MaxFigures];
        foreach (var c in cells)
        {
            assigned += c.Count;
            var done = c.Status is AssignmentStatus.Reported or AssignmentStatus.Accepted;
            if (reportRequired && c.Past && !done) overdue += c.Count;
            switch (c.Status)
            {
                case AssignmentStatus.Received: received += c.Count; break;
                case AssignmentStatus.Acknowledged: acknowledged += c.Count; break;
                case AssignmentStatus.InProgress: inProgress += c.Count; break;
                case AssignmentStatus.Reported: reported += c.Count; break;
                case AssignmentStatus.Accepted: accepted += c.Count; break;
                case AssignmentStatus.Returned: returned += c.Count; break;
            }
            if (!done) continue;
            sums[0] += c.S1 ?? 0;
            sums[1] += c.S2 ?? 0;
            sums[2] += c.S3 ?? 0;
            sums[3] += c.S4 ?? 0;
            sums[4] += c.S5 ?? 0;
        }
        return new RollupCounts(assigned, received, acknowledged, inProgress, reported, accepted, returned, overdue, sums);
    }
}
