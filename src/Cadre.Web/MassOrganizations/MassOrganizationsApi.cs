using Cadre.Accounts;
using Cadre.Data;
using Cadre.MassOrganizations;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.MassOrganizations;

/// Mass organizations over HTTP: the organizations, their bodies, links, positions, membership reports and trends.
public static class MassOrganizationsApi
{
    public static void MapMassOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/mass-organizations").WithTags("Mass organizations");

        api.MapGet("/", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await MassOrganizationQueries.ListAsync(db, await actors.GetAsync(ct), ct)))
            .Requires(Permission.MassOrganizationsRead).WithSummary("The mass organizations kept in your subtree or working with an organization in it.");

        api.MapPost("/", async (FoundMassOrganization.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await FoundMassOrganization.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(f => Results.Created($"/api/v1/mass-organizations/{f.Id}", f)))
            .Requires(Permission.MassOrganizationsManage).WithSummary("Records an affiliated mass organization kept by a party organization, with its top body when named.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MassOrganizationQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.MassOrganizationsRead).WithSummary("A mass organization with its bodies in tree order, their links (within your subtree) and latest reports.");

        api.MapGet("/{id:int}/trend", async (int id, int? bodyId, string? from, string? to, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            {
                var (first, last) = (MassTrend.ParseMonth(from), MassTrend.ParseMonth(to));
                if ((from is not null && first is null) || (to is not null && last is null)) return new InvalidTrendRange().ToProblem();
                return (await MassTrend.RunAsync(db, await actors.GetAsync(ct), id, bodyId, first, last, ct)).ToResult(Results.Ok);
            })
            .Requires(Permission.MassOrganizationsRead)
            .WithSummary("Membership month by month (from, to as yyyy-MM; the last 24 months by default), summed over the whole tree or one body's subtree; each body counts with its latest report.");

        api.MapPost("/{id:int}/bodies", async (int id, FormMassBody.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await FormMassBody.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(b => Results.Created($"/api/v1/mass-organizations/bodies/{b}", new { id = b })))
            .Requires(Permission.MassOrganizationsManage).WithSummary("Adds a body (a regional council, a local branch) under a parent body, or at the top.");

        api.MapGet("/bodies/{bodyId:int}", async (int bodyId, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MassOrganizationQueries.BodyAsync(db, await actors.GetAsync(ct), bodyId, ct)).ToResult(Results.Ok))
            .Requires(Permission.MassOrganizationsRead).WithSummary("A body: its place in the tree, links, the positions of members of your subtree, and its reports.");

        api.MapPut("/bodies/{bodyId:int}/parent", async (int bodyId, MoveMassBody.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MoveMassBody.HandleAsync(db, await actors.GetAsync(ct), bodyId, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MassOrganizationsManage).WithSummary("Puts a body under another body of the same mass organization (parentId null: at the top); a cycle is refused.");

        api.MapPost("/bodies/{bodyId:int}/links", async (int bodyId, LinkMassBody.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await LinkMassBody.LinkAsync(db, await actors.GetAsync(ct), bodyId, body, ct)).ToResult(l => Results.Created($"/api/v1/mass-organizations/bodies/{bodyId}", new { id = l })))
            .Requires(Permission.MassOrganizationsManage).WithSummary("Links the body with a party organization of your subtree it works with.");

        api.MapDelete("/bodies/{bodyId:int}/links/{organizationId:int}", async (int bodyId, int organizationId, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await LinkMassBody.UnlinkAsync(db, await actors.GetAsync(ct), bodyId, organizationId, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MassOrganizationsManage).WithSummary("Ends the body's link with a party organization (the audit trail keeps it).");

        api.MapPost("/bodies/{bodyId:int}/positions", async (int bodyId, RecordMassPosition.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecordMassPosition.HandleAsync(db, await actors.GetAsync(ct), bodyId, body, ct)).ToResult(p => Results.Created($"/api/v1/mass-organizations/bodies/{bodyId}", new { id = p })))
            .Requires(Permission.MassOrganizationsManage).WithSummary("Records a party member of your subtree as a member of the body or holding an office in it, from a date (until a date).");

        api.MapPost("/positions/{positionId:int}/end", async (int positionId, RecordMassPosition.EndRequest body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecordMassPosition.EndAsync(db, await actors.GetAsync(ct), positionId, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MassOrganizationsManage).WithSummary("Ends a position on a date (today when none is given), never before it began.");

        api.MapPost("/bodies/{bodyId:int}/reports", async (int bodyId, FileMassReport.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await FileMassReport.HandleAsync(db, await actors.GetAsync(ct), bodyId, body, ct)).ToResult(r => Results.Created($"/api/v1/mass-organizations/bodies/{bodyId}", new { id = r })))
            .Requires(Permission.MassOrganizationsManage).WithSummary("Files the body's membership report on a date (not in the future): its own members, and of them women and youth when counted.");
    }
}
