using Cadre.Accounts;
using Cadre.Data;
using Cadre.Directives;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Directives;

/// Directives, their assignments, reports and roll-ups, and the secretary's inbox over HTTP.
public static class DirectivesApi
{
    public static void MapDirectivesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/directives").WithTags("Directives");

        api.MapGet("/inbox", async (int? organizationId, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DirectiveInbox.ForAsync(db, await actors.GetAsync(ct), organizationId, ct)).ToResult(Results.Ok))
            .Requires(Permission.DirectivesRead)
            .WithSummary("An organization's inbox (yours when not given): the assignments it is to act on by due date, with the overdue marked, and the progress of the directives it issued.");

        api.MapPost("/", async (IssueDirective.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await IssueDirective.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(r => Results.Created($"/api/v1/directives/{r.DirectiveId}", r)))
            .Requires(Permission.DirectivesManage)
            .WithSummary("Issues a directive to the issuer's whole subtree (target Subtree), to its organizations of levelIds (Levels) or to organizationIds (Organizations); every receiving organization gets an assignment.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DirectiveQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.DirectivesRead).WithSummary("A directive: its text (as written and as HTML), dates, report form and figures.");

        api.MapGet("/{id:int}/rollup", async (int id, int? at, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DirectiveRollup.RunAsync(db, await actors.GetAsync(ct), id, at, ct)).ToResult(Results.Ok))
            .Requires(Permission.DirectivesRead)
            .WithSummary("The roll-up of the directive's assignments below the issuer (or below `at`, an organization of its subtree): counts by state and overdue, sums of the reported figures, by level and by child organization.");

        api.MapGet("/{id:int}/assignments", async (int id, int? at, AssignmentStatus? status, bool? overdue, string? cursor, int? limit, CadreDbContext db,
                ActorAccessor actors, CancellationToken ct) =>
            (await DirectiveQueries.ListAssignmentsAsync(db, await actors.GetAsync(ct), id, new AssignmentFilter
            {
                At = at, Status = status, OverdueOnly = overdue ?? false, Cursor = cursor, Take = limit ?? 50,
            }, ct)).ToResult(Results.Ok))
            .Requires(Permission.DirectivesRead).WithSummary("The directive's assignments below the issuer or `at`, by status or only the overdue. Pass `next` as `cursor`.");

        api.MapGet("/assignments/{id:long}", async (long id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DirectiveQueries.GetAssignmentAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.DirectivesRead).WithSummary("An assignment: the directive it came through, its state, its report and figures, and the sums reported below it.");

        api.MapPost("/assignments/{id:long}/acknowledge", async (long id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await AcknowledgeAssignment.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.DirectivesManage).WithSummary("The receiving organization acknowledges the directive.");

        api.MapPost("/assignments/{id:long}/start", async (long id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await StartAssignment.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.DirectivesManage).WithSummary("The receiving organization starts work on it (again, after a report was returned).");

        api.MapPost("/assignments/{id:long}/report", async (long id, ReportAssignment.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ReportAssignment.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.DirectivesManage)
            .WithSummary("Reports: outcome Implemented, Partly or NotImplemented (with a reason), text and one figure per figure of the report form; summariseSubtree gives the sums of the reports below instead.");

        api.MapPost("/assignments/{id:long}/accept", async (long id, AcceptReport.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await AcceptReport.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.DirectivesManage).WithSummary("The issuing organization accepts the report.");

        api.MapPost("/assignments/{id:long}/return", async (long id, ReturnReport.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ReturnReport.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.DirectivesManage).WithSummary("The issuing organization returns the report for rework, with a note saying what is missing.");

        api.MapPost("/assignments/{id:long}/pass-on", async (long id, PassOnDirective.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PassOnDirective.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(r => Results.Created($"/api/v1/directives/{r.DirectiveId}", r)))
            .Requires(Permission.DirectivesManage)
            .WithSummary("An intermediate organization passes the directive on to its own subtree with its own instructions (text) and a due date no later than its own.");
    }
}
