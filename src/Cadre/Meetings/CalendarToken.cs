using System.Security.Cryptography;
using Cadre.Accounts;
using Cadre.Audit;

namespace Cadre.Meetings;

/// A secret address of an iCalendar feed: the meetings of one organization (read with the permissions its user has
/// when the calendar asks), or the meetings on whose roll one member stands. Only the secret's hash is stored; it
/// is shown once, and revoking it ends the feed for good.
public sealed class CalendarToken : IAudited
{
    public const string Prefix = "cadre_cal_";

    private CalendarToken()
    {
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    /// The organization whose meetings the feed lists; null for the member's own feed.
    public int? OrganizationId { get; private set; }

    /// The member whose meetings the feed lists; null for an organization's feed.
    public int? PersonId { get; private set; }

    public string Hash { get; private set; } = "";

    public string Hint { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static (CalendarToken Token, string Secret) Issue(string userId, int? organizationId, int? personId, DateTime now)
    {
        var secret = Prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        return (new CalendarToken
        {
            UserId = userId, OrganizationId = organizationId, PersonId = personId, Hash = PersonalAccessToken.HashOf(secret),
            Hint = secret[..(Prefix.Length + 4)], CreatedAt = now,
        }, secret);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
