using Cadre.Audit;
using Cadre.Organizations;

namespace Cadre.Accounts;

/// A role held by a user at an organization, for its whole subtree. Administrator grants have no organization.
public sealed class RoleGrant : IAudited
{
    private RoleGrant()
    {
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public Role Role { get; private set; }

    public int? OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public DateTime GrantedAt { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static RoleGrant Create(string userId, Role role, int? organizationId, DateTime now)
    {
        if (role == Role.Administrator && organizationId is not null)
            throw new ArgumentException("The administrator role is global.", nameof(organizationId));
        if (role != Role.Administrator && organizationId is null)
            throw new ArgumentException("This role is granted at an organization.", nameof(organizationId));
        return new RoleGrant { UserId = userId, Role = role, OrganizationId = organizationId, GrantedAt = now };
    }
}
