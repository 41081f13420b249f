using Cadre.Accounts;
using Cadre.Data;
using Cadre.Supporters;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Supporters;

/// Supporters, their consents, the recruitment funnel and the sign-up forms over HTTP. Contacts appear only for the purposes
/// with live consent, as on the pages.
public static class SupportersApi
{
    public static void MapSupportersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/supporters").WithTags("Supporters");

        api.MapGet("/", async (int? organizationId, string? q, ConsentPurpose? purpose, string? interest, string? cursor, int? limit,
                CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SupporterQueries.ListAsync(db, await actors.GetAsync(ct), new SupporterFilter
            {
                OrganizationId = organizationId, Query = q, Purpose = purpose, Interest = interest, Cursor = cursor, Take = limit ?? 50,
            }, ct)).ToResult(Results.Ok))
            .Requires(Permission.SupportersRead)
            .WithSummary("Supporters of the organizations you read (of one subtree), by name; contact only for purposes with live consent. Pass `next` as `cursor`.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await SupporterQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.SupportersRead).WithSummary("A supporter with every consent given and withdrawn; contact only for purposes with live consent.");

        api.MapPost("/", async (RegisterSupporter.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RegisterSupporter.HandleAsync(db, await actors.GetAsync(ct), body, ct)).ToResult(id => Results.Created($"/api/v1/supporters/{id}", new { id })))
            .Requires(Permission.SupportersManage).WithSummary("Registers a supporter with their contacts, source, interests and the consents they gave.");

        api.MapPut("/{id:int}", async (int id, UpdateSupporter.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await UpdateSupporter.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.SupportersManage).WithSummary("Corrects a supporter's data; send expectedVersion to refuse overwriting a concurrent change.");

        api.MapPost("/{id:int}/consents", async (int id, RecordConsent.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecordConsent.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(c => Results.Created($"/api/v1/supporters/{id}", new { id = c })))
            .Requires(Permission.SupportersManage).WithSummary("Records a consent for a purpose (News, Events, BranchContact), given on a date by WebForm, Paper or Verbal.");

        api.MapPost("/{id:int}/consents/{consentId:int}/withdraw", async (int id, int consentId, WithdrawConsent.Request body, CadreDbContext db,
                ActorAccessor actors, CancellationToken ct) =>
            (await WithdrawConsent.HandleAsync(db, await actors.GetAsync(ct), id, consentId, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.SupportersManage).WithSummary("Records the withdrawal of a consent on a date (today when none is given); the consent is kept.");

        api.MapPost("/{id:int}/applications", async (int id, ConvertSupporter.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await ConvertSupporter.HandleAsync(db, await actors.GetAsync(ct), id, body, ct))
                .ToResult(s => Results.Created($"/api/v1/members/{s.MemberId}/history", new { memberId = s.MemberId, number = s.Number })))
            .Requires(Permission.SupportersManage)
            .WithSummary("Turns the supporter into an applicant through the admission flow (personal data, primary organization, sponsors); the supporter is marked converted.");

        api.MapPost("/{id:int}/erasure", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await EraseSupporter.HandleAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.SupportersManage).WithSummary("Erases the supporter's personal data on request; live consents end today, their dates are kept.");

        api.MapGet("/funnel", async (int organizationId, DateOnly? until, int? months, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RecruitmentFunnel.RunAsync(db, await actors.GetAsync(ct), organizationId, until, months ?? 12, ct)).ToResult(Results.Ok))
            .Requires(Permission.SupportersRead)
            .WithSummary("The recruitment funnel of an organization's subtree per month (12 by default, until this month): supporters, converted, applicants, candidates, members.");

        api.MapGet("/forms", async (CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            Results.Ok(await SupporterQueries.FormsAsync(db, await actors.GetAsync(ct), ct)))
            .Requires(Permission.SupportersRead).WithSummary("The sign-up forms of the organizations you read, with their public addresses (/join/{slug}) and sign-ups.");

        api.MapPost("/forms", async (PublishSignupForm.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await PublishSignupForm.HandleAsync(db, await actors.GetAsync(ct), body, ct))
                .ToResult(f => Results.Created($"/join/{f.Slug}", new { id = f.Id, slug = f.Slug, url = $"/join/{f.Slug}" })))
            .Requires(Permission.SupportersManage).WithSummary("Publishes a sign-up form (title, text, the consent it asks for), open at once at an address that cannot be guessed.");

        api.MapPut("/forms/{id:int}/open", async (int id, bool isOpen, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await OpenSignupForm.HandleAsync(db, await actors.GetAsync(ct), id, isOpen, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.SupportersManage).WithSummary("Opens or closes a sign-up form (?isOpen=true or false).");
    }
}
