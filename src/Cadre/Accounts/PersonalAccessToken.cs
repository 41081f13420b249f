using System.Security.Cryptography;
using System.Text;

namespace Cadre.Accounts;

/// A bearer token for the API. Only its SHA-256 hash is stored; the token itself is shown once.
public sealed class PersonalAccessToken
{
    public const string Prefix = "cadre_pat_";

    private PersonalAccessToken()
    {
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Hash { get; private set; } = "";

    /// The first characters of the token, so a user can tell their tokens apart.
    public string Hint { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public DateTime? LastUsedAt { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static (PersonalAccessToken Token, string Secret) Issue(string userId, string name, DateTime now, DateTime? expiresAt)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            Hash = HashOf(secret),
            Hint = secret[..(Prefix.Length + 4)],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
