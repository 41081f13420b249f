using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.International.Seminars;
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
        MapRelations(app.MapGroup("/api/v1").WithTags("Relations"));
        MapDeclarations(app.MapGroup("/api/v1/declarations").WithTags("Declarations"));
        MapSeminars(app.MapGroup("/api/v1/seminars").WithTags("Seminars"));
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

    private static void MapRelations(RouteGroupBuilder api)
    {
        api.MapGet("/parties/{id:int}/work", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RelationQueries.ForPartyAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.InternationalRead).WithSummary("Your organizations' relations with a party (with their history), the exchanges and the contact persons.");

        api.MapGet("/relations", async (int? organizationId, RelationStatus? status, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RelationQueries.ListAsync(db, await actors.GetAsync(ct), organizationId, status, ct)).ToResult(Results.Ok))
            .Requires(Permission.InternationalRead).WithSummary("The relations of the organizations you read (of one organization's subtree, of one status), each with its history.");

        api.MapGet("/relations/world", async (Region? region, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await WorldView.RunAsync(db, await actors.GetAsync(ct), region, ct)))
            .Requires(Permission.InternationalRead).WithSummary("Per country, the parties at each relation status with your organizations (a party counts once, at its closest status).");

        api.MapPut("/relations", async (SetRelation.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SetRelation.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Ok(new { id })))
            .Requires(Permission.InternationalManage).WithSummary("Establishes an organization's relation with a party or changes its status (fraternal, friendly, contact, none) on a date; the history keeps every change.");

        api.MapGet("/exchanges", async (int? partyId, int? organizationId, ExchangeKind? kind, DateOnly? from, DateOnly? to, string? cursor, int? limit,
                CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RelationQueries.ListExchangesAsync(db, await actors.GetAsync(ct), new ExchangeFilter
            {
                PartyId = partyId, OrganizationId = organizationId, Kind = kind, From = from, To = to, Cursor = cursor, Take = limit ?? 50,
            }, ct)).ToResult(Results.Ok))
            .Requires(Permission.InternationalRead).WithSummary("Delegations, messages, agreements and memoranda of the organizations you read, the latest first.");

        api.MapPost("/exchanges", async (RecordExchange.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecordExchange.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created($"/api/v1/exchanges?partyId={body.PartyId}", new { id })))
            .Requires(Permission.InternationalManage).WithSummary("Records a delegation sent or received (with its members), a message (greetings, condolences, solidarity), an agreement or a memorandum.");

        api.MapPost("/contacts", async (AddContact.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await AddContact.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created($"/api/v1/parties/{body.PartyId}/work", new { id })))
            .Requires(Permission.InternationalManage).WithSummary("Records a contact person of a party for an organization.");

        api.MapPost("/contacts/{id:int}/end", async (int id, EndContact.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await EndContact.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.InternationalManage).WithSummary("Someone stops being the contact (on a date, today when none is given); kept in the history.");
    }

    private static void MapDeclarations(RouteGroupBuilder api)
    {
        api.MapGet("/", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await DeclarationQueries.ListAsync(db, await actors.GetAsync(ct), ct)))
            .Requires(Permission.InternationalRead).WithSummary("The joint declarations your organizations keep, the latest first, with their counts of signatories.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DeclarationQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.InternationalRead).WithSummary("A declaration: its current text in each language (with the number of versions) and every signatory, adherent and withdrawal.");

        api.MapPost("/", async (AdoptDeclaration.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await AdoptDeclaration.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created($"/api/v1/declarations/{id}", new { id })))
            .Requires(Permission.InternationalManage).WithSummary("Records a joint declaration: title, date, place, its first text and whether it has a public page.");

        api.MapPost("/{id:int}/texts", async (int id, ReviseDeclaration.TextRequest body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ReviseDeclaration.AddTextAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(n => Results.Ok(new { version = n })))
            .Requires(Permission.InternationalManage).WithSummary("Adds the text in another language, or a new version of a language's text (the earlier ones are kept).");

        api.MapPut("/{id:int}/public", async (int id, bool isPublic, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ReviseDeclaration.PublishAsync(db, await actors.GetAsync(ct), id, isPublic, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.InternationalManage).WithSummary("Whether the declaration has a public page at /declarations/{id} (?isPublic=true or false).");

        api.MapPost("/{id:int}/signatories", async (int id, SignDeclaration.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SignDeclaration.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(n => Results.Ok(new { signed = n })))
            .Requires(Permission.InternationalManage).WithSummary("Parties sign on a date: on the day of adoption as original signatories, later as adherents. A party signs once; all or none are recorded.");

        api.MapPost("/{id:int}/withdrawals", async (int id, WithdrawSignatory.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await WithdrawSignatory.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.InternationalManage).WithSummary("A signatory withdraws on a date on or after its signing; it stays on the list as withdrawn.");

        api.MapGet("/{id:int}/statistics", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DeclarationQueries.StatisticsAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.InternationalRead).WithSummary("Signatories by country, region and year of signing, with the withdrawn counted apart.");

        api.MapGet("/{id:int}/signatories.csv", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await DeclarationQueries.ExportAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(f => Results.File(f.Content, "text/csv; charset=utf-8", f.FileName)))
            .Requires(Permission.InternationalRead).WithSummary("The signatory list as CSV (party, country, region, signed on, original or adherent, withdrawn on); the export is audited.");
    }

    private static void MapSeminars(RouteGroupBuilder api)
    {
        api.MapGet("/", async (int? partyId, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await SeminarQueries.ListAsync(db, await actors.GetAsync(ct), partyId, ct)))
            .Requires(Permission.InternationalRead).WithSummary("The seminars, conferences and meetings your organizations recorded, the latest first (of one party's: hosted or taking part).");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SeminarQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.InternationalRead).WithSummary("A seminar: its host, the participating parties with their delegates, and the papers presented (with their library documents).");

        api.MapPost("/", async (HoldSeminar.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await HoldSeminar.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created($"/api/v1/seminars/{id}", new { id })))
            .Requires(Permission.InternationalManage).WithSummary("Records a seminar, conference or meeting: title, dates, place, and the host party (none when the organization itself hosts).");

        api.MapPost("/{id:int}/participants", async (int id, AdmitSeminarParticipant.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await AdmitSeminarParticipant.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(p => Results.Created($"/api/v1/seminars/{id}", new { id = p })))
            .Requires(Permission.InternationalManage).WithSummary("A party of the registry takes part, with its delegates (name, position); a party is listed once.");

        api.MapPost("/{id:int}/papers", async (int id, PresentSeminarPaper.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PresentSeminarPaper.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(p => Results.Created($"/api/v1/seminars/{id}", new { id = p })))
            .Requires(Permission.InternationalManage).WithSummary("A paper presented: title, author, the author's party (host or participant; none for your own) and its library document.");
    }
}
