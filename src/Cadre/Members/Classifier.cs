using Cadre.Audit;

namespace Cadre.Members;

public enum ClassifierKind
{
    Occupation = 1,
    Education = 2,
}

/// An entry of a configurable list (occupation categories, education levels).
public sealed class Classifier : IAudited
{
    public int Id { get; set; }

    public ClassifierKind Kind { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }

    int? IAudited.AuditOrganizationId => null;

    public static readonly (string Code, string Name)[] DefaultOccupations =
    [
        ("worker", "Worker"),
        ("farmer", "Farmer, herder or fisher"),
        ("professional", "Professional or technical staff"),
        ("manager", "Manager"),
        ("public-servant", "Party or government staff"),
        ("student", "Student"),
        ("retired", "Retired"),
        ("unemployed", "Unemployed"),
        ("other", "Other"),
    ];

    public static readonly (string Code, string Name)[] DefaultEducation =
    [
        ("primary", "Primary or less"),
        ("lower-secondary", "Lower secondary"),
        ("upper-secondary", "Upper secondary"),
        ("vocational", "Vocational"),
        ("college", "Junior college"),
        ("university", "University"),
        ("postgraduate", "Postgraduate"),
    ];
}
