using System.Globalization;
using Cadre.Demo;
using Cadre.Organizations;

namespace Cadre.Synthetic;

/// One organization of the synthetic tree, with its place in it.
internal sealed record SyntheticOrganization(Organization Organization, int Depth, SyntheticOrganization? Parent, NameCulture Culture, string Town)
{
    public int Id => Organization.Id;

    public int Size { get; set; }
}

/// The shape of the synthetic party: a central committee, up to 30 regions, up to 300 districts, and primary
/// organizations whose sizes are drawn from a log-normal distribution (median about 15, mean about 22, minimum 3 —
/// the statutory minimum of full members to form a branch — and a long tail of large workplace branches of a few
/// hundred). Log-normal because branch sizes are the product of many independent factors (workplace size, share of
/// members there), which is what a log-normal describes; a geometric draw would make the smallest size the most common.
internal static class SyntheticTree
{
    public const double MeanSize = 22;
    private const double Sigma = 0.9;
    private const int MinimumSize = 3;
    private const int MaximumSize = 1_500;

    /// Built-in region names (no ../shared folder on an installed system).
    public static readonly string[] Regions =
    [
        "Northern", "Southern", "Eastern", "Western", "Coastal", "Highland", "Lakeland", "River Valley", "Central Plains",
        "North Coast", "South Coast", "Upper Valley", "Lower Valley", "Forest", "Delta", "Plateau", "Frontier", "Capital",
        "Mountain", "Island", "Steppe", "Bay", "Hill Country", "Border", "Savanna", "Great Lakes", "Northeast", "Northwest",
        "Southeast", "Southwest",
    ];

    /// Sizes of the primary organizations, summing to members exactly.
    public static List<int> PrimarySizes(Random random, int members)
    {
        var mu = Math.Log(MeanSize) - (Sigma * Sigma / 2);
        var sizes = new List<int>();
        var left = members;
        while (left > 0)
        {
            var size = Math.Clamp((int)Math.Round(Math.Exp(mu + (Sigma * Normal(random)))), MinimumSize, MaximumSize);
            if (size >= left || left - size < MinimumSize) size = left;
            sizes.Add(size);
            left -= size;
        }
        return sizes;
    }

    /// Draws the tree: every region has at least one district and every district at least one primary organization.
    public static List<SyntheticOrganization> Draw(Random random, IReadOnlyList<int> primarySizes, Level[] levels, DateOnly foundedOn)
    {
        var primaries = primarySizes.Count;
        var regionCount = Math.Clamp(primaries / 8, 1, Regions.Length);
        var districtCount = Math.Clamp(primaries / 4, regionCount, 300);
        var all = new List<SyntheticOrganization>();
        var nextId = 1;
        SyntheticOrganization Add(string code, string name, int depth, SyntheticOrganization? parent, NameCulture culture, string town)
        {
            var organization = Must(Organization.Found(code, name, levels[depth], parent?.Organization, parent is null ? null : levels[depth - 1], foundedOn));
            Ids.Set(organization, nameof(Organization.Id), nextId++);
            var added = new SyntheticOrganization(organization, depth, parent, culture, town);
            all.Add(added);
            return added;
        }

        var central = Add("CC", "Central Committee", 0, null, NameCulture.All[0], "");
        var regions = Enumerable.Range(0, regionCount)
            .Select(r => Add($"R{r + 1:D2}", $"{Regions[r]} Regional Committee", 1, central, NameCulture.All[r % NameCulture.All.Count], ""))
            .ToList();
        var districtRegions = Spread(random, districtCount, regionCount);
        var districts = new List<SyntheticOrganization>();
        var perRegion = new int[regionCount];
        foreach (var r in districtRegions)
        {
            var region = regions[r];
            var town = DemoPlaces.Towns[random.Next(DemoPlaces.Towns.Length)];
            var number = ++perRegion[r];
            districts.Add(Add($"{region.Organization.Code}-D{number:D2}", $"{town} District Committee {number}", 2, region, region.Culture, town));
        }
        var primaryDistricts = Spread(random, primaries, districtCount);
        var perDistrict = new int[districtCount];
        for (var p = 0; p < primaries; p++)
        {
            var district = districts[primaryDistricts[p]];
            var number = ++perDistrict[primaryDistricts[p]];
            var (templates, _) = DemoPlaces.PrimaryKinds[Index(random, DemoPlaces.PrimaryKinds.Select(k => k.Weight).ToArray())];
            var name = string.Format(CultureInfo.InvariantCulture, templates[random.Next(templates.Length)], district.Town, DemoPlaces.Streets[random.Next(DemoPlaces.Streets.Length)]);
            var primary = Add($"{district.Organization.Code}-P{number:D3}", $"{name} {number}", 3, district, district.Culture, district.Town);
            primary.Size = primarySizes[p];
        }
        return all;
    }

    /// Which of parents each of children goes to: one each first, the rest at random.
    private static int[] Spread(Random random, int children, int parents)
    {
        var to = new int[children];
        for (var c = 0; c < children; c++) to[c] = c < parents ? c : random.Next(parents);
        Array.Sort(to);
        return to;
    }

    private static int Index(Random random, double[] weights)
    {
        var point = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            point -= weights[i];
            if (point < 0) return i;
        }
        return weights.Length - 1;
    }

    // Box-Muller: a standard normal draw from two uniform ones.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static T Must<T>(Cadre.Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The synthetic party broke a rule: {result.Error.Message}");
}
