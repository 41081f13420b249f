using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

public sealed record OrganizationSummary(int Id, string Code, string Name, string Level, OrganizationStatus Status, int? ParentId, bool HasChildren);

public sealed record Crumb(int Id, string Code, string Name);

public sealed record TermRow(int Id, int PersonId, int? MemberId, string PersonName, DateOnly StartsOn, DateOnly? EndsOn, string? Note, bool IsCurrent);

public sealed record OfficeRow(int Id, string Title, OfficeKind Kind, int Seats, int? BodyId, string? BodyName, IReadOnlyList<TermRow> Terms)
{
    public IEnumerable<TermRow> Current => Terms.Where(t => t.IsCurrent);
}

public sealed record BodyRow(int Id, string Name, BodyKind Kind);

public sealed record OrganizationDetails(
    int Id, string Code, string Name, int LevelId, string Level, int? ParentId, DateOnly FoundedOn, OrganizationStatus Status,
    DateOnly? EndedOn, Crumb? MergedInto, int Version, IReadOnlyList<Crumb> Breadcrumbs, IReadOnlyList<OrganizationSummary> Children,
    int MemberCount, int SubtreeMemberCount, IReadOnlyList<BodyRow> Bodies, IReadOnlyList<OfficeRow> Offices,
    bool CanManage, bool CanManageOffices, bool CanManageMembers);

public sealed record VersionRow(int OrganizationId, string Code, string Name, string Level, int? ParentId, OrganizationStatus Status,
    DateOnly ValidFrom, DateOnly? ValidTo, bool HasChildren);

public static class OrganizationQueries
{
    public static async Task<Result<OrganizationDetails>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var found = await OrganizationAccess.FindAsync(db, actor, id, Permission.OrganizationsRead, ct);
        if (!found.IsSuccess) return found.Error;
        var o = found.Value;
        var today = db.Today;

        // A null scope cannot be tested inside the query (EF cannot translate "subquery == null"), so it is applied here.
        var readable = actor.Scope(db, Permission.OrganizationsRead);
        var ancestors = db.OrganizationPaths.Where(p => p.DescendantId == id && p.AncestorId != id);
        if (readable is not null) ancestors = ancestors.Where(p => readable.Contains(p.AncestorId));
        var crumbs = await (from p in ancestors
                            join a in db.Organizations on p.AncestorId equals a.Id
                            orderby p.Depth descending
                            select new Crumb(a.Id, a.Code, a.Name)).ToListAsync(ct);

        var children = await ChildrenQuery(db, db.Organizations.Where(c => c.ParentId == id)).ToListAsync(ct);
        var memberCount = await db.Members.CountAsync(m => m.OrganizationId == id && MembershipStateMachine.Current.Contains(m.Status), ct);
        // Everything below comes from the tallies (decision 0012): a few rows, not a read of every member of the subtree.
        var subtreeCount = memberCount + await db.MemberTallies
            .Where(t => t.OrganizationId == id && MembershipStateMachine.Current.Contains(t.Status)).SumAsync(t => t.Members, ct);

        var bodies = await db.Bodies.AsNoTracking().Where(b => b.OrganizationId == id).OrderBy(b => b.Kind).ThenBy(b => b.Name)
            .Select(b => new BodyRow(b.Id, b.Name, b.Kind)).ToListAsync(ct);
        var offices = await db.Offices.AsNoTracking().Where(f => f.OrganizationId == id).OrderBy(f => f.Kind).ThenBy(f => f.Title)
            .Select(f => new { f.Id, f.Title, f.Kind, f.Seats, f.BodyId, BodyName = f.Body == null ? null : f.Body.Name }).ToListAsync(ct);
        var officeIds = offices.Select(f => f.Id).ToList();
        var terms = await db.Terms.AsNoTracking().Where(t => officeIds.Contains(t.OfficeId))
            .OrderByDescending(t => t.StartsOn)
            .Select(t => new { t.Id, t.OfficeId, t.PersonId, MemberId = t.Person.Membership == null ? (int?)null : t.Person.Membership.Id,
                Name = t.Person.GivenName + " " + t.Person.FamilyName, t.StartsOn, t.EndsOn, t.Note })
            .ToListAsync(ct);
        var officeRows = offices.Select(f => new OfficeRow(f.Id, f.Title, f.Kind, f.Seats, f.BodyId, f.BodyName,
            terms.Where(t => t.OfficeId == f.Id)
                .Select(t => new TermRow(t.Id, t.PersonId, t.MemberId, t.Name, t.StartsOn, t.EndsOn, t.Note,
                    t.StartsOn <= today && (t.EndsOn == null || t.EndsOn >= today)))
                .ToList())).ToList();

