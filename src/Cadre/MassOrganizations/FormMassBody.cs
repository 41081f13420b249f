using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.MassOrganizations;

/// Adds a body to a mass organization's tree: under a parent body, or at the top.
public static class FormMassBody
{
    public sealed record Request
    {
        public int? ParentId { get; init; }

        public string Name { get; init; } = "";

        public string Level { get; init; } = "";
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int massOrganizationId, Request request, CancellationToken ct)
    {
        var owner = await db.MassOrganizations.SingleOrDefaultAsync(m => m.Id == massOrganizationId, ct);
        if (owner is null) return new MassOrganizationNotFound();
        if (await MassOrganizationAccess.CheckKeepsAsync(db, actor, owner, new MassOrganizationNotFound(), ct) is { } refused) return refused;
        MassBody? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.MassBodies.SingleOrDefaultAsync(b => b.Id == parentId && b.MassOrganizationId == owner.Id, ct);
            if (parent is null) return new MassParentNotFound();
        }
        var body = MassBody.Form(owner, parent, request.Name ?? "", request.Level ?? "");
        if (!body.IsSuccess) return body.Error;
        db.MassBodies.Add(body.Value);
        await db.SaveChangesAsync(ct);
        return body.Value.Id;
    }
}
