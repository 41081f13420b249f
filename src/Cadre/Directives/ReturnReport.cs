using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Directives;

/// The organization that issued the directive returns a report for rework, saying what is missing.
public static class ReturnReport
{
    public sealed record Request(string? Note);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, long assignmentId, Request request, CancellationToken ct)
    {
        var assignment = await DirectiveAccess.ReviewAsync(db, actor, assignmentId, ct);
        if (!assignment.IsSuccess) return assignment.Error;
        var done = assignment.Value.Return(request.Note, db.Today);
        return done.IsSuccess ? await DirectiveAccess.SaveAsync(db, ct) : done.Error;
    }
}
