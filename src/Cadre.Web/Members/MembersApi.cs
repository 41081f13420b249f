using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Members.Import;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Members;

public static class MembersApi
{
    public static void MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/members").WithTags("Members");

        api.MapGet("/", async (CadreDbContext db, ActorAccessor actors, string? search, string? phone, int? organizationId, MemberStatus? status, Sex? sex,
            int? occupationId, int? educationId, string? cursor, int? limit, CancellationToken ct) =>
        {
            var filter = new MemberFilter
            {
                Search = search, Phone = phone, OrganizationId = organizationId, Status = status, Sex = sex, OccupationId = occupationId,
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

        api.MapPost("/import", ImportAsync).Requires(Permission.MembersManage)
            .WithMetadata(new RequestSizeLimitAttribute(ImportUploads.MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ImportUploads.MaxRequestBytes })
            .DisableAntiforgery()
            .WithSummary("Imports members from CSV (a text/csv body or a multipart file): the report, 422 when refused (nothing written).");

        api.MapGet("/export", async (HttpContext http, CadreDbContext db, ActorAccessor actors, int? organizationId, CancellationToken ct) =>
        {
            var actor = await actors.GetAsync(ct);
            if (organizationId is { } id && !await actor.CanAsync(db, Permission.MembersRead, id, ct))
                return new Cadre.Organizations.OrganizationNotFound().ToProblem();
            await WriteExportAsync(http, db, actor, organizationId, ct);
            return Results.Empty;
        }).Requires(Permission.MembersRead).WithSummary("The members of an organization's subtree as CSV in the import format (audited).");

        api.MapGet("/counts", async (int organizationId, CadreDbContext db, ActorAccessor actors, CancellationToken ct) =>
            (await MemberCounts.CompositionAsync(db, await actors.GetAsync(ct), organizationId, ct)).ToResult(Results.Ok))
            .Requires(Permission.MembersRead)
            .WithSummary("The members of an organization's subtree by status, and its current members by occupation category.");

        api.MapGet("/classifiers", async (CadreDbContext db, CancellationToken ct) => Results.Ok(new
        {
            occupations = (await MemberQueries.ClassifiersAsync(db, ClassifierKind.Occupation, ct)).Select(c => new { c.Id, c.Code, c.Name }),
            education = (await MemberQueries.ClassifiersAsync(db, ClassifierKind.Education, ct)).Select(c => new { c.Id, c.Code, c.Name }),
        })).Requires(Permission.MembersRead).WithSummary("The occupation categories and education levels.");
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, CadreDbContext db, ActorAccessor actors, bool? dryRun, bool? skipInvalid,
        string? organizationCode, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        // The import reads the file twice (check, then write): the body goes to a temporary file first.
        var path = Path.GetTempFileName();
        try
        {
            var fileName = "upload.csv";
            await using (var file = File.Create(path))
            {
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(ct);
                    if (form.Files.Count == 0 || form.Files[0] is not { } upload)
                        return new InvalidField("File", "Send the CSV as a multipart file or as a text/csv body.").ToProblem();
                    fileName = Path.GetFileName(upload.FileName);
                    await using var content = upload.OpenReadStream();
                    await content.CopyToAsync(file, ct);
                }
                else await request.Body.CopyToAsync(file, ct);
            }
            if (new FileInfo(path).Length > ImportUploads.MaxBytes)
                return new InvalidField("File", $"The file is larger than {ImportUploads.MaxBytes / (1024 * 1024)} MB.").ToProblem();
            var result = await ImportMembers.HandleAsync(db, actor, () => File.OpenRead(path), new ImportMembers.Options
            {
                DryRun = dryRun ?? false, SkipInvalid = skipInvalid ?? false, OrganizationCode = organizationCode, FileName = fileName,
            }, ct);
            if (!result.IsSuccess) return result.Error.ToProblem();
            return result.Value.Refused ? Results.UnprocessableEntity(result.Value) : Results.Ok(result.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// Streams the export as the response; the caller has checked the organization is readable.
    internal static async Task WriteExportAsync(HttpContext http, CadreDbContext db, Actor actor, int? organizationId, CancellationToken ct)
    {
        var code = organizationId is { } id
            ? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Organizations.Where(o => o.Id == id).Select(o => o.Code), ct)
            : null;
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"members-{(code ?? "all").ToLowerInvariant()}-{db.Today:yyyy-MM-dd}.csv\"";
        var exported = await ExportMembers.WriteAsync(db, actor, organizationId, http.Response.Body, ct);
        if (!exported.IsSuccess) throw new InvalidOperationException(exported.Error.Message);
    }
}
