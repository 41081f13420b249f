using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Directives;

/// An intermediate organization passes a directive it was assigned on to its own subtree, with its own instructions and a due
/// date no later than its own. Organizations below it that already hold an assignment of the chain from above now answer to it
/// (their assignment points at the new directive, due no later than its date); the others get a new assignment.
public static class PassOnDirective
{
    private const string Savepoint = "directive";

    public sealed record Request
    {
        public int? IssuerBodyId { get; init; }

        /// The title of the directive passed on when not given.
        public string? Title { get; init; }

        /// The organization's own instructions.
        public string? Text { get; init; }

        public DateOnly DueOn { get; init; }

        public DirectiveTarget Target { get; init; } = DirectiveTarget.Subtree;

        public IReadOnlyList<int>? LevelIds { get; init; }

        public IReadOnlyList<int>? OrganizationIds { get; init; }
    }

    public sealed record PassedOn(int DirectiveId, int Assigned, int Repointed);

    public static async Task<Result<PassedOn>> HandleAsync(CadreDbContext db, Actor actor, long assignmentId, Request request, CancellationToken ct)
    {
        var found = await DirectiveAccess.ActAsync(db, actor, assignmentId, ct);
        if (!found.IsSuccess) return found.Error;
        var from = found.Value;
        var passer = from.OrganizationId;
        if (request.IssuerBodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId && b.OrganizationId == passer, ct))
            return new IssuerBodyNotFound();
        var parent = await db.Directives.AsNoTracking().SingleAsync(d => d.Id == from.DirectiveId, ct);
        var directive = Directive.PassOn(parent, from, request.IssuerBodyId, request.Title, request.Text, request.DueOn, request.Target, request.LevelIds, db.Today);
        if (!directive.IsSuccess) return directive.Error;
        var targets = await DirectiveTargets.CheckAsync(db, passer, request.Target, request.LevelIds, request.OrganizationIds, ct);
        if (!targets.IsSuccess) return targets.Error;
        var chain = parent.ChainId;

        // Its own transaction, or a savepoint within the caller's (the demo party seeds in one transaction).
        var outer = db.Database.CurrentTransaction;
        await using var transaction = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (outer is not null) await outer.CreateSavepointAsync(Savepoint, ct);
        db.Directives.Add(directive.Value);
        await db.SaveChangesAsync(ct);
        var marked = from.MarkPassedOn(directive.Value.Id);
        if (!marked.IsSuccess)
        {
            if (outer is not null) await outer.RollbackToSavepointAsync(Savepoint, ct);
            db.ChangeTracker.Clear();
            return marked.Error;
        }
        var saved = await DirectiveAccess.SaveAsync(db, ct);
        if (!saved.IsSuccess)
        {
            if (outer is not null) await outer.RollbackToSavepointAsync(Savepoint, ct);
            db.ChangeTracker.Clear();
            return saved.Error;
        }

        // Only assignments that came from above this organization move to it: what a lower organization has passed on stays its own.
        var fromAbove = await db.Directives
            .Where(d => (d.Id == chain || d.RootDirectiveId == chain)
                && db.OrganizationPaths.Any(p => p.AncestorId == d.IssuerOrganizationId && p.DescendantId == passer && p.Depth > 0))
            .Select(d => d.Id).ToListAsync(ct);
        var below = from p in db.OrganizationPaths
                    join o in db.Organizations on p.DescendantId equals o.Id
                    where p.AncestorId == passer && p.Depth > 0 && o.Status == OrganizationStatus.Active
                    select o;
        if (targets.Value.LevelIds is { } levels) below = below.Where(o => levels.Contains(o.LevelId));
        if (targets.Value.OrganizationIds is { } chosen) below = below.Where(o => chosen.Contains(o.Id));
        var belowIds = below.Select(o => o.Id);
        var due = directive.Value.DueOn;
        var newId = directive.Value.Id;
        var repointed = await db.Assignments
            .Where(a => a.RootDirectiveId == chain && fromAbove.Contains(a.DirectiveId) && belowIds.Contains(a.OrganizationId)
                && a.Status != AssignmentStatus.Reported && a.Status != AssignmentStatus.Accepted)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.DirectiveId, newId)
                .SetProperty(a => a.DueOn, a => a.DueOn > due ? due : a.DueOn)
                .SetProperty(a => a.Version, a => a.Version + 1), ct);
        var assigned = await AssignmentSql.AssignAsync(db, newId, targets.Value.LevelIds, targets.Value.OrganizationIds, ct);
        if (assigned + repointed == 0)
        {
            if (outer is not null) await outer.RollbackToSavepointAsync(Savepoint, ct);
            db.ChangeTracker.Clear();
            return new NothingToPassOn();
        }
        DirectiveTargets.Audit(db, directive.Value, assigned, repointed);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new PassedOn(newId, assigned, repointed);
    }
}
