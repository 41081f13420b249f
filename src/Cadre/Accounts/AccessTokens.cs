using System.ComponentModel.DataAnnotations;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Accounts;

public sealed record TokenRow(int Id, string Name, string Hint, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// A user's own personal access tokens: issued (the secret shown once), listed, revoked.
public static class IssueAccessToken
{
    public sealed record Request
    {
        [Required(ErrorMessage = "Give the token a name.")]
        [StringLength(100, ErrorMessage = "The name can have at most 100 characters.")]
        public string Name { get; init; } = "";

        [Range(1, 3650, ErrorMessage = "A token lasts between 1 and 3650 days.")]
        public int? ExpiresInDays { get; init; } = 90;
    }

    public sealed record Issued(int Id, string Secret);

    public static async Task<Result<Issued>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (actor.UserId is null) return new UserNotFound();
        if (Validation.Check(request) is { } invalid) return invalid;
        var now = db.Now;
        var (token, secret) = PersonalAccessToken.Issue(actor.UserId, request.Name.Trim(), now,
            request.ExpiresInDays is { } days ? now.AddDays(days) : null);
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new Issued(token.Id, secret);
    }
}

public static class RevokeAccessToken
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int tokenId, CancellationToken ct)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == actor.UserId, ct);
        if (token is null) return new TokenNotFound();
        token.Revoke(db.Now);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }

    public static Task<List<TokenRow>> ListAsync(CadreDbContext db, Actor actor, CancellationToken ct) =>
        db.AccessTokens.AsNoTracking().Where(t => t.UserId == actor.UserId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(ct);
}
