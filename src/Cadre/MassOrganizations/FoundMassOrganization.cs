using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.MassOrganizations;

/// Records an affiliated mass organization kept by a party organization, with its top body (the national committee).
public static class FoundMassOrganization
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public MassOrganizationKind Kind { get; init; }

        public string Name { get; init; } = "";

        public string? ShortName { get; init; }

        public DateOnly? FoundedOn { get; init; }

        public string? Note { get; init; }

        /// The name of its top body; none when it is left out (bodies can be added later).
        public string? TopBodyName { get; init; }

        public string? TopBodyLevel { get; init; }
    }

    public sealed record Founded(int Id, int? TopBodyId);

    public static async Task<Result<Founded>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == request.OrganizationId, ct)
            || !await actor.CanAsync(db, Permission.MassOrganizationsManage, request.OrganizationId, ct)) return new MassKeeperNotFound();
        var founded = MassOrganization.Found(request.OrganizationId, request.Kind, request.Name ?? "", request.ShortName, request.FoundedOn, request.Note, db.Today);
        if (!founded.IsSuccess) return founded.Error;
        var topLevel = string.IsNullOrWhiteSpace(request.TopBodyLevel) ? "National" : request.TopBodyLevel;
        var hasTop = !string.IsNullOrWhiteSpace(request.TopBodyName);
        // The top body is checked before anything is saved, so a bad one leaves nothing behind.
        if (hasTop && MassBody.Form(founded.Value, null, request.TopBodyName!, topLevel) is { IsSuccess: false } bad) return bad.Error;
        // Inside a caller's transaction (the demo seed) the caller commits; otherwise the organization and its top body commit together.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.MassOrganizations.Add(founded.Value);
        await db.SaveChangesAsync(ct);
        int? top = null;
        if (hasTop)
        {
            var body = MassBody.Form(founded.Value, null, request.TopBodyName!, topLevel).Value;
            db.MassBodies.Add(body);
            await db.SaveChangesAsync(ct);
            top = body.Id;
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new Founded(founded.Value.Id, top);
    }
}
