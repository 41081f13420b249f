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

    // Meetings (issue 5): reading an organization's meetings, decisions and schedules; keeping them (scheduling,
    // attendance, minutes, decisions).
    MeetingsRead = 100,
    MeetingsManage = 101,

    // Directives (issue 5): reading directives, their assignments and roll-ups; issuing, passing on, reporting and reviewing them.
    DirectivesRead = 110,
    DirectivesManage = 111,

    // Political education (issue 6): reading courses, sessions and statistics; running them; keeping the library.
    EducationRead = 120,
    EducationManage = 121,
    LibraryManage = 122,
    LibraryRead = 123,

    // The international work (issue 8): the registry of parties, relations, exchanges, declarations and seminars.
    InternationalRead = 130,
    InternationalManage = 131,

    // Congresses (issue 7): reading congresses, delegates and results; running them; voting as a delegate.
    CongressesRead = 140,
    CongressesManage = 141,
    CongressVote = 142,

    // Motions (issue 7): the presidium and motions committee (recommendations, votes); an organization submitting motions and amendments.
    MotionsManage = 143,
    MotionsSubmit = 144,

    // Organizational health (issue 9): reading indicators and warnings; acting on warnings; setting the warning rules.
    HealthRead = 150,
    HealthManage = 151,
    HealthRulesManage = 152,

    // Supporters (issue 8): reading supporters, their consents and the recruitment funnel; keeping them and the sign-up forms.
    SupportersRead = 160,
    SupportersManage = 161,

    // Mass organizations (issue 8): reading affiliated organizations, their bodies, positions and membership reports; keeping them.
    MassOrganizationsRead = 165,
    MassOrganizationsManage = 166,
}

public static class Permissions
{
    private static readonly Dictionary<Role, Permission[]> ByRole = new()
    {
        [Role.Administrator] = Enum.GetValues<Permission>(),
        // A secretary answers for the records of their subtree, so they may read its audit trail too (decision 0008).
        [Role.Secretary] = [Permission.OrganizationsRead, Permission.OrganizationsManage, Permission.OfficesManage,
            Permission.MembersRead, Permission.MembersManage, Permission.AuditRead, Permission.OwnProfile, Permission.DuesRead,
            Permission.EducationRead, Permission.LibraryRead, Permission.MeetingsRead, Permission.MeetingsManage,
            Permission.DirectivesRead, Permission.DirectivesManage,
            Permission.InternationalRead, Permission.CongressesRead, Permission.CongressesManage, Permission.CongressVote,
            Permission.MotionsManage, Permission.MotionsSubmit, Permission.HealthRead, Permission.HealthManage, Permission.SupportersRead,
            Permission.SupportersManage, Permission.MassOrganizationsRead, Permission.MassOrganizationsManage],
        // A treasurer keeps the dues of their subtree; the secretary and the control commission may read them.
        [Role.Treasurer] = [Permission.OrganizationsRead, Permission.MembersRead, Permission.OwnProfile, Permission.DuesRead, Permission.DuesManage,
            Permission.LibraryRead, Permission.CongressVote, Permission.HealthRead],
        // The education officer keeps the library and runs the courses of their subtree; secretaries and the control commission read them.
        [Role.EducationOfficer] = [Permission.OrganizationsRead, Permission.MembersRead, Permission.OwnProfile,
            Permission.EducationRead, Permission.EducationManage, Permission.LibraryRead, Permission.LibraryManage, Permission.CongressVote,
            Permission.HealthRead],
        // The international department keeps the registry and the relations of its subtree; secretaries and the control commission read them.
        [Role.InternationalOfficer] = [Permission.OrganizationsRead, Permission.OwnProfile, Permission.LibraryRead,
            Permission.InternationalRead, Permission.InternationalManage, Permission.CongressVote],
        // The control commission checks, it never changes: read-only plus the audit trail.
        [Role.ControlCommission] = [Permission.OrganizationsRead, Permission.MembersRead, Permission.AuditRead, Permission.OwnProfile, Permission.DuesRead,
            Permission.EducationRead, Permission.LibraryRead, Permission.MeetingsRead, Permission.DirectivesRead, Permission.InternationalRead,
            Permission.CongressesRead, Permission.CongressVote, Permission.HealthRead, Permission.SupportersRead,
            Permission.MassOrganizationsRead],
        // Members read the party's library; their own courses come with OwnProfile.
        // Any member may vote where they are a delegate; whether they are is checked against the congress's delegates.
        [Role.Member] = [Permission.OwnProfile, Permission.LibraryRead, Permission.CongressVote],
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
