using System.ComponentModel.DataAnnotations;

namespace Cadre.Supporters;

/// A supporter's own data as a secretary records it, with its limits. Shared by the web form, the API and the CLI.
public sealed record SupporterDetails
{
    public const int TagMaxLength = 40;
    public const int TagsMax = 20;

    [Required(ErrorMessage = "The name is required.")]
    [StringLength(Supporter.NameMaxLength, ErrorMessage = "The name can have at most 200 characters.")]
    public string Name { get; init; } = "";

    [StringLength(Supporter.EmailMaxLength, ErrorMessage = "The email address can have at most 254 characters.")]
    [EmailAddress(ErrorMessage = "The email address is not valid.")]
    public string? Email { get; init; }

    [StringLength(Supporter.PhoneMaxLength, ErrorMessage = "The phone number can have at most 40 characters.")]
    [RegularExpression(@"^[0-9+()./ \-]*$", ErrorMessage = "The phone number can hold only digits, spaces and + ( ) . / -.")]
    public string? Phone { get; init; }

    [StringLength(Supporter.AddressMaxLength, ErrorMessage = "The address can have at most 300 characters.")]
    public string? Address { get; init; }

    /// Interests as tags ("housing", "peace").
    public IReadOnlyList<string> Interests { get; init; } = [];

    [StringLength(Supporter.NotesMaxLength, ErrorMessage = "The notes can have at most 2,000 characters.")]
    public string? Notes { get; init; }

    public IEnumerable<Common.InvalidField> CheckTags()
    {
        var tags = Tags(Interests);
        if (tags.Count > TagsMax) yield return new Common.InvalidField("Interests", $"At most {TagsMax} interests.");
        if (tags.Any(t => t.Length > TagMaxLength)) yield return new Common.InvalidField("Interests", $"An interest has at most {TagMaxLength} characters.");
    }

    /// Tags trimmed, lower case, without commas and duplicates, in the order given.
    public static List<string> Tags(IEnumerable<string>? interests) =>
        (interests ?? []).SelectMany(i => (i ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(t => t.ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> SplitTags(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
