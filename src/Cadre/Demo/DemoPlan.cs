using Cadre.Accounts;
using Cadre.Common;
using Cadre.Members;
using Cadre.Organizations;

namespace Cadre.Demo;

// Planned entities are classes, not records: they are dictionary keys by identity.
internal sealed class PlannedOrganization(string code, string name, int depth, PlannedOrganization? parent, DateOnly foundedOn, string town)
{
    public string Code { get; } = code;

    public string Name { get; } = name;

    /// 0 central, 1 regional, 2 district, 3 primary.
    public int Depth { get; } = depth;

    public PlannedOrganization? Parent { get; } = parent;

    public DateOnly FoundedOn { get; } = foundedOn;

    public string Town { get; } = town;

    public NameCulture? Culture { get; init; }

    public List<PlannedMember> Subtree { get; } = [];

    public PlannedOrganization Region => Depth <= 1 ? this : Parent!.Region;
}

internal sealed class PlannedMember(PersonalData data, string occupation, string education, PlannedOrganization organization, DateOnly joinedOn, MemberStatus status)
{
    public PersonalData Data { get; } = data;

    public string Occupation { get; } = occupation;

    public string Education { get; } = education;

    public PlannedOrganization Organization { get; } = organization;

    public DateOnly JoinedOn { get; } = joinedOn;

    public MemberStatus Status { get; } = status;

    public bool CanHoldOfficeFrom(DateOnly day) =>
        Status == MemberStatus.Member && JoinedOn <= day && Data.DateOfBirth!.Value.AddYears(18) <= day;
}

internal sealed class PlannedOffice(PlannedOrganization organization, string title, OfficeKind kind, int seats)
{
    public PlannedOrganization Organization { get; } = organization;

    public string Title { get; } = title;

    public OfficeKind Kind { get; } = kind;

    public int Seats { get; } = seats;
}

internal sealed record PlannedTerm(PlannedOffice Office, PlannedMember Holder, DateOnly StartsOn, DateOnly? EndsOn);

internal sealed record PlannedAccount(string Label, string Email, string Password, Role Role, PlannedOrganization? Organization, PlannedMember? Person);

/// The whole demo party drawn in memory from one Random, in a fixed order, before anything touches the database.
internal sealed class DemoPlan
{
    private readonly Random random;
    private readonly DateOnly today;
    private readonly HashSet<PlannedMember> holders = [];

    private DemoPlan(Random random, DateOnly today)
    {
        this.random = random;
        this.today = today;
    }

    public List<PlannedOrganization> Organizations { get; } = [];

    public List<PlannedMember> Members { get; } = [];

    public List<PlannedOffice> Offices { get; } = [];

    public List<PlannedTerm> Terms { get; } = [];

    public List<PlannedAccount> Accounts { get; } = [];

    public static DemoPlan Draw(Random random, DateOnly today)
    {
        var plan = new DemoPlan(random, today);
        plan.DrawTree();
        plan.DrawMembers();
        foreach (var organization in plan.Organizations) plan.DrawOffices(organization);
        plan.DrawAccounts();
        return plan;
    }

    private void DrawTree()
    {
        var central = Add(new PlannedOrganization("CC", "Central Committee", 0, null,
            new DateOnly(1985, 1, 1).AddDays(random.Next(0, 10 * 365)), ""));
        var regionNames = Shuffled(DemoPlaces.Regions);
        var cultures = Shuffled(NameCulture.All);
        var towns = Shuffled(DemoPlaces.Towns);
        for (var r = 0; r < DemoParty.RegionCount; r++)
        {
            var region = Add(new PlannedOrganization($"R{r + 1}", $"{regionNames[r]} Region", 1, central,
                central.FoundedOn.AddDays(random.Next(30, 3 * 365)), "") { Culture = cultures[r] });
            for (var d = 0; d < DemoParty.DistrictsPerRegion; d++)
            {
                var town = towns[(r * DemoParty.DistrictsPerRegion) + d];
                var district = Add(new PlannedOrganization($"{region.Code}-D{d + 1}", $"{town} District", 2, region,
                    region.FoundedOn.AddDays(random.Next(30, 5 * 365)), town));
                var names = new HashSet<string>();
                var primaries = random.Next(4, 7);
                for (var p = 0; p < primaries; p++)
                {
                    var name = PrimaryName(town, names);
                    Add(new PlannedOrganization($"{district.Code}-{p + 1:00}", name, 3, district,
                        district.FoundedOn.AddDays(random.Next(30, 20 * 365)), town));
                }
            }
        }
    }

