using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Directives;

public sealed record FigureView(int Number, string Name);

public sealed record DirectiveView(int Id, string Title, string Text, string TextHtml, Crumb Issuer, string? IssuerBody, DateOnly IssuedOn, DateOnly DueOn,
    bool ReportRequired, string? ReportForm, string? ReportFormHtml, DirectiveTarget Target, IReadOnlyList<FigureView> Figures, int? ParentDirectiveId,
    int ChainId, string? ChainTitle, bool CanManage);

public sealed record AssignmentRow(long Id, int DirectiveId, int OrganizationId, string Code, string Name, string Level, AssignmentStatus Status,
    DateOnly DueOn, DateOnly? ReportedOn, ReportOutcome? Outcome, bool Overdue, IReadOnlyList<long?> Figures);

public sealed record AssignmentView(long Id, Crumb Organization, string Level, AssignmentStatus Status, DateOnly DueOn, bool Overdue,
    DateOnly? AcknowledgedOn, DateOnly? StartedOn, DateOnly? ReportedOn, ReportOutcome? Outcome, string? Reason, string? ReportText,
    string? ReportTextHtml, IReadOnlyList<long?> Figures, bool SummarisesSubtree, DateOnly? ReviewedOn, string? ReviewNote, int? PassedOnDirectiveId,
    DirectiveView Directive, DirectiveView? Chain, IReadOnlyList<FigureView> FigureNames, bool HasChildren, IReadOnlyList<long>? SubtreeSums,
    int SubtreeReports, bool CanAct, bool CanReview, bool CanRead)
{
    public bool CanPassOn => CanAct && HasChildren && PassedOnDirectiveId is null && Status is not (AssignmentStatus.Received or AssignmentStatus.Reported
        or AssignmentStatus.Accepted);
}

public sealed record AssignmentFilter
{
    public int? At { get; init; }

    public AssignmentStatus? Status { get; init; }

    public bool OverdueOnly { get; init; }

    public string? Cursor { get; init; }

    public int Take { get; init; } = 50;
}

