using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;

namespace Cadre.Web.Members;

public static class MembersApi
{
    public static void MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/members").WithTags("Members");

        api.MapGet("/", async (CadreDbContext db, ActorAccessor actors, string? search, int? organizationId, MemberStatus? status, Sex? sex,
            int? occupationId, int? educationId, string? cursor, int? limit, CancellationToken ct) =>
        {
            var filter = new MemberFilter
            {
                Search = search, OrganizationId = organizationId, Status = status, Sex = sex, OccupationId = occupationId,
                EducationId = educationId, Cursor = cursor, Take = limit ?? 50,
            };
            return (await MemberQueries.ListAsync(db, await actors.GetAsync(ct), filter, ct)).ToResult(Results.Ok);
        }).Requires(Permission.MembersRead)
          .WithSummary("Members within your scope, by family name; pass the returned `next` as `cursor` for the next page.");

        api.MapGet("/{id:int}", async (int id, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MemberQueries.GetAsync(db, await actors.GetAsync(ct), id, ct)).ToResult(Results.Ok))
            .Requires(Permission.MembersRead).WithSummary("One member: personal data, membership, organization and offices held.");

        api.MapPost("/", async (RegisterMember.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await RegisterMember.HandleAsync(db, await actors.GetAsync(ct), body, ct))
                .ToResult(r => Results.Created($"/api/v1/members/{r.MemberId}", r)))
            .Requires(Permission.MembersManage).WithSummary("Registers a person as a member of a primary organization.");

        api.MapPut("/{id:int}", async (int id, UpdateMember.Request body, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await UpdateMember.HandleAsync(db, await actors.GetAsync(ct), id, body, ct)).ToResult(_ => Results.NoContent()))
            .Requires(Permission.MembersManage).WithSummary("Edits a member; send expectedVersion to refuse overwriting a concurrent change.");

        api.MapGet("/classifiers", async (CadreDbContext db, CancellationToken ct) => Results.Ok(new
        {
            occupations = (await MemberQueries.ClassifiersAsync(db, ClassifierKind.Occupation, ct)).Select(c => new { c.Id, c.Code, c.Name }),
            education = (await MemberQueries.ClassifiersAsync(db, ClassifierKind.Education, ct)).Select(c => new { c.Id, c.Code, c.Name }),
        })).Requires(Permission.MembersRead).WithSummary("The occupation categories and education levels.");
    }
}
