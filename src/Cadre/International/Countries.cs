namespace Cadre.International;

/// UN M49 continents, for statistics of parties and signatories by region.
public enum Region
{
    Africa = 1,
    Americas = 2,
    Asia = 3,
    Europe = 4,
    Oceania = 5,
    Antarctica = 6,
}

/// A country by its ISO 3166-1 alpha-3 code; Former marks states that no longer exist (the German Democratic Republic).
public sealed record Country(string Code, string Name, Region Region, bool Former = false);

public static partial class Countries
{
    private static readonly Country[] All = Table();

    private static readonly Dictionary<string, Country> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static IReadOnlyList<Country> List => All;

    /// The country of a code in any case, or null when the code is not one Cadre knows.
    public static Country? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : ByCode.GetValueOrDefault(code.Trim().ToUpperInvariant());

    public static string NameOf(string code) => ByCode.TryGetValue(code, out var country) ? country.Name : code;

    public static Region? RegionOf(string code) => ByCode.TryGetValue(code, out var country) ? country.Region : null;

    /// The codes of a region's countries, for a filter by region.
    public static IReadOnlyList<string> In(Region region) => All.Where(c => c.Region == region).Select(c => c.Code).ToList();
}
