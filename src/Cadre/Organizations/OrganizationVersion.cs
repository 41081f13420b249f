namespace Cadre.Organizations;

/// How an organization looked from ValidFrom until ValidTo (exclusive; null while current).
/// The tree on a past date is the set of versions valid on that date.
public sealed class OrganizationVersion
{
    public long Id { get; init; }

    public int OrganizationId { get; init; }

    public DateOnly ValidFrom { get; init; }

    public DateOnly? ValidTo { get; set; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public int LevelId { get; init; }

    public int? ParentId { get; init; }

    public OrganizationStatus Status { get; init; }

    public static OrganizationVersion Of(Organization organization, DateOnly from) => new()
    {
        OrganizationId = organization.Id,
        ValidFrom = from,
        Code = organization.Code,
        Name = organization.Name,
        LevelId = organization.LevelId,
        ParentId = organization.ParentId,
        Status = organization.Status,
    };
}
