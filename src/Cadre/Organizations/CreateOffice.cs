using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

public static class CreateOffice
{
    public sealed record Request
    {
        [Required(ErrorMessage = "The title is required.")]
        [StringLength(200, ErrorMessage = "The title can have at most 200 characters.")]
        public string Title { get; init; } = "";

        [EnumDataType(typeof(OfficeKind), ErrorMessage = "The kind is not one of the listed values.")]
        public OfficeKind Kind { get; init; } = OfficeKind.Other;

        public int? BodyId { get; init; }

        [Range(1, 500, ErrorMessage = "An office has between 1 and 500 seats.")]
        public int Seats { get; init; } = 1;
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int organizationId, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var found = await OrganizationAccess.FindAsync(db, actor, organizationId, Permission.OfficesManage, ct);
        if (!found.IsSuccess) return found.Error;
        if (!found.Value.IsActive) return new OrganizationNotActive(found.Value.Name);
        if (request.BodyId is { } bodyId && !await db.Bodies.AnyAsync(b => b.Id == bodyId && b.OrganizationId == organizationId, ct))
            return new InvalidField("BodyId", "That body does not belong to this organization.");
        var office = new Office
        {
            OrganizationId = organizationId,
            BodyId = request.BodyId,
            Title = request.Title.Trim(),
            Kind = request.Kind,
            Seats = request.Seats,
        };
        db.Offices.Add(office);
        await db.SaveChangesAsync(ct);
        return office.Id;
    }
}
