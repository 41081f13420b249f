namespace Cadre.Accounts;

/// Roles are granted at an organization and hold for its whole subtree; Administrator is global.
public enum Role
{
    Administrator = 1,
    Secretary = 2,
    Treasurer = 3,
    EducationOfficer = 4,
    InternationalOfficer = 5,
    ControlCommission = 6,
    Member = 7,
}
