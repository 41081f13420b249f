using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

/// A text in another language or a new version of one; whether the declaration has a public page.
public static class ReviseDeclaration
{
    public sealed record TextRequest(string Language, string Text);

    public static async Task<Result<int>> AddTextAsync(CadreDbContext db, Actor actor, int declarationId, TextRequest request, CancellationToken ct)
    {
        var declaration = await DeclarationAccess.KeepAsync(db, actor, declarationId, ct);
        if (!declaration.IsSuccess) return declaration.Error;
        var added = declaration.Value.AddText(request.Language ?? "", request.Text ?? "", db.Today);
        if (!added.IsSuccess) return added.Error;
        var saved = await InternationalAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? added.Value : saved.Error;
    }

    public static async Task<Result<Done>> PublishAsync(CadreDbContext db, Actor actor, int declarationId, bool isPublic, CancellationToken ct)
    {
        var declaration = await DeclarationAccess.KeepAsync(db, actor, declarationId, ct);
        if (!declaration.IsSuccess) return declaration.Error;
        declaration.Value.Publish(isPublic);
        return await InternationalAccess.SaveAsync(db, ct);
    }
}
