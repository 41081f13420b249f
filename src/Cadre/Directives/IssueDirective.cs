using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Directives;

/// (A body of) an organization issues a directive to its whole subtree, to the organizations of chosen levels in it, or to chosen
/// organizations; each receiving organization gets an assignment, created in one statement (AssignmentSql).
public static class IssueDirective
{
    private const string Savepoint = "directive";

    public sealed record Request
    {
        public int IssuerOrganizationId { get; init; }

        public int? IssuerBodyId { get; init; }

        public string? Title { get; init; }

        public string? Text { get; init; }

        /// Today when not given.
        public DateOnly? IssuedOn { get; init; }

        public DateOnly DueOn { get; init; }

        public bool ReportRequired { get; init; } = true;

        public string? ReportForm { get; init; }

        /// The names of the figures a report gives, e.g. "members reached".
        public IReadOnlyList<string>? Figures { get; init; }

        public DirectiveTarget Target { get; init; } = DirectiveTarget.Subtree;

        public IReadOnlyList<int>? LevelIds { get; init; }

        public IReadOnlyList<int>? OrganizationIds { get; init; }
    }

    public sealed record Issued(int DirectiveId, int Assignments);

    public static async Task<Result<Issued>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        var issuer = await db.Organizations.AsNoTracking().Where(o => o.Id == request.IssuerOrganizationId)
            .Select(o => new { o.Id, o.Status }).SingleOrDefaultAsync(ct);
        if (issuer is null) return new IssuerNotFound();
        if (!await actor.CanAsync(db, Permission.DirectivesManage, issuer.Id, ct))
            return await actor.CanAsync(db, Permission.DirectivesRead, issuer.Id, ct) ? new DirectivesNotPermitted() : new IssuerNotFound();
        if (issuer.Status != Organizations.OrganizationStatus.Active) return new IssuerNotActive();
        if (request.IssuerBodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId && b.OrganizationId == issuer.Id, ct))
            return new IssuerBodyNotFound();

        var directive = Directive.Issue(issuer.Id, request.IssuerBodyId, request.Title, request.Text, request.IssuedOn ?? db.Today, request.DueOn,
            request.ReportRequired, request.ReportForm, request.Figures, request.Target, request.LevelIds, db.Today);
        if (!directive.IsSuccess) return directive.Error;
        var targets = await DirectiveTargets.CheckAsync(db, issuer.Id, request.Target, request.LevelIds, request.OrganizationIds, ct);
        if (!targets.IsSuccess) return targets.Error;

        // Its own transaction, or a savepoint within the caller's (the demo party seeds in one transaction).
        var outer = db.Database.CurrentTransaction;
        await using var transaction = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (outer is not null) await outer.CreateSavepointAsync(Savepoint, ct);
        db.Directives.Add(directive.Value);
        await db.SaveChangesAsync(ct);
        var assigned = await AssignmentSql.AssignAsync(db, directive.Value.Id, targets.Value.LevelIds, targets.Value.OrganizationIds, ct);
        if (assigned == 0)
        {
            if (outer is not null) await outer.RollbackToSavepointAsync(Savepoint, ct);
            db.ChangeTracker.Clear();
            return new NoReceivingOrganizations(); // disposing the transaction rolls the directive back
        }
        DirectiveTargets.Audit(db, directive.Value, assigned, 0);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new Issued(directive.Value.Id, assigned);
    }
}
