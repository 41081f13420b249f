using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.Organizations;

public static class CreateBody
{
    public sealed record Request
    {
        [Required(ErrorMessage = "The name is required.")]
        [StringLength(200, ErrorMessage = "The name can have at most 200 characters.")]
        public string Name { get; init; } = "";

        [EnumDataType(typeof(BodyKind), ErrorMessage = "The kind is not one of the listed values.")]
        public BodyKind Kind { get; init; } = BodyKind.Committee;
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int organizationId, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var found = await OrganizationAccess.FindAsync(db, actor, organizationId, Permission.OfficesManage, ct);
        if (!found.IsSuccess) return found.Error;
        if (!found.Value.IsActive) return new OrganizationNotActive(found.Value.Name);
        var body = new Body { OrganizationId = organizationId, Name = request.Name.Trim(), Kind = request.Kind };
        db.Bodies.Add(body);
        await db.SaveChangesAsync(ct);
        return body.Id;
    }
}
