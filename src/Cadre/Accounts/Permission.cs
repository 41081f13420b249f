namespace Cadre.Accounts;

/// What a user may do. Every page and endpoint declares one; the roles below grant them within a subtree.
public enum Permission
{
    OrganizationsRead = 1,
    OrganizationsManage,
    OfficesManage,
    MembersRead,
    MembersManage,
    AuditRead,
    UsersManage,
    SettingsManage,
    OwnProfile,
    DuesRead,
    DuesManage,
}

public static class Permissions
{
    private static readonly Dictionary<Role, Permission[]> ByRole = new()
    {
        [Role.Administrator] = Enum.GetValues<Permission>(),
        // A secretary answers for the records of their subtree, so they may read its audit trail too (decision 0008).
        [Role.Secretary] = [Permission.OrganizationsRead, Permission.OrganizationsManage, Permission.OfficesManage,
            Permission.MembersRead, Permission.MembersManage, Permission.AuditRead, Permission.OwnProfile, Permission.DuesRead],
        // A treasurer keeps the dues of their subtree; the secretary and the control commission may read them.
        [Role.Treasurer] = [Permission.OrganizationsRead, Permission.MembersRead, Permission.OwnProfile, Permission.DuesRead, Permission.DuesManage],
        [Role.EducationOfficer] = [Permission.OrganizationsRead, Permission.MembersRead, Permission.OwnProfile],
        [Role.InternationalOfficer] = [Permission.OrganizationsRead, Permission.OwnProfile],
        // The control commission checks, it never changes: read-only plus the audit trail.
        [Role.ControlCommission] = [Permission.OrganizationsRead, Permission.MembersRead, Permission.AuditRead, Permission.OwnProfile, Permission.DuesRead],
        [Role.Member] = [Permission.OwnProfile],
    };

    public static IReadOnlyList<Permission> Of(Role role) => ByRole[role];

    /// The authorization policy name an endpoint or page declares.
    public static string Policy(Permission permission) => "perm:" + permission;

    public static string Describe(Role role) => role switch
    {
        Role.EducationOfficer => "Education officer",
        Role.InternationalOfficer => "International officer",
        Role.ControlCommission => "Control commission",
        _ => role.ToString(),
    };
}
