using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Organizations;

public static class OrganizationsApi
{
    public sealed record OrganizationBody(string Code, string Name, int LevelId, int? ParentId, DateOnly? FoundedOn);

    public sealed record MoveBody(int NewParentId, DateOnly? EffectiveOn);

    public sealed record DissolveBody(DateOnly? EffectiveOn, int? TransferMembersToId);

    public sealed record MergeBody(int TargetId, DateOnly? EffectiveOn);

    public static void MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organizations").WithTags("Organizations");

        api.MapGet("/", async (CadreDbContext db, ActorAccessor actors, int? parentId, string? search, bool? includeEnded, CancellationToken ct) =>
        {
            var actor = await actors.GetAsync(ct);
            if (!string.IsNullOrWhiteSpace(search)) return Results.Ok(await OrganizationQueries.SearchAsync(db, actor, search, 50, ct));
            if (parentId is null) return Results.Ok(await OrganizationQueries.RootsAsync(db, actor, ct));
            return (await OrganizationQueries.ChildrenAsync(db, actor, parentId.Value, includeEnded ?? false, ct)).ToResult(Results.Ok);
        }).Requires(Permission.OrganizationsRead)
          .WithSummary("The organizations at the top of your scope, the children of parentId, or those matching search (name or code).");

        api.MapGet("/tree", async (CadreDbContext db, ActorAccessor actors, DateOnly? on, int? parentId, CancellationToken ct) =>
            (await OrganizationQueries.TreeOnAsync(db, await actors.GetAsync(ct), on ?? db.Today, parentId, ct)).ToResult(Results.Ok))
            .Requires(Permission.OrganizationsRead)
            .WithSummary("The tree as it was on a date (default today): the roots of your scope, or the children of parentId.");

        api.MapGet("/levels", async (CadreDbContext db, CancellationToken ct) =>
            Results.Ok((await OrganizationQueries.LevelsAsync(db, ct)).Select(l => new { l.Id, l.Name, l.Rank })))
            .Requires(Permission.OrganizationsRead).WithSummary("The levels of the tree, top first.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await OrganizationQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.OrganizationsRead).WithSummary("One organization with its children, bodies and offices.");

        api.MapGet("/{id:int}/history", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await OrganizationQueries.HistoryAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.OrganizationsRead).WithSummary("Every recorded version of an organization.");

        api.MapPost("/", async (OrganizationBody body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
        {
            var request = new CreateOrganization.Request
            {
                Code = body.Code ?? "", Name = body.Name ?? "", LevelId = body.LevelId, ParentId = body.ParentId, FoundedOn = body.FoundedOn,
            };
            return (await CreateOrganization.HandleAsync(db, await actors.GetAsync(ct), request, ct))
                .ToResult(id => Results.Created($"/api/v1/organizations/{id}", new { id }));
        }).Requires(Permission.OrganizationsManage).WithSummary("Creates an organization under a parent you manage.");

        api.MapPut("/{id:int}", async (int id, RenameOrganization.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RenameOrganization.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.OrganizationsManage).WithSummary("Renames an organization (and optionally changes its code).");

        api.MapPost("/{id:int}/move", async (int id, MoveBody body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MoveOrganization.HandleAsync(db, await actors.GetAsync(ct), id, new MoveOrganization.Request(body.NewParentId, body.EffectiveOn), ct))
                .ToResult(_ => Results.NoContent()))
            .Requires(Permission.OrganizationsManage).WithSummary("Moves an organization, with its subtree, under another.");

        api.MapPost("/{id:int}/dissolve", async (int id, DissolveBody body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DissolveOrganization.HandleAsync(db, await actors.GetAsync(ct), id,
                new DissolveOrganization.Request(body.EffectiveOn, body.TransferMembersToId), ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.OrganizationsManage).WithSummary("Dissolves an organization, optionally transferring its members first.");

        api.MapPost("/{id:int}/merge", async (int id, MergeBody body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MergeOrganizations.HandleAsync(db, await actors.GetAsync(ct), id, new MergeOrganizations.Request(body.TargetId, body.EffectiveOn), ct))
                .ToResult(_ => Results.NoContent()))
            .Requires(Permission.OrganizationsManage).WithSummary("Merges this organization into another of the same level.");
    }
}
