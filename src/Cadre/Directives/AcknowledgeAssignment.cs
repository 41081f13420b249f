using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Directives;

/// The receiving organization confirms it has the directive.
public static class AcknowledgeAssignment
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, long assignmentId, CancellationToken ct)
    {
        var assignment = await DirectiveAccess.ActAsync(db, actor, assignmentId, ct);
        if (!assignment.IsSuccess) return assignment.Error;
        var done = assignment.Value.Acknowledge(db.Today);
        return done.IsSuccess ? await DirectiveAccess.SaveAsync(db, ct) : done.Error;
    }
}
