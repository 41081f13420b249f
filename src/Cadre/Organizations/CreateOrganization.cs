using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

public static class CreateOrganization
{
    public sealed record Request
    {
        [Required(ErrorMessage = "The code is required.")]
        [StringLength(Organization.CodeMaxLength, ErrorMessage = "The code can have at most 32 characters.")]
        [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "The code can hold only letters, digits and . _ - (starting with a letter or digit).")]
        public string Code { get; init; } = "";

        [Required(ErrorMessage = "The name is required.")]
        [StringLength(Organization.NameMaxLength, ErrorMessage = "The name can have at most 200 characters.")]
        public string Name { get; init; } = "";

        public int LevelId { get; init; }

        public int? ParentId { get; init; }

        public DateOnly? FoundedOn { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var level = await db.Levels.SingleOrDefaultAsync(l => l.Id == request.LevelId, ct);
        if (level is null) return new LevelNotFound();

        Organization? parent = null;
        if (request.ParentId is { } parentId)
        {
            var found = await OrganizationAccess.FindAsync(db, actor, parentId, Permission.OrganizationsManage, ct);
            if (!found.IsSuccess) return found.Error is OrganizationNotFound ? new InvalidField("ParentId", "There is no such parent organization.") : found.Error;
            parent = found.Value;
        }
        else if (!actor.IsAdministrator)
        {
            return new OrganizationNotPermitted();
        }

        var foundedOn = request.FoundedOn ?? db.Today;
        if (foundedOn > db.Today) return new FoundingDateInFuture();
        var code = Organization.NormalizeCode(request.Code);
        if (await db.Organizations.AnyAsync(o => o.Code == code, ct)) return new DuplicateOrganizationCode(code);

        var created = Organization.Found(code, request.Name, level, parent, parent?.Level, foundedOn);
        if (!created.IsSuccess) return created.Error;
        var organization = created.Value;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        await OrganizationTree.AddAsync(db, organization, ct);
        await OrganizationTree.RecordVersionAsync(db, organization, foundedOn, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return organization.Id;
    }
}
