using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

/// Renames an organization and, optionally, changes its code. The earlier name stays in the history.
public static class RenameOrganization
{
    public sealed record Request
    {
        [Required(ErrorMessage = "The name is required.")]
        [StringLength(Organization.NameMaxLength, ErrorMessage = "The name can have at most 200 characters.")]
        public string Name { get; init; } = "";

        [StringLength(Organization.CodeMaxLength, ErrorMessage = "The code can have at most 32 characters.")]
        [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "The code can hold only letters, digits and . _ - (starting with a letter or digit).")]
        public string? Code { get; init; }

        public DateOnly? EffectiveOn { get; init; }

        /// The version the user saw; a different current version means someone else changed it meanwhile.
        public int? ExpectedVersion { get; init; }
    }

    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int id, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var found = await OrganizationAccess.FindAsync(db, actor, id, Permission.OrganizationsManage, ct);
        if (!found.IsSuccess) return found.Error;
        var organization = found.Value;
        if (request.ExpectedVersion is { } expected && expected != organization.Version) return new Members.ConcurrentChange();
        var on = OrganizationTree.EffectiveDate(db, request.EffectiveOn);
        if (!on.IsSuccess) return on.Error;

        var renamed = organization.Rename(request.Name);
        if (!renamed.IsSuccess) return renamed;
        if (!string.IsNullOrWhiteSpace(request.Code) && Organization.NormalizeCode(request.Code) != organization.Code)
        {
            var code = Organization.NormalizeCode(request.Code);
            if (await db.Organizations.AnyAsync(o => o.Code == code && o.Id != id, ct)) return new DuplicateOrganizationCode(code);
            var changed = organization.ChangeCode(code);
            if (!changed.IsSuccess) return changed;
        }
        var recorded = await OrganizationTree.RecordVersionAsync(db, organization, on.Value, ct);
        if (!recorded.IsSuccess) return recorded;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
