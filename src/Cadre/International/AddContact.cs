using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// Records a contact person of a party for an organization.
public static class AddContact
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public int PartyId { get; init; }

        public string Name { get; init; } = "";

        public string? Position { get; init; }

        public string? Email { get; init; }

        public string? Phone { get; init; }

        public string? Note { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await InternationalAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        if (!await db.Parties.AnyAsync(p => p.Id == request.PartyId, ct)) return new PartyFieldNotFound("PartyId");
        var contact = PartyContact.Add(request.OrganizationId, request.PartyId, request.Name ?? "", request.Position, request.Email, request.Phone, request.Note);
        if (!contact.IsSuccess) return contact.Error;
        db.PartyContacts.Add(contact.Value);
        await db.SaveChangesAsync(ct);
        return contact.Value.Id;
    }
}
