using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Directives;

public sealed record InboxItem(long AssignmentId, int DirectiveId, string Title, string IssuedBy, DateOnly IssuedOn, DateOnly DueOn, AssignmentStatus Status,
    bool Overdue);

public sealed record IssuedItem(int DirectiveId, string Title, DateOnly IssuedOn, DateOnly DueOn, bool PassedOn, int Assigned, int ReportsIn, int Overdue);

/// A directive issued above the organization that reached organizations below it but not the organization itself (e.g. one
/// to every primary organization, seen by a district), with the progress below it.
public sealed record ReachingItem(int DirectiveId, string Title, string IssuedBy, DateOnly IssuedOn, DateOnly DueOn, int Assigned, int ReportsIn, int Overdue);

public sealed record Inbox(Crumb Organization, IReadOnlyList<InboxItem> ToActOn, IReadOnlyList<IssuedItem> Issued, bool CanManage)
{
    public IReadOnlyList<ReachingItem> Reaching { get; init; } = [];
}

/// A secretary's inbox: the directives their organization is to act on (open assignments by due date, the overdue first) and
/// the progress of the directives it issued and of those from above that reached its subtree past it.
public static class DirectiveInbox
{
    public const int MaxItems = 200;

    public static async Task<Result<Inbox>> ForAsync(CadreDbContext db, Actor actor, int? organizationId, CancellationToken ct)
    {
        var id = organizationId ?? await HomeAsync(db, actor, ct);
        if (id is null) return new DirectiveScopeNotFound();
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new Crumb(o.Id, o.Code, o.Name)).SingleOrDefaultAsync(ct);
        if (organization is null || !await actor.CanAsync(db, Permission.DirectivesRead, organization.Id, ct)) return new DirectiveScopeNotFound();
        var today = db.Today;

        var open = await (from a in db.Assignments.AsNoTracking()
                          join d in db.Directives on a.DirectiveId equals d.Id
                          join i in db.Organizations on d.IssuerOrganizationId equals i.Id
                          join r in db.Directives on a.RootDirectiveId equals r.Id
                          where a.OrganizationId == organization.Id && a.Status != AssignmentStatus.Accepted
                          orderby a.DueOn, a.Id
                          select new InboxItem(a.Id, d.Id, d.Title, i.Name, d.IssuedOn, a.DueOn, a.Status,
                              r.ReportRequired && a.DueOn < today && a.Status != AssignmentStatus.Reported))
            .Take(MaxItems).ToListAsync(ct);

        var issued = await db.Directives.AsNoTracking().Where(d => d.IssuerOrganizationId == organization.Id)
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(50)
            .Select(d => new { d.Id, d.Title, d.IssuedOn, d.DueOn, Chain = d.RootDirectiveId ?? d.Id, PassedOn = d.RootDirectiveId != null })
            .ToListAsync(ct);
        var chains = issued.Select(d => d.Chain).ToList();
        var cells = await (from a in db.Assignments
                           join p in db.OrganizationPaths on a.OrganizationId equals p.DescendantId
                           join r in db.Directives on a.RootDirectiveId equals r.Id
                           where p.AncestorId == organization.Id && p.Depth > 0 && chains.Contains(a.RootDirectiveId)
                           group a by new { a.RootDirectiveId, a.Status, Past = r.ReportRequired && a.DueOn < today } into g
                           select new { g.Key.RootDirectiveId, g.Key.Status, g.Key.Past, Count = g.Count() }).ToListAsync(ct);
        var byChain = cells.ToLookup(c => c.RootDirectiveId);
        var items = issued.Select(d =>
        {
            var c = byChain[d.Chain].ToList();
            return new IssuedItem(d.Id, d.Title, d.IssuedOn, d.DueOn, d.PassedOn, c.Sum(x => x.Count),
                c.Where(x => Assignment.Done.Contains(x.Status)).Sum(x => x.Count),
                c.Where(x => x.Past && !Assignment.Done.Contains(x.Status)).Sum(x => x.Count));
        }).ToList();
        return new Inbox(organization, open, items, await actor.CanAsync(db, Permission.DirectivesManage, organization.Id, ct))
        {
            Reaching = await ReachingAsync(db, organization.Id, today, ct),
        };
    }

    /// The latest first directives of chains issued by the organization's ancestors that hold assignments below it but none at
    /// it. The test below goes from the organization's descendants to the chain's unique (chain, organization) index.
    private static async Task<List<ReachingItem>> ReachingAsync(CadreDbContext db, int organizationId, DateOnly today, CancellationToken ct)
    {
        var reaching = await (from d in db.Directives.AsNoTracking()
                              join i in db.Organizations on d.IssuerOrganizationId equals i.Id
                              where d.RootDirectiveId == null
                                    && db.OrganizationPaths.Any(p => p.DescendantId == organizationId && p.AncestorId == d.IssuerOrganizationId && p.Depth > 0)
                                    && !db.Assignments.Any(a => a.RootDirectiveId == d.Id && a.OrganizationId == organizationId)
                                    && db.OrganizationPaths.Any(p => p.AncestorId == organizationId && p.Depth > 0
                                        && db.Assignments.Any(a => a.RootDirectiveId == d.Id && a.OrganizationId == p.DescendantId))
                              orderby d.IssuedOn descending, d.Id descending
                              select new { d.Id, d.Title, IssuedBy = i.Name, d.IssuedOn, d.DueOn, d.ReportRequired })
            .Take(20).ToListAsync(ct);
        if (reaching.Count == 0) return [];
        var chains = reaching.Select(d => d.Id).ToList();
        var cells = await (from a in db.Assignments
                           join p in db.OrganizationPaths on a.OrganizationId equals p.DescendantId
                           where p.AncestorId == organizationId && p.Depth > 0 && chains.Contains(a.RootDirectiveId)
                           group a by new { a.RootDirectiveId, a.Status, Past = a.DueOn < today } into g
                           select new { g.Key.RootDirectiveId, g.Key.Status, g.Key.Past, Count = g.Count() }).ToListAsync(ct);
        var byChain = cells.ToLookup(c => c.RootDirectiveId);
        return reaching.Select(d =>
        {
            var c = byChain[d.Id].ToList();
            return new ReachingItem(d.Id, d.Title, d.IssuedBy, d.IssuedOn, d.DueOn, c.Sum(x => x.Count),
                c.Where(x => Assignment.Done.Contains(x.Status)).Sum(x => x.Count),
                d.ReportRequired ? c.Where(x => x.Past && !Assignment.Done.Contains(x.Status)).Sum(x => x.Count) : 0);
        }).ToList();
    }

    /// The organization whose inbox a user opens first: where they hold the permission (the top for an administrator).
    public static async Task<int?> HomeAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.IsAdministrator) return await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        var roots = actor.RootsFor(Permission.DirectivesRead);
        return roots.Count == 0 ? null : roots[0];
    }
}
