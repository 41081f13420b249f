using Cadre.Accounts;
using Cadre.Common;
using Cadre.Directives;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Directives;

/// Intent methods for directives, through their use cases.
public static class DirectiveArrange
{
    public static IssueDirective.Request Directive(int issuer, DateOnly due, DirectiveTarget target = DirectiveTarget.Subtree, int[]? levels = null,
        int[]? organizations = null, string[]? figures = null) => new()
    {
        IssuerOrganizationId = issuer, Title = "Recruitment drive", Text = "Hold a **recruitment** meeting and report how many people you reached.",
        DueOn = due, Target = target, LevelIds = levels, OrganizationIds = organizations, Figures = figures ?? ["members reached", "new applications"],
    };

    public static Task<Result<IssueDirective.Issued>> IssueAsync(this TestDatabase database, IssueDirective.Request request, Actor? actor = null) =>
        database.RunAsync((db, a) => IssueDirective.HandleAsync(db, a, request, TestDatabase.Ct), actor);

    public static async Task<long> AssignmentOfAsync(this TestDatabase database, int directiveId, int organizationId)
    {
        await using var db = database.Context();
        var chain = await db.Directives.Where(d => d.Id == directiveId).Select(d => d.RootDirectiveId ?? d.Id).SingleAsync(TestDatabase.Ct);
        return await db.Assignments.Where(a => a.RootDirectiveId == chain && a.OrganizationId == organizationId).Select(a => a.Id).SingleAsync(TestDatabase.Ct);
    }

    public static async Task<Assignment> AssignmentAsync(this TestDatabase database, long id)
    {
        await using var db = database.Context();
        return await db.Assignments.AsNoTracking().SingleAsync(a => a.Id == id, TestDatabase.Ct);
    }

    public static Task<Result<Done>> AcknowledgeAsync(this TestDatabase database, long assignment, Actor? actor = null) =>
        database.RunAsync((db, a) => AcknowledgeAssignment.HandleAsync(db, a, assignment, TestDatabase.Ct), actor);

    public static Task<Result<Done>> StartAsync(this TestDatabase database, long assignment, Actor? actor = null) =>
        database.RunAsync((db, a) => StartAssignment.HandleAsync(db, a, assignment, TestDatabase.Ct), actor);

    public static Task<Result<Done>> ReportAsync(this TestDatabase database, long assignment, ReportAssignment.Request request, Actor? actor = null) =>
        database.RunAsync((db, a) => ReportAssignment.HandleAsync(db, a, assignment, request, TestDatabase.Ct), actor);

    public static Task<Result<Done>> ReportAsync(this TestDatabase database, long assignment, params long?[] figures) =>
        database.ReportAsync(assignment, new ReportAssignment.Request { Outcome = ReportOutcome.Implemented, Text = "Done.", Figures = figures });

    public static Task<Result<Done>> AcceptAsync(this TestDatabase database, long assignment, Actor? actor = null) =>
        database.RunAsync((db, a) => AcceptReport.HandleAsync(db, a, assignment, new AcceptReport.Request(), TestDatabase.Ct), actor);

    public static Task<Result<Done>> ReturnAsync(this TestDatabase database, long assignment, string? note, Actor? actor = null) =>
        database.RunAsync((db, a) => ReturnReport.HandleAsync(db, a, assignment, new ReturnReport.Request(note), TestDatabase.Ct), actor);

    public static Task<Result<Rollup>> RollupAsync(this TestDatabase database, int directive, int? at = null, Actor? actor = null) =>
        database.RunAsync((db, a) => DirectiveRollup.RunAsync(db, a, directive, at, TestDatabase.Ct), actor);
}
