using Microsoft.AspNetCore.Identity;

namespace Cadre.Accounts;

public sealed class CadreUser : IdentityUser
{
    /// The person this account belongs to, when the account is a member's.
    public int? PersonId { get; set; }

    public DateTime CreatedAt { get; set; }
}