    private string PrimaryName(string town, HashSet<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var templates = DemoComposition.Pick(random, DemoPlaces.PrimaryKinds);
            var name = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                templates[random.Next(templates.Length)], town, DemoPlaces.Streets[random.Next(DemoPlaces.Streets.Length)]);
            if (attempt > 5) name += $" No. {attempt - 4}";
            if (taken.Add(name)) return name;
        }
    }

    private void DrawMembers()
    {
        var primaries = Organizations.Where(o => o.Depth == 3).ToList();
        // Branches differ in size (half to one and a half times the average); the total is exactly MemberCount.
        var weights = primaries.Select(_ => 0.5 + random.NextDouble()).ToList();
        var sizes = weights.Select(w => (int)(DemoParty.MemberCount * w / weights.Sum())).ToList();
        for (var i = 0; sizes.Sum() < DemoParty.MemberCount; i++) sizes[i % sizes.Count]++;
        var founding = Organizations[0].FoundedOn;
        for (var i = 0; i < primaries.Count; i++)
            for (var k = 0; k < sizes[i]; k++)
                Members.Add(DrawMember(primaries[i], founding));
        foreach (var member in Members)
            for (var o = member.Organization; o is not null; o = o.Parent)
                o.Subtree.Add(member);
    }

    private PlannedMember DrawMember(PlannedOrganization organization, DateOnly partyFounded)
    {
        // Each region has a culture of its own for over half its members; the rest are of every culture.
        var (given, family, otherName, female, born, _, occupation, education) = DemoPerson.Draw(random, organization.Region.Culture!, today);

        var earliest = Max(born.AddYears(18), partyFounded);
        // A candidate member becomes a full member after a year; someone who could not have joined a year ago is a candidate.
        var lastFull = today.AddDays(-365);
        var candidate = random.NextDouble() < 0.03 || earliest > lastFull;
        DateOnly joined;
        if (candidate)
        {
            joined = Max(today.AddDays(-random.Next(0, 365)), earliest);
        }
        else
        {
            // People mostly join young: the draw leans towards the earliest possible date.
            var u = random.NextDouble();
            joined = earliest.AddDays((int)((lastFull.DayNumber - earliest.DayNumber) * u * u));
        }

        var hasPhone = random.NextDouble() < 0.85;
        var phone = $"07{random.Next(10, 100)} {random.Next(100, 1000)} {random.Next(100, 1000)}";
        var hasEmail = random.NextDouble() < 0.6;
        var suffix = random.Next(4) == 0 ? random.Next(1, 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var email = $"{Ascii(given.Latin)}.{Ascii(family.Latin)}{suffix}@example.org";
        var hasAddress = random.NextDouble() < 0.7;
        var address = $"{random.Next(1, 200)} {DemoPlaces.Streets[random.Next(DemoPlaces.Streets.Length)]}, {organization.Town}";

        var data = new PersonalData
        {
            GivenName = given.Latin,
            FamilyName = family.Latin,
            OtherName = otherName,
            DateOfBirth = born,
            Sex = female ? Sex.Female : Sex.Male,
            Phone = hasPhone ? phone : null,
            Email = hasEmail ? email : null,
            Address = hasAddress ? address : null,
        };
        return new PlannedMember(data, occupation, education, organization, joined, candidate ? MemberStatus.Candidate : MemberStatus.Member);
    }

    private void DrawOffices(PlannedOrganization organization)
    {
        var primary = organization.Depth == 3;
        // Branch committees sit for three years, higher committees for five.
        var years = primary ? 3 : 5;
        var start = Max(today.AddDays(-random.Next(30, years * 365)), organization.FoundedOn);

        var secretary = AddOffice(organization, "Secretary", OfficeKind.Secretary, 1);
        var deputy = primary ? null : AddOffice(organization, "Deputy secretary", OfficeKind.DeputySecretary, 1);
        var treasurer = AddOffice(organization, "Treasurer", OfficeKind.Treasurer, 1);
        var committee = AddOffice(organization, "Committee member", OfficeKind.Member, primary ? 3 : 5);

        foreach (var office in new[] { secretary, deputy, treasurer, committee })
        {
            if (office is null) continue;
            for (var seat = 0; seat < office.Seats; seat++)
            {
                var holder = Choose(organization, m => !holders.Contains(m) && m.CanHoldOfficeFrom(start))
                    ?? Choose(organization, m => m.CanHoldOfficeFrom(start) && !Terms.Any(t => t.Office == office && t.Holder == m));
                if (holder is null) continue;
                holders.Add(holder);
                Terms.Add(new PlannedTerm(office, holder, start, null));
            }
        }

        // The succession: one or two earlier secretaries and treasurers, back to back, never before the founding.
        foreach (var office in new[] { secretary, treasurer })
        {
            var next = Terms.First(t => t.Office == office);
            var earlier = random.Next(1, 3);
            for (var i = 0; i < earlier; i++)
            {
                var ends = next.StartsOn.AddDays(-1);
                var starts = Max(next.StartsOn.AddYears(-years), organization.FoundedOn);
                if (ends < starts) break;
                var previous = next;
                var holder = Choose(organization, m => m != previous.Holder && m.CanHoldOfficeFrom(starts));
                if (holder is null) break;
                next = new PlannedTerm(office, holder, starts, ends);
                Terms.Add(next);
                if (starts == organization.FoundedOn) break;
            }
        }
    }

    private void DrawAccounts()
    {
        var region = Organizations.First(o => o.Depth == 1);
        var branch = Organizations.First(o => o.Depth == 3 && o.Region == region);
        var member = branch.Subtree.FirstOrDefault(m => m.Status == MemberStatus.Member && Terms.All(t => t.Holder != m))
            ?? branch.Subtree[0];
        Accounts.Add(new PlannedAccount("Administrator", DemoParty.AdministratorEmail, "cadre-demo-admin", Role.Administrator, null, null));
        Accounts.Add(new PlannedAccount("Regional secretary", DemoParty.RegionalSecretaryEmail, "cadre-demo-region", Role.Secretary, region, SecretaryOf(region)));
        Accounts.Add(new PlannedAccount("Primary-organization secretary", DemoParty.PrimarySecretaryEmail, "cadre-demo-branch", Role.Secretary, branch, SecretaryOf(branch)));
        Accounts.Add(new PlannedAccount("Member", DemoParty.MemberEmail, "cadre-demo-member", Role.Member, branch, member));
    }

    private PlannedMember? SecretaryOf(PlannedOrganization organization) =>
        Terms.FirstOrDefault(t => t.Office.Organization == organization && t.Office.Kind == OfficeKind.Secretary && t.EndsOn is null)?.Holder;

    private PlannedOffice AddOffice(PlannedOrganization organization, string title, OfficeKind kind, int seats)
    {
        var office = new PlannedOffice(organization, title, kind, seats);
        Offices.Add(office);
        return office;
    }

    /// A random member of the organization's subtree who fits; a few random tries, then the first who fits.
    private PlannedMember? Choose(PlannedOrganization organization, Func<PlannedMember, bool> fits)
    {
        var pool = organization.Subtree;
        for (var i = 0; i < 20; i++)
        {
            var candidate = pool[random.Next(pool.Count)];
            if (fits(candidate)) return candidate;
        }
        return pool.FirstOrDefault(fits);
    }

    private PlannedOrganization Add(PlannedOrganization organization)
    {
        Organizations.Add(organization);
        return organization;
    }

    private List<T> Shuffled<T>(IReadOnlyList<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Ascii(string name) => new(Text.SearchKey(name).Where(char.IsAsciiLetterLower).ToArray());
}
