using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.International;

/// The international registry of parties, relations, exchanges, contacts, declarations and seminars over HTTP.
public static class InternationalApi
{
    public const long MaxImportBytes = 20 * 1024 * 1024;

    public static void MapInternationalApi(this IEndpointRouteBuilder app)
    {
        MapParties(app.MapGroup("/api/v1/parties").WithTags("Parties"));
        app.MapGet("/api/v1/countries", () => Results.Ok(Countries.List)).Requires(Permission.InternationalRead).WithTags("Parties")
            .WithSummary("The country codes a party may have: ISO 3166-1 alpha-3 and the former states Party Facts uses, with their regions.");
    }

    private static void MapParties(RouteGroupBuilder api)
    {
        api.MapGet("/", async (CadreDbContext db, string? q, string? country, Region? region, PartyStatus? status, string? family, string? cursor, int? limit,
                CancellationToken ct) =>
            (await PartyQueries.ListAsync(db, new PartyFilter
            {
                Query = q, Country = country, Region = region, Status = status, Family = family, Cursor = cursor, Take = limit ?? 50,
            }, ct)).ToResult(Results.Ok))
            .Requires(Permission.InternationalRead)
            .WithSummary("Searches the registry by any name in any script (q), filtered by country (alpha-3), region, status (active, dissolved) and family. Pass `next` as `cursor`.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, CancellationToken ct) => (await PartyQueries.GetAsync(db, id, ct)).ToResult(Results.Ok))
            .Requires(Permission.InternationalRead).WithSummary("A party: its names, country, years, family, website and notes.");

        api.MapPost("/", async (RegisterParty.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RegisterParty.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created($"/api/v1/parties/{id}", new { id })))
            .Requires(Permission.InternationalManage).WithSummary("Enters a party Party Facts does not list (the top organization's international department).");

        api.MapPut("/{id:int}", async (int id, ChangeParty.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ChangeParty.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.InternationalManage).WithSummary("Corrects a party's names, country and years, or sets its family, website and notes; send expectedVersion to refuse overwriting a concurrent change.");

        api.MapPost("/import", async (HttpRequest request, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            {
                // The CSV reader reads synchronously, which Kestrel refuses on a request body: buffer it first (at most MaxImportBytes).
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, ct);
                body.Position = 0;
                return (await ImportParties.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(Results.Ok);
            })
            .Requires(Permission.InternationalManage)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .Accepts<string>("text/csv")
            .WithSummary("Imports the Party Facts core table sent as the body (text/csv): one bad row and nothing changes; a re-import updates, never duplicates.");
    }
}
