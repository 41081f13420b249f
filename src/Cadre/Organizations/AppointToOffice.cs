using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

/// Puts a person in an office for a term. The person must be a member of this organization's subtree.
public static class AppointToOffice
{
    public sealed record Request
    {
        public int PersonId { get; init; }

        public DateOnly StartsOn { get; init; }

        public DateOnly? EndsOn { get; init; }

        [StringLength(500, ErrorMessage = "The note can have at most 500 characters.")]
        public string? Note { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int officeId, Request request, CancellationToken ct)
    {
        if (Validation.Check(request) is { } invalid) return invalid;
        var office = await db.Offices.Include(o => o.Terms).SingleOrDefaultAsync(o => o.Id == officeId, ct);
        if (office is null) return new OfficeNotFound();
        var found = await OrganizationAccess.FindAsync(db, actor, office.OrganizationId, Permission.OfficesManage, ct);
        if (!found.IsSuccess) return found.Error is OrganizationNotFound ? new OfficeNotFound() : found.Error;
        if (!found.Value.IsActive) return new OrganizationNotActive(found.Value.Name);

        var subtree = db.OrganizationPaths.Where(p => p.AncestorId == office.OrganizationId).Select(p => p.DescendantId);
        var person = await db.People
            .Where(p => p.Id == request.PersonId && p.Membership != null && subtree.Contains(p.Membership.OrganizationId))
            .SingleOrDefaultAsync(ct);
        if (person is null) return new InvalidField("PersonId", "Choose a member of this organization or of one below it.");

        var begun = Term.Begin(office, person, request.StartsOn, request.EndsOn, request.Note);
        if (!begun.IsSuccess) return begun.Error;
        db.Terms.Add(begun.Value);
        await db.SaveChangesAsync(ct);
        return begun.Value.Id;
    }
}

public sealed record OfficeNotFound() : NotFoundError("There is no such office.");

public sealed record TermNotFound() : NotFoundError("There is no such term.");
