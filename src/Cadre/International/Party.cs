using Cadre.Audit;
using Cadre.Common;

namespace Cadre.International;

/// What a party is called and where and when it existed. The Party Facts import owns these fields for the parties it
/// brought; the party's family, website and notes are the international department's own and an import never touches them.
public sealed record PartyDetails
{
    public string CountryCode { get; init; } = "";

    /// The name in the party's own language and script.
    public string Name { get; init; } = "";

    public string? NameEnglish { get; init; }

    public string? NameShort { get; init; }

    /// Further names, often in other scripts ("Pashto: افغان ملت ګوند").
    public string? NameOther { get; init; }

    public int? FoundedYear { get; init; }

    public int? DissolvedYear { get; init; }

    public string? Wikipedia { get; init; }

    public string? Description { get; init; }
}

/// A party in the international registry: a party abroad (or at home) the party may keep relations with.
public sealed class Party : IAudited
{
    public const int NameMaxLength = 300;
    public const int ShortMaxLength = 60;
    public const int OtherMaxLength = 1000;
    public const int FamilyMaxLength = 60;
    public const int UrlMaxLength = 500;
    public const int TextMaxLength = 4000;
    public const int SearchKeyMaxLength = 2000;
    public const int EarliestYear = 1600;

    private Party()
    {
    }

    public int Id { get; private set; }

    /// The party's id in Party Facts (partyfacts.herokuapp.com), by which a re-import finds it; null for a party entered by hand.
    public int? PartyFactsId { get; private set; }

    public string CountryCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? NameEnglish { get; private set; }

    public string? NameShort { get; private set; }

    public string? NameOther { get; private set; }

    public int? FoundedYear { get; private set; }

    public int? DissolvedYear { get; private set; }

    public string? Wikipedia { get; private set; }

    public string? Description { get; private set; }

    /// Political family where known (communist, socialist, national liberation …): free text, filtered without case.
    public string? Family { get; private set; }

    public string? FamilyKey { get; private set; }

    public string? Website { get; private set; }

    public string? Notes { get; private set; }

    /// Sort key: the English name when there is one, else the native name (lower case, no accents).
    public string NameKey { get; private set; } = "";

    /// Every name, normalized and joined, so a search finds a party by any of its names in any script.
    public string SearchKey { get; private set; } = "";

    public int Version { get; private set; }

    public bool IsActive => DissolvedYear is null;

    int? IAudited.AuditOrganizationId => null;

    public static Result<Party> Register(PartyDetails details, int? partyFactsId = null)
    {
        var party = new Party { PartyFactsId = partyFactsId };
        var changed = party.Change(details);
        return changed.IsSuccess ? party : changed.Error;
    }

    /// Checks the details (field names as the request has them) and applies them; false when nothing changed.
    public Result<bool> Change(PartyDetails details)
    {
        var errors = Check(details);
        if (errors.Count > 0) return new ValidationFailed(errors);
        var country = Countries.Find(details.CountryCode)!.Code;
        var name = details.Name.Trim();
        string? english = Clean(details.NameEnglish), shortName = Clean(details.NameShort), other = Clean(details.NameOther),
            wikipedia = Clean(details.Wikipedia), description = Clean(details.Description);
        if (country == CountryCode && name == Name && english == NameEnglish && shortName == NameShort && other == NameOther
            && details.FoundedYear == FoundedYear && details.DissolvedYear == DissolvedYear && wikipedia == Wikipedia && description == Description)
            return false;
        CountryCode = country;
        Name = name;
        NameEnglish = english;
        NameShort = shortName;
        NameOther = other;
        FoundedYear = details.FoundedYear;
        DissolvedYear = details.DissolvedYear;
        Wikipedia = wikipedia;
        Description = description;
        Rekey();
        Version++;
        return true;
    }

    public Result<Done> Describe(string? family, string? website, string? notes)
    {
        var errors = new List<InvalidField>();
        if (family?.Trim().Length > FamilyMaxLength) errors.Add(new InvalidField("Family", $"The family has at most {FamilyMaxLength} characters."));
        if (Clean(website) is { } url && !IsWebAddress(url)) errors.Add(new InvalidField("Website", "The website is an address starting with http:// or https://."));
        if (website?.Trim().Length > UrlMaxLength) errors.Add(new InvalidField("Website", $"The website has at most {UrlMaxLength} characters."));
        if (notes?.Length > TextMaxLength) errors.Add(new InvalidField("Notes", $"The notes have at most {TextMaxLength:N0} characters."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        Family = Clean(family);
        FamilyKey = Family is null ? null : Text.SearchKey(Family);
        Website = Clean(website);
        Notes = Clean(notes);
        Version++;
        return Done.Value;
    }

    public static List<InvalidField> Check(PartyDetails details)
    {
        var errors = new List<InvalidField>();
        if (Countries.Find(details.CountryCode) is null)
            errors.Add(new InvalidField("CountryCode", $"\"{details.CountryCode}\" is not a country code (ISO 3166-1 alpha-3, such as FRA or VNM)."));
        if (string.IsNullOrWhiteSpace(details.Name)) errors.Add(new InvalidField("Name", "Give the party's name."));
        Length(errors, "Name", details.Name, NameMaxLength);
        Length(errors, "NameEnglish", details.NameEnglish, NameMaxLength);
        Length(errors, "NameShort", details.NameShort, ShortMaxLength);
        Length(errors, "NameOther", details.NameOther, OtherMaxLength);
        Length(errors, "Wikipedia", details.Wikipedia, UrlMaxLength);
        Length(errors, "Description", details.Description, TextMaxLength);
        if (Clean(details.Wikipedia) is { } url && !IsWebAddress(url))
            errors.Add(new InvalidField("Wikipedia", "The Wikipedia page is an address starting with http:// or https://."));
        var latest = DateTime.UtcNow.Year + 1;
        if (details.FoundedYear is { } founded && (founded < EarliestYear || founded > latest))
            errors.Add(new InvalidField("FoundedYear", $"{founded} is not a year between {EarliestYear} and {latest}."));
        if (details.DissolvedYear is { } dissolved && (dissolved < EarliestYear || dissolved > latest))
            errors.Add(new InvalidField("DissolvedYear", $"{dissolved} is not a year between {EarliestYear} and {latest}."));
        else if (details.DissolvedYear < details.FoundedYear)
            errors.Add(new InvalidField("DissolvedYear", "A party is dissolved after it was founded."));
        return errors;
    }

    private void Rekey()
    {
        NameKey = Truncate(Text.SearchKey(NameEnglish ?? Name), NameMaxLength);
        var names = new[] { Name, NameEnglish, NameShort, NameOther }.Where(n => n is not null).Select(Text.SearchKey).Distinct();
        SearchKey = Truncate(string.Join(" | ", names), SearchKeyMaxLength);
    }

    private static void Length(List<InvalidField> errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max) errors.Add(new InvalidField(field, $"At most {max:N0} characters."));
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
