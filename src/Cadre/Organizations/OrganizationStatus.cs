namespace Cadre.Organizations;

public enum OrganizationStatus
{
    Active = 1,
    Dissolved = 2,
    Merged = 3,
}
