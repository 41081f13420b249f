using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using CsvHelper;

namespace Cadre.Members.Import;

/// The member file format (docs/import.md): its columns and how each value is read and written.
public static class MemberCsv
{
    public const string Number = "member_number";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string DateOfBirth = "date_of_birth";
    public const string Sex = "sex";
    public const string Occupation = "occupation";
    public const string Education = "education";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Address = "address";
    public const string OrganizationCode = "organization_code";
    public const string JoinedOn = "joined_on";
    public const string Status = "status";

    public static readonly IReadOnlyList<string> Columns =
        [Number, GivenName, FamilyName, DateOfBirth, Sex, Occupation, Education, Email, Phone, Address, OrganizationCode, JoinedOn, Status];

    internal static readonly IReadOnlyDictionary<string, int> Position = Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);

    public const string DateFormat = "yyyy-MM-dd";

    /// Strict RFC 4180 with a comma; the reader reports bad quoting instead of throwing, so every bad row gets its line.
    public static CsvReaderOptions ReaderOptions(Action<CsvMalformedRecord> onMalformed) => new()
    {
        Separator = ',',
        Mode = CsvMode.Rfc4180,
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MalformedData = CsvMalformedDataHandling.Recover,
        OnMalformedRecord = onMalformed,
        // An unclosed quote would otherwise read the rest of a large file into one field.
        MaxRecordSize = 1 << 20,
        IncludeValuesInExceptions = false,
    };

    public static CsvWriterOptions WriterOptions { get; } = new() { Separator = ',', Mode = CsvMode.Rfc4180, Injection = CsvInjection.None };

    /// Strictly yyyy-MM-dd: 31/02/2020, 2020-02-31 and 2020-13-01 are refused, never guessed.
    public static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// By name (female, male, other), first letter (f, m, o) or number (1, 2, 3), in any case.
    public static bool TryParseSex(string value, out Members.Sex sex)
    {
        sex = default;
        if (value.Length == 1 && char.IsAsciiLetter(value[0]))
        {
            var match = Enum.GetValues<Members.Sex>().Where(s => char.ToLowerInvariant(s.ToString()[0]) == char.ToLowerInvariant(value[0])).ToList();
            if (match.Count != 1) return false;
            sex = match[0];
            return true;
        }
        return TryParseEnum(value, out sex);
    }

    /// By name or number, in any case: whatever statuses MemberStatus names.
    public static bool TryParseStatus(string value, out MemberStatus status) => TryParseEnum(value, out status);

    private static bool TryParseEnum<T>(string value, out T result)
        where T : struct, Enum =>
        // Enum.TryParse also takes "1, 2" (a flags combination) and any number: only single defined values pass.
        Enum.TryParse(value, ignoreCase: true, out result) && !value.Contains(',', StringComparison.Ordinal) && Enum.IsDefined(result);

    public static string Allowed<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    /// The limits PersonalData declares for each column, read once from its attributes so the two never disagree.
    internal static readonly IReadOnlyDictionary<string, ValidationAttribute[]> Rules = new Dictionary<string, ValidationAttribute[]>
    {
        [GivenName] = RulesOf(nameof(PersonalData.GivenName)),
        [FamilyName] = RulesOf(nameof(PersonalData.FamilyName)),
        [Email] = RulesOf(nameof(PersonalData.Email)),
        [Phone] = RulesOf(nameof(PersonalData.Phone)),
        [Address] = RulesOf(nameof(PersonalData.Address)),
    };

    private static ValidationAttribute[] RulesOf(string property) =>
        typeof(PersonalData).GetProperty(property)!.GetCustomAttributes<ValidationAttribute>()
            .Where(a => a is not RequiredAttribute).ToArray();
}
