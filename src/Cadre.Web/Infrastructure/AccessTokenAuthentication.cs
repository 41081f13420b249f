using System.Security.Claims;
using System.Text.Encodings.Web;
using Cadre.Accounts;
using Cadre.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadre.Web.Infrastructure;

/// Authenticates "Authorization: Bearer cadre_pat_..." against the stored hashes of personal access tokens.
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CadreDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal) || secret.Length > 200)
            return AuthenticateResult.Fail("The bearer token is not a Cadre access token.");
        var hash = PersonalAccessToken.HashOf(secret);
        // One query, read without tracking: the token and its user are read on every API request.
        var found = await db.AccessTokens.AsNoTracking().Where(t => t.Hash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.Id, u.UserName, u.LockoutEnd })
            .SingleOrDefaultAsync(Context.RequestAborted);
        var now = db.Now;
        if (found is null || !found.Token.IsActive(now)) return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        if (found.LockoutEnd > DateTimeOffset.UtcNow) return AuthenticateResult.Fail("The account is locked.");

        // Recording the last use at most once a minute keeps reads from turning into writes.
        if (found.Token.LastUsedAt is null || found.Token.LastUsedAt < now.AddMinutes(-1))
            await db.AccessTokens.Where(t => t.Id == found.Token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, found.Id), new Claim(ClaimTypes.Name, found.UserName ?? found.Id)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => ApiStatus.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ApiStatus.WriteAsync(Context, StatusCodes.Status403Forbidden);
}
