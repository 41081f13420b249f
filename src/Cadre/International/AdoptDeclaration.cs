using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;

namespace Cadre.International;

/// Records a joint declaration: its title, date, place and first text; its signatories follow.
public static class AdoptDeclaration
{
    public sealed record Request
    {
        public int OrganizationId { get; init; }

        public string Title { get; init; } = "";

        public DateOnly AdoptedOn { get; init; }

        public string? Place { get; init; }

        public string Language { get; init; } = "en";

        public string Text { get; init; } = "";

        public bool IsPublic { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (await InternationalAccess.CheckOrganizationAsync(db, actor, request.OrganizationId, ct) is { } refused) return refused;
        var declaration = Declaration.Adopt(request.OrganizationId, request.Title ?? "", request.AdoptedOn, request.Place, request.Language ?? "", request.Text ?? "",
            request.IsPublic, db.Today);
        if (!declaration.IsSuccess) return declaration.Error;
        db.Declarations.Add(declaration.Value);
        await db.SaveChangesAsync(ct);
        return declaration.Value.Id;
    }
}
