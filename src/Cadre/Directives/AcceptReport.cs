using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Directives;

/// The organization that issued the directive accepts a report.
public static class AcceptReport
{
    public sealed record Request(string? Note = null);

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, long assignmentId, Request request, CancellationToken ct)
    {
        var assignment = await DirectiveAccess.ReviewAsync(db, actor, assignmentId, ct);
        if (!assignment.IsSuccess) return assignment.Error;
        var done = assignment.Value.Accept(request.Note, db.Today);
        return done.IsSuccess ? await DirectiveAccess.SaveAsync(db, ct) : done.Error;
    }
}
