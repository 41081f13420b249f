using System.ComponentModel.DataAnnotations;
using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Members;

/// A person's own data. Only what an organization formally records: no beliefs, no private life.
public sealed class Person : IAudited
{
    private Person()
    {
    }

    public int Id { get; private set; }

    public string GivenName { get; private set; } = "";

    public string FamilyName { get; private set; } = "";

    /// The name in another script (e.g. 王小明 beside Wang Xiaoming).
    public string? OtherName { get; private set; }

    public DateOnly? DateOfBirth { get; private set; }

    public Sex? Sex { get; private set; }

    public int? OccupationId { get; private set; }

    public Classifier? Occupation { get; private set; }

    public int? EducationId { get; private set; }

    public Classifier? Education { get; private set; }

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    // Search keys: lower case without accents, compared byte-wise so prefix search is an index range.
    public string GivenKey { get; private set; } = "";

    public string FamilyKey { get; private set; } = "";

    public string FullKey { get; private set; } = "";

    public string? EmailKey { get; private set; }

    /// The phone number's digits only, so "+44 20 7946-0958" is found by "4420794".
    public string? PhoneKey { get; private set; }

    public Member? Membership { get; private set; }

    public string DisplayName => $"{GivenName} {FamilyName}";

    int? IAudited.AuditOrganizationId => Membership?.OrganizationId;

    public static Result<Person> Create(PersonalData data, DateOnly today)
    {
        var person = new Person();
        var result = person.Update(data, today);
        return result.IsSuccess ? person : result.Error;
    }

    public Result<Done> Update(PersonalData data, DateOnly today)
    {
        if (data.DateOfBirth is { } born && born > today) return new DateOfBirthInFuture();
        if (data.DateOfBirth is { } b && b < today.AddYears(-130)) return new DateOfBirthTooEarly();
        GivenName = data.GivenName.Trim();
        FamilyName = data.FamilyName.Trim();
        OtherName = Blank(data.OtherName);
        DateOfBirth = data.DateOfBirth;
        Sex = data.Sex;
        OccupationId = data.OccupationId;
        EducationId = data.EducationId;
        Address = Blank(data.Address);
        Phone = Blank(data.Phone);
        Email = Blank(data.Email);
        GivenKey = Text.SearchKey(GivenName);
        FamilyKey = Text.SearchKey(FamilyName);
        FullKey = Text.SearchKey($"{GivenName} {FamilyName}");
        EmailKey = Email is null ? null : Text.SearchKey(Email);
        PhoneKey = Text.PhoneKey(Phone);
        return Done.Value;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// The personal data a secretary records, with its limits. Shared by the web form, the API and the CLI.
public sealed record PersonalData
{
    [Required(ErrorMessage = "The given name is required.")]
    [StringLength(100, ErrorMessage = "The given name can have at most 100 characters.")]
    public string GivenName { get; init; } = "";

    [Required(ErrorMessage = "The family name is required.")]
    [StringLength(100, ErrorMessage = "The family name can have at most 100 characters.")]
    public string FamilyName { get; init; } = "";

    [StringLength(200, ErrorMessage = "The name in another script can have at most 200 characters.")]
    public string? OtherName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    [EnumDataType(typeof(Sex), ErrorMessage = "The sex is not one of the listed values.")]
    public Sex? Sex { get; init; }

    public int? OccupationId { get; init; }

    public int? EducationId { get; init; }

    [StringLength(300, ErrorMessage = "The address can have at most 300 characters.")]
    public string? Address { get; init; }

    [StringLength(40, ErrorMessage = "The phone number can have at most 40 characters.")]
    [RegularExpression(@"^[0-9+()./ \-]*$", ErrorMessage = "The phone number can hold only digits, spaces and + ( ) . / -.")]
    public string? Phone { get; init; }

    [StringLength(254, ErrorMessage = "The email address can have at most 254 characters.")]
    [EmailAddress(ErrorMessage = "The email address is not valid.")]
    public string? Email { get; init; }
}

public sealed record DateOfBirthInFuture() : InvalidField("DateOfBirth", "The date of birth cannot be in the future.");

public sealed record DateOfBirthTooEarly() : InvalidField("DateOfBirth", "The date of birth is more than 130 years ago.");