        Crumb? mergedInto = null;
        if (o.MergedIntoId is { } mergedId)
            mergedInto = await db.Organizations.Where(m => m.Id == mergedId).Select(m => new Crumb(m.Id, m.Code, m.Name)).SingleAsync(ct);

        return new OrganizationDetails(o.Id, o.Code, o.Name, o.LevelId, o.Level.Name, o.ParentId, o.FoundedOn, o.Status, o.EndedOn,
            mergedInto, o.Version, crumbs, children, memberCount, subtreeCount, bodies, officeRows,
            await actor.CanAsync(db, Permission.OrganizationsManage, id, ct),
            await actor.CanAsync(db, Permission.OfficesManage, id, ct),
            await actor.CanAsync(db, Permission.MembersManage, id, ct));
    }

    /// The organizations at the top of what the actor may see: the tree's roots for an administrator,
    /// otherwise the organizations their roles were granted at (without those already below another).
    public static async Task<IReadOnlyList<OrganizationSummary>> RootsAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.IsAdministrator)
            return await ChildrenQuery(db, db.Organizations.Where(o => o.ParentId == null)).ToListAsync(ct);
        var roots = actor.RootsFor(Permission.OrganizationsRead);
        var covered = await db.OrganizationPaths
            .Where(p => roots.Contains(p.AncestorId) && roots.Contains(p.DescendantId) && p.Depth > 0)
            .Select(p => p.DescendantId).ToListAsync(ct);
        var top = roots.Except(covered).ToList();
        return await ChildrenQuery(db, db.Organizations.Where(o => top.Contains(o.Id))).ToListAsync(ct);
    }

    public static async Task<Result<IReadOnlyList<OrganizationSummary>>> ChildrenAsync(CadreDbContext db, Actor actor, int parentId, bool includeEnded, CancellationToken ct)
    {
        if (!await actor.CanAsync(db, Permission.OrganizationsRead, parentId, ct)) return new OrganizationNotFound();
        var query = db.Organizations.Where(o => o.ParentId == parentId);
        if (!includeEnded) query = query.Where(o => o.Status == OrganizationStatus.Active);
        return await ChildrenQuery(db, query).ToListAsync(ct);
    }

    private static IQueryable<OrganizationSummary> ChildrenQuery(CadreDbContext db, IQueryable<Organization> query) =>
        query.AsNoTracking().OrderBy(o => o.Status).ThenBy(o => o.Name)
            .Select(o => new OrganizationSummary(o.Id, o.Code, o.Name, o.Level.Name, o.Status, o.ParentId,
                db.Organizations.Any(c => c.ParentId == o.Id)));

    /// Search by code or by the start of a name (or of any word of it), within the actor's subtree.
    public static async Task<IReadOnlyList<OrganizationSummary>> SearchAsync(CadreDbContext db, Actor actor, string? term, int take, CancellationToken ct)
    {
        var key = Text.SearchKey(term);
        if (key.Length == 0) return [];
        var code = Organization.NormalizeCode(term!);
        var upper = Text.PrefixUpperBound(key);
        var codeUpper = Text.PrefixUpperBound(code);
        var wordKey = " " + key;
        var query = db.Organizations.AsNoTracking().Where(o =>
            (string.Compare(o.Code, code) >= 0 && string.Compare(o.Code, codeUpper) < 0)
            || (string.Compare(o.NameKey, key) >= 0 && string.Compare(o.NameKey, upper) < 0)
            || o.NameKey.Contains(wordKey));
        var scope = actor.Scope(db, Permission.OrganizationsRead);
        if (scope is not null) query = query.Where(o => scope.Contains(o.Id));
        return await ChildrenQuery(db, query).Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
    }

    /// The tree as it was on a date: the children of parentId (or the visible roots) according to the history.
    public static async Task<Result<IReadOnlyList<VersionRow>>> TreeOnAsync(CadreDbContext db, Actor actor, DateOnly on, int? parentId, CancellationToken ct)
    {
        IQueryable<OrganizationVersion> versions = db.OrganizationVersions.AsNoTracking()
            .Where(v => v.ValidFrom <= on && (v.ValidTo == null || v.ValidTo > on));
        if (parentId is { } pid)
        {
            if (!await actor.CanAsync(db, Permission.OrganizationsRead, pid, ct)) return new OrganizationNotFound();
            versions = versions.Where(v => v.ParentId == pid);
        }
        else if (actor.IsAdministrator)
        {
            versions = versions.Where(v => v.ParentId == null);
        }
        else
        {
            var roots = (await RootsAsync(db, actor, ct)).Select(r => r.Id).ToList();
            versions = versions.Where(v => roots.Contains(v.OrganizationId));
        }
        var all = db.OrganizationVersions.Where(c => c.ValidFrom <= on && (c.ValidTo == null || c.ValidTo > on));
        var rows = await versions.OrderBy(v => v.Name)
            .Select(v => new VersionRow(v.OrganizationId, v.Code, v.Name,
                db.Levels.Where(l => l.Id == v.LevelId).Select(l => l.Name).First(),
                v.ParentId, v.Status, v.ValidFrom, v.ValidTo, all.Any(c => c.ParentId == v.OrganizationId)))
            .ToListAsync(ct);
        return rows;
    }

    public static async Task<Result<IReadOnlyList<VersionRow>>> HistoryAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        if (!await actor.CanAsync(db, Permission.OrganizationsRead, id, ct)) return new OrganizationNotFound();
        return await db.OrganizationVersions.AsNoTracking().Where(v => v.OrganizationId == id).OrderBy(v => v.ValidFrom).ThenBy(v => v.Id)
            .Select(v => new VersionRow(v.OrganizationId, v.Code, v.Name,
                db.Levels.Where(l => l.Id == v.LevelId).Select(l => l.Name).First(), v.ParentId, v.Status, v.ValidFrom, v.ValidTo, false))
            .ToListAsync(ct);
    }

    /// Organizations a member may be placed in (active, lowest level), within the actor's right to manage members.
    public static async Task<IReadOnlyList<OrganizationSummary>> PrimaryChoicesAsync(CadreDbContext db, Actor actor, string? term, int take, CancellationToken ct)
    {
        var lowest = await db.Levels.MaxAsync(l => l.Rank, ct);
        var query = db.Organizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Active && o.Level.Rank == lowest);
        var scope = actor.Scope(db, Permission.MembersManage);
        if (scope is not null) query = query.Where(o => scope.Contains(o.Id));
        var key = Text.SearchKey(term);
        if (key.Length > 0)
        {
            var code = Organization.NormalizeCode(term!);
            query = query.Where(o => o.NameKey.Contains(key) || o.Code.StartsWith(code));
        }
        return await ChildrenQuery(db, query).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    public static Task<List<Level>> LevelsAsync(CadreDbContext db, CancellationToken ct) =>
        db.Levels.AsNoTracking().OrderBy(l => l.Rank).ToListAsync(ct);
}