public static class DirectiveQueries
{
    /// A directive, for those who read the directives of the organization that issued it.
    public static async Task<Result<DirectiveView>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var view = await ViewAsync(db, id, ct);
        if (view is null || !await actor.CanAsync(db, Permission.DirectivesRead, view.Issuer.Id, ct)) return new DirectiveNotFound();
        return view with { CanManage = await actor.CanAsync(db, Permission.DirectivesManage, view.Issuer.Id, ct) };
    }

    /// A directive seen below one organization of its subtree: by those who read the issuer's directives (below any organization
    /// of the subtree, the issuer when at is null), or by those who read the directives of that organization, who see the
    /// directive and its roll-up below their organization and nothing above it. Answers the directive and where to look.
    public static async Task<Result<(DirectiveView Directive, int At)>> GetBelowAsync(CadreDbContext db, Actor actor, int id, int? at, CancellationToken ct)
    {
        var view = await ViewAsync(db, id, ct);
        if (view is null) return new DirectiveNotFound();
        var issuer = view.Issuer.Id;
        if (at is { } below && below != issuer
            && !await db.OrganizationPaths.AnyAsync(p => p.AncestorId == issuer && p.DescendantId == below && p.Depth > 0, ct))
            return new DirectiveNotFound();
        if (await actor.CanAsync(db, Permission.DirectivesRead, issuer, ct))
            return (view with { CanManage = await actor.CanAsync(db, Permission.DirectivesManage, issuer, ct) }, at ?? issuer);
        if (at is { } mine && mine != issuer && await actor.CanAsync(db, Permission.DirectivesRead, mine, ct)) return (view, mine);
        return new DirectiveNotFound();
    }

    private static async Task<DirectiveView?> ViewAsync(CadreDbContext db, int id, CancellationToken ct)
    {
        var d = await (from x in db.Directives.AsNoTracking()
                       join o in db.Organizations on x.IssuerOrganizationId equals o.Id
                       where x.Id == id
                       select new
                       {
                           x.Id, x.Title, x.Text, Issuer = new Crumb(o.Id, o.Code, o.Name),
                           Body = db.Bodies.Where(b => b.Id == x.IssuerBodyId).Select(b => b.Name).FirstOrDefault(),
                           x.IssuedOn, x.DueOn, x.ReportRequired, x.ReportForm, x.Target, x.ParentDirectiveId, x.RootDirectiveId,
                       }).SingleOrDefaultAsync(ct);
        if (d is null) return null;
        var chain = d.RootDirectiveId ?? d.Id;
        var figures = await db.DirectiveFigures.AsNoTracking().Where(f => f.DirectiveId == chain).OrderBy(f => f.Number)
            .Select(f => new FigureView(f.Number, f.Name)).ToListAsync(ct);
        var chainTitle = d.RootDirectiveId is null ? null : await db.Directives.Where(r => r.Id == chain).Select(r => r.Title).SingleAsync(ct);
        return new DirectiveView(d.Id, d.Title, d.Text, Markdown.ToHtml(d.Text), d.Issuer, d.Body, d.IssuedOn, d.DueOn, d.ReportRequired, d.ReportForm,
            d.ReportForm is null ? null : Markdown.ToHtml(d.ReportForm), d.Target, figures, d.ParentDirectiveId, chain, chainTitle, false);
    }

    /// An assignment, for those who read the receiving organization's directives and for the organization it answers to.
    public static async Task<Result<AssignmentView>> GetAssignmentAsync(CadreDbContext db, Actor actor, long id, CancellationToken ct)
    {
        var a = await db.Assignments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return new AssignmentNotFound();
        var directive = (await ViewAsync(db, a.DirectiveId, ct))!;
        var canRead = await actor.CanAsync(db, Permission.DirectivesRead, a.OrganizationId, ct);
        var canReadIssuer = await actor.CanAsync(db, Permission.DirectivesRead, directive.Issuer.Id, ct);
        if (!canRead && !canReadIssuer) return new AssignmentNotFound();
        var chain = directive.ChainId == directive.Id ? null : await ViewAsync(db, directive.ChainId, ct);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == a.OrganizationId)
            .Select(o => new { Crumb = new Crumb(o.Id, o.Code, o.Name), Level = o.Level.Name, HasChildren = db.Organizations.Any(c => c.ParentId == o.Id) })
            .SingleAsync(ct);
        IReadOnlyList<long>? sums = null;
        var reports = 0;
        if (organization.HasChildren)
        {
            sums = await ReportAssignment.SubtreeSumsAsync(db, a, ct);
            reports = await (from x in db.Assignments
                             join p in db.OrganizationPaths on x.OrganizationId equals p.DescendantId
                             where p.AncestorId == a.OrganizationId && p.Depth > 0 && x.RootDirectiveId == a.RootDirectiveId && Assignment.Done.Contains(x.Status)
                             select x.Id).CountAsync(ct);
        }
        var today = db.Today;
        return new AssignmentView(a.Id, organization.Crumb, organization.Level, a.Status, a.DueOn, a.IsOverdue(today, directive.ReportRequired),
            a.AcknowledgedOn, a.StartedOn, a.ReportedOn, a.Outcome, a.Reason, a.ReportText, a.ReportText is null ? null : Markdown.ToHtml(a.ReportText),
            a.Figures.Take(directive.Figures.Count).ToList(), a.SummarisesSubtree, a.ReviewedOn, a.ReviewNote, a.PassedOnDirectiveId,
            directive with { CanManage = await actor.CanAsync(db, Permission.DirectivesManage, directive.Issuer.Id, ct) }, chain, directive.Figures,
            organization.HasChildren, sums, reports,
            CanAct: await actor.CanAsync(db, Permission.DirectivesManage, a.OrganizationId, ct),
            CanReview: await actor.CanAsync(db, Permission.DirectivesManage, directive.Issuer.Id, ct),
            CanRead: canRead);
    }

    /// The chain's assignments below an organization of the directive's subtree, to drill down: by status, or only the overdue.
    public static async Task<Result<CursorPage<AssignmentRow>>> ListAssignmentsAsync(CadreDbContext db, Actor actor, int directiveId, AssignmentFilter filter,
        CancellationToken ct)
    {
        if (filter.Take is < 1 or > 500) return new InvalidField("limit", "Between 1 and 500.");
        if (filter.Status is { } s && !Enum.IsDefined(s)) return new InvalidField("status", "Not a status of an assignment.");
        long after = 0;
        if (filter.Cursor is not null)
        {
            if (Cursor.Decode(filter.Cursor) is not { Key: "a" } decoded) return new InvalidCursor();
            after = decoded.Id;
        }
        var directive = await GetBelowAsync(db, actor, directiveId, filter.At, ct);
        if (!directive.IsSuccess) return directive.Error;
        var (d, at) = directive.Value;
        var today = db.Today;
        var query = DirectiveRollup.Below(db, d, at).Where(a => a.Id > after);
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (filter.OverdueOnly)
            query = d.ReportRequired ? query.Where(a => a.DueOn < today && !Assignment.Done.Contains(a.Status)) : query.Where(a => false);
        var rows = await Rows(db, query.OrderBy(a => a.Id).Take(filter.Take + 1), d.ReportRequired, today).ToListAsync(ct);
        var more = rows.Count > filter.Take;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new CursorPage<AssignmentRow>(rows, more ? Cursor.Encode("a", rows[^1].Id) : null);
    }

    internal static IQueryable<AssignmentRow> Rows(CadreDbContext db, IQueryable<Assignment> assignments, bool reportRequired, DateOnly today) =>
        from a in assignments
        join o in db.Organizations on a.OrganizationId equals o.Id
        select new AssignmentRow(a.Id, a.DirectiveId, o.Id, o.Code, o.Name, o.Level.Name, a.Status, a.DueOn, a.ReportedOn, a.Outcome,
            reportRequired && a.DueOn < today && a.Status != AssignmentStatus.Reported && a.Status != AssignmentStatus.Accepted,
            new[] { a.Figure1, a.Figure2, a.Figure3, a.Figure4, a.Figure5 });
}
