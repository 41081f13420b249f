using System.Globalization;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Members.Import;
using Cadre.Organizations;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

/// A deterministic member CSV (the same bytes for the same row count) over a tree of realistic shape: a central
/// committee, 30 regions, 300 districts and primary organizations of about 22 members each with a long tail.
internal static class Generator
{
    private const int Regions = 30;
    private const int DistrictsPerRegion = 10;

    private static readonly string[] Given = ["Ana", "Rui", "Eva", "Zoë", "Олег", "小明", "Fatima", "José", "Ngozi", "Aiko", "Lars", "Priya",
        "Miguel", "Sofia", "Tomás", "Inês", "Kwame", "Amara", "Yuki", "Ivan", "Leila", "Omar", "Marta", "Pedro"];
    private static readonly string[] FamilyStems = ["Silva", "Costa", "Müller", "Petrov", "Wang", "O'Brien", "Nguyen", "Okafor", "Sato", "García",
        "Kowalski", "Singh", "Santos", "Ferreira", "Pereira", "Oliveira", "Rodrigues", "Martins", "Sousa", "Fernandes", "Gomes", "Lopes",
        "Marques", "Alves", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes", "Soares",
        "Vieira", "Monteiro", "Cardoso", "Rocha", "Neves", "Coelho", "Cruz", "Cunha", "Pires", "Ramos", "Reis", "Simões", "Antunes", "Matos"];
    private static readonly string[] FamilySuffixes = ["", "ova", "ski", "son", "ez", "ini", "berg", "ura", "enko", "ides"];
    private static readonly string[] Occupations = ["worker", "farmer", "professional", "manager", "public-servant", "student", "retired", "unemployed", "other"];
    private static readonly string[] Education = ["primary", "lower-secondary", "upper-secondary", "vocational", "college", "university", "postgraduate"];

    /// Writes the CSV and returns the primary organizations' codes ("R{region}-D{district}-P{primary}") it uses.
    public static List<string> Write(string path, int rows)
    {
        var random = new Random(20261128);
        // Primary sizes: 3 members at least, an exponential tail above (mean about 22); districts take primaries in turn.
        var sizes = new List<int>();
        for (var total = 0; total < rows;)
        {
            var size = Math.Min(rows - total, 3 + (int)(-19 * Math.Log(1 - random.NextDouble())));
            sizes.Add(size);
            total += size;
        }
        var districts = Regions * DistrictsPerRegion;
        var primaries = sizes.Select((_, i) =>
        {
            var district = i % districts;
            return $"R{district / DistrictsPerRegion + 1}-D{district + 1}-P{i + 1}";
        }).ToList();

        using var stream = File.Create(path);
        using var csv = CsvWriter.Create(stream, MemberCsv.WriterOptions);
        csv.WriteHeader([.. MemberCsv.Columns]);
        var values = new string[MemberCsv.Columns.Count];
        var primary = 0;
        var left = sizes[0];
        for (var i = 1; i <= rows; i++)
        {
            if (left == 0) left = sizes[++primary];
            left--;
            var given = Given[random.Next(Given.Length)];
            var family = FamilyStems[random.Next(FamilyStems.Length)] + FamilySuffixes[random.Next(FamilySuffixes.Length)];
            var born = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 60));
            values[0] = Member.FormatNumber(i);
            values[1] = given;
            values[2] = family;
            values[3] = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            values[4] = random.Next(3) switch { 0 => "female", 1 => "male", _ => "" };
            values[5] = Occupations[random.Next(Occupations.Length)];
            values[6] = Education[random.Next(Education.Length)];
            values[7] = $"member{i}@example.org";
            values[8] = $"+351 2{random.Next(10_000_000, 99_999_999)}";
            values[9] = $"Rua {random.Next(1, 500)}, {random.Next(1, 9)}º\nLisboa";
            values[10] = primaries[primary];
            values[11] = born.AddYears(18 + random.Next(0, 40)) is var joined && joined < new DateOnly(2025, 1, 1)
                ? joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "2024-12-31";
            values[12] = random.Next(10) == 0 ? "candidate" : "member";
            csv.WriteRecord(values);
        }
        return primaries;
    }

    /// Creates the tree level by level, a thousand organizations per SaveChanges (so with their audit entries):
    /// each through Organization.Found (its guards), with its closure paths computed from the known tree and its first
    /// version, as CreateOrganization writes them. CreateOrganization itself, one transaction per organization, takes
    /// about 15 minutes for the 45,000 primaries of a million members.
    public static async Task CreateTreeAsync(DbContextOptions<CadreDbContext> options, List<string> primaries, CancellationToken ct)
    {
        var founded = new DateOnly(1900, 1, 1);
        var created = new Dictionary<string, (Organization Organization, Level Level)>();
        var ancestors = new Dictionary<int, List<(int Id, int Depth)>>();
        List<Level> levels;
        await using (var first = new CadreDbContext(options))
            levels = await first.Levels.AsNoTracking().OrderBy(l => l.Rank).ToListAsync(ct);

        // Every organization by level, each with its parent's code: the centre, then regions, districts, primaries.
        var byLevel = new List<List<(string Code, string? Parent)>> { new() { ("CC", null) }, new(), new(), new() };
        var seen = new HashSet<string>();
        foreach (var code in primaries)
        {
            var parts = code.Split('-');
            var district = $"{parts[0]}-{parts[1]}";
            if (seen.Add(parts[0])) byLevel[1].Add((parts[0], "CC"));
            if (seen.Add(district)) byLevel[2].Add((district, parts[0]));
            byLevel[3].Add((code, district));
        }

        for (var rank = 0; rank < byLevel.Count; rank++)
        {
            foreach (var batch in byLevel[rank].Chunk(1000))
            {
                await using var db = new CadreDbContext(options);
                db.CurrentActor.Actor = Actor.System("bench");
                var level = await db.Levels.SingleAsync(l => l.Id == levels[rank].Id, ct);
                var fresh = new List<(string Code, Organization Organization, string? Parent)>();
                foreach (var (code, parentCode) in batch)
                {
                    Organization? parent = null;
                    Level? parentLevel = null;
                    if (parentCode is not null)
                    {
                        (parent, parentLevel) = created[parentCode];
                        db.Attach(parentLevel);
                        db.Attach(parent);
                    }
                    var organization = Organization.Found(code, "Organization " + code, level, parent, parentLevel, founded).Value;
                    db.Organizations.Add(organization);
                    fresh.Add((code, organization, parentCode));
                }
                await db.SaveChangesAsync(ct);
                foreach (var (code, organization, parentCode) in fresh)
                {
                    var chain = new List<(int Id, int Depth)> { (organization.Id, 0) };
                    if (parentCode is not null) chain.AddRange(ancestors[created[parentCode].Organization.Id].Select(a => (a.Id, a.Depth + 1)));
                    ancestors[organization.Id] = chain;
                    db.OrganizationPaths.AddRange(chain.Select(a => new OrganizationPath { AncestorId = a.Id, DescendantId = organization.Id, Depth = a.Depth }));
                    db.OrganizationVersions.Add(OrganizationVersion.Of(organization, founded));
                    created[code] = (organization, level);
                }
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
