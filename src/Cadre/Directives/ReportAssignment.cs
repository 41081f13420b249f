using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Directives;

/// The receiving organization reports: implemented, partly, or not implemented with the reason; its text and the figures of the
/// report form. An intermediate organization may give the sums of its subtree's reports as its figures.
public static class ReportAssignment
{
    public sealed record Request
    {
        public ReportOutcome Outcome { get; init; } = ReportOutcome.Implemented;

        public string? Reason { get; init; }

        public string? Text { get; init; }

        /// One value per figure of the report form, in its order.
        public IReadOnlyList<long?>? Figures { get; init; }

        /// Give the sums of the reports below instead of Figures.
        public bool SummariseSubtree { get; init; }
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, long assignmentId, Request request, CancellationToken ct)
    {
        var found = await DirectiveAccess.ActAsync(db, actor, assignmentId, ct);
        if (!found.IsSuccess) return found.Error;
        var assignment = found.Value;
        var names = await db.DirectiveFigures.Where(f => f.DirectiveId == assignment.RootDirectiveId).OrderBy(f => f.Number).Select(f => f.Name).ToListAsync(ct);
        var figures = request.Figures ?? [];
        if (request.SummariseSubtree)
        {
            var sums = await SubtreeSumsAsync(db, assignment, ct);
            figures = sums.Take(names.Count).Select(s => (long?)s).ToList();
        }
        var done = assignment.Report(request.Outcome, request.Reason, request.Text, figures, names, request.SummariseSubtree, db.Today);
        return done.IsSuccess ? await DirectiveAccess.SaveAsync(db, ct) : done.Error;
    }

    /// The sums of the figures reported by the organizations below this assignment's organization in the same chain.
    public static async Task<long[]> SubtreeSumsAsync(CadreDbContext db, Assignment assignment, CancellationToken ct)
    {
        var sums = await (from a in db.Assignments
                          join p in db.OrganizationPaths on a.OrganizationId equals p.DescendantId
                          where p.AncestorId == assignment.OrganizationId && p.Depth > 0 && a.RootDirectiveId == assignment.RootDirectiveId
                              && Assignment.Done.Contains(a.Status)
                          group a by 1 into g
                          select new long?[] { g.Sum(x => x.Figure1), g.Sum(x => x.Figure2), g.Sum(x => x.Figure3), g.Sum(x => x.Figure4), g.Sum(x => x.Figure5) })
            .SingleOrDefaultAsync(ct);
        return (sums ?? new long?[5]).Select(s => s ?? 0).ToArray();
    }
}
