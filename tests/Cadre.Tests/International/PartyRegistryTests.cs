using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.International;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.International;

public sealed class PartyRegistryTests
{
    private const string Workers = "PRK,4712,,WPK,Joseon-Rodong-Dang,Workers' Party of Korea,Korean: 조선로동당,1949,,,,,https://en.wikipedia.org/wiki/Workers%27_Party_of_Korea,,,2019-01-01,2019-01-01";
    private const string Ataka = "BGR,4798,,,Атака,Attack,,2005,,,,,,\"Nationalist, \"\"populist\"\" party\",,2019-01-01,2019-01-01";
    private const string Vietnam = "VNM,4898,,CPV,Dang Cong san Viet Nam,Communist Party of Vietnam,Vietnamese: Đảng Cộng sản Việt Nam,1930,,,,,,,,2019-01-01,2019-01-01";
    private const string Cuba = "CUB,6823,,,ABC,ABC,,1931,1952,,,,,,,2019-01-01,2019-01-01";
    private const string Technical = "CUB,99001,12,,alliance,alliance,,,,,,,,,,2019-01-01,2019-01-01";

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_real_Party_Facts_table_imports_and_a_reimport_changes_nothing(DatabaseProvider provider)
    {
        var path = SharedData.File("parties/partyfacts-core-parties.csv");
        await using var database = await TestDatabase.CreateAsync(provider);
        var csv = await File.ReadAllTextAsync(path, TestDatabase.Ct);

        var first = (await database.ImportPartiesAsync(csv)).Ok();
        var again = (await database.ImportPartiesAsync(csv)).Ok();

        Assert.Equal((6854, 1296, 5558, 0, 0, 215), (first.Rows, first.Skipped, first.Created, first.Updated, first.Unchanged, first.Countries));
        Assert.Equal((0, 0, 5558), (again.Created, again.Updated, again.Unchanged));
        await using var db = database.Context();
        Assert.Equal(5558, await db.Parties.CountAsync(TestDatabase.Ct));
        Assert.Equal(215, await db.Parties.Select(p => p.CountryCode).Distinct().CountAsync(TestDatabase.Ct));
        Assert.Equal(5558, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Party), TestDatabase.Ct));
        // Found by their names in Korean script, in Cyrillic, in Vietnamese without its accents, in Chinese.
        Assert.Contains(await database.FindPartiesAsync(new PartyFilter { Query = "조선로동당" }), p => p.PartyFactsId == 4712);
        Assert.Contains(await database.FindPartiesAsync(new PartyFilter { Query = "атака", Country = "bgr" }), p => p.PartyFactsId == 4798);
        Assert.Contains(await database.FindPartiesAsync(new PartyFilter { Query = "dang cong san" }), p => p.PartyFactsId == 4898);
        Assert.Contains(await database.FindPartiesAsync(new PartyFilter { Query = "皖系军阀" }), p => p.PartyFactsId == 8371);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_newer_file_updates_changed_parties_adds_new_ones_and_keeps_the_departments_own_fields(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportPartiesAsync(InternationalArrange.PartyFile(Workers, Ataka, Technical))).Ok();
        await using (var db = database.Context())
        {
            var id = await db.Parties.Where(p => p.PartyFactsId == 4712).Select(p => p.Id).SingleAsync(TestDatabase.Ct);
            var view = (await PartyQueries.GetAsync(db, id, TestDatabase.Ct)).Ok();
            (await database.RunAsync((c, a) => ChangeParty.HandleAsync(c, a, id, new ChangeParty.Request
            {
                Details = new PartyDetails { CountryCode = view.CountryCode, Name = view.Name, NameEnglish = view.NameEnglish, NameShort = view.NameShort,
                    NameOther = view.NameOther, FoundedYear = view.FoundedYear, Wikipedia = view.Wikipedia },
                Family = "Communist", Website = "https://www.example.kp", Notes = "Fraternal since 1961.", ExpectedVersion = view.Version,
            }, TestDatabase.Ct))).Ok();
        }

        var renamed = Workers.Replace("Workers' Party of Korea", "Workers’ Party of Korea", StringComparison.Ordinal);
        var report = (await database.ImportPartiesAsync(InternationalArrange.PartyFile(Vietnam, Ataka, renamed))).Ok();

        Assert.Equal((1, 1, 1), (report.Created, report.Updated, report.Unchanged));
        await using var check = database.Context();
        var workers = await check.Parties.SingleAsync(p => p.PartyFactsId == 4712, TestDatabase.Ct);
        Assert.Equal(("Workers’ Party of Korea", "Communist", "https://www.example.kp", "Fraternal since 1961."),
            (workers.NameEnglish, workers.Family, workers.Website, workers.Notes));
        Assert.Equal("Nationalist, \"populist\" party", (await check.Parties.SingleAsync(p => p.PartyFactsId == 4798, TestDatabase.Ct)).Description);
        Assert.Equal(3, await check.Parties.CountAsync(TestDatabase.Ct));
        var update = await check.AuditEntries.Where(e => e.EntityType == nameof(Party) && e.Action == AuditAction.Updated && e.UserName == "test")
            .OrderBy(e => e.Id).LastAsync(TestDatabase.Ct);
        Assert.Contains("NameEnglish", update.After, StringComparison.Ordinal);
        Assert.DoesNotContain("Family", update.After, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Columns_in_another_order_are_read_by_their_names(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var csv = "name,partyfacts_id,technical,country,year_first\n\"Partido Comunista de Cuba\",4892,,CUB,1965\nalliance,99001,7,CUB,\n";

        var report = (await database.ImportPartiesAsync(csv)).Ok();

        Assert.Equal((1, 1), (report.Created, report.Skipped));
        var party = Assert.Single(await database.FindPartiesAsync(new PartyFilter { Query = "comunista", Country = "CUB", Status = PartyStatus.Active }));
        Assert.Equal(("Partido Comunista de Cuba", 1965, "Cuba"), (party.Name, party.FoundedYear, party.Country));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { InternationalArrange.PartyFile(Workers, "ZZZ,5000,,,Imaginary Party,,,1990,,,,,,,,x,y"), "3:country", "is not a country code" },
        { InternationalArrange.PartyFile(Workers, "CUB,5001,,,\"Broken \"quote\" party,,,1990,,,,,,,,x,y"), "3", "quote" },
        { InternationalArrange.PartyFile(Workers, Workers), "3:partyfacts_id", "also on line 2" },
        { InternationalArrange.PartyFile("CUB,abc,,,Party,,,1990,,,,,,,,x,y"), "2:partyfacts_id", "is not a Party Facts id" },
        { InternationalArrange.PartyFile("CUB,5002,,,Party,,,19x0,,,,,,,,x,y"), "2:year_first", "is not a year" },
        { InternationalArrange.PartyFile("CUB,5003,,,Party,,,1990,1980,,,,,,,x,y"), "2:year_last", "dissolved after it was founded" },
        { InternationalArrange.PartyFile("CUB,5004,,,,,,1990,,,,,,,,x,y"), "2:name", "Give the party's name" },
        { InternationalArrange.PartyFile("CUB,5005,,,Party,,,1990"), "2", "field(s); the header has" },
        { "country,partyfacts_id,name\nCUB,1,Party\n", "1:technical", "no column \"technical\"" },
        { "", "1", "empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_naming_line_and_column_and_nothing_changes(string csv, string where, string reason)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (await database.ImportPartiesAsync(InternationalArrange.PartyFile(Cuba))).Ok();

        var refused = (await database.ImportPartiesAsync(csv)).Fails<PartyFileRefused, ImportParties.Report>();

        Assert.Contains(refused.Problems, p => p.ToString().StartsWith(where, StringComparison.Ordinal) && p.Reason.Contains(reason, StringComparison.Ordinal));
        await using var db = database.Context();
        Assert.Equal(["ABC"], await db.Parties.Select(p => p.Name).ToListAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Parties_are_filtered_by_country_region_status_and_family_and_paged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportPartiesAsync(InternationalArrange.PartyFile(Workers, Ataka, Vietnam, Cuba))).Ok();
        await database.RegisterPartyAsync("vnm", "Mặt Trận Tổ Quốc Việt Nam", "Vietnamese Fatherland Front", 1930, family: "Front");
        await database.RegisterPartyAsync("FRA", "Parti communiste français", "French Communist Party", 1920, family: "communist");

        Assert.Equal(["Communist Party of Vietnam", "Vietnamese Fatherland Front"],
            (await database.FindPartiesAsync(new PartyFilter { Country = "VNM" })).Select(p => p.NameEnglish));
        Assert.Equal(["ABC"], (await database.FindPartiesAsync(new PartyFilter { Status = PartyStatus.Dissolved })).Select(p => p.Name));
        Assert.Equal(["Parti communiste français"], (await database.FindPartiesAsync(new PartyFilter { Family = "Communist" })).Select(p => p.Name));
        Assert.Equal(3, (await database.FindPartiesAsync(new PartyFilter { Region = Region.Asia })).Count);
        Assert.Single(await database.FindPartiesAsync(new PartyFilter { Query = "mat tran" })); // accents do not matter

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = (await PartyQueries.ListAsync(database.Context(), new PartyFilter { Take = 2, Cursor = cursor }, TestDatabase.Ct)).Ok();
            names.AddRange(page.Items.Select(p => p.Name));
            cursor = page.Next;
        }
        while (cursor is not null);
        Assert.Equal(6, names.Distinct().Count());

        Assert.IsType<UnknownCountry>((await PartyQueries.ListAsync(database.Context(), new PartyFilter { Country = "XX" }, TestDatabase.Ct)).Error);
        Assert.IsType<InvalidCursor>((await PartyQueries.ListAsync(database.Context(), new PartyFilter { Cursor = "nonsense" }, TestDatabase.Ct)).Error);
        Assert.IsType<UnknownPartyStatus>((await PartyQueries.ListAsync(database.Context(), new PartyFilter { Status = (PartyStatus)9 }, TestDatabase.Ct)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Only_the_top_organizations_international_department_keeps_the_registry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var central = Arrange.Holding(Role.InternationalOfficer, tree.Centre);
        var regional = Arrange.Holding(Role.InternationalOfficer, tree.North);
        var request = new RegisterParty.Request { Details = new PartyDetails { CountryCode = "LAO", Name = "Lao People's Revolutionary Party" } };

        Assert.IsType<RegistryNotPermitted>((await database.RunAsync((db, a) => RegisterParty.HandleAsync(db, a, request, TestDatabase.Ct), regional)).Error);
        Assert.IsType<RegistryNotPermitted>((await database.ImportPartiesAsync(InternationalArrange.PartyFile(Cuba), regional)).Error);
        var id = (await database.RunAsync((db, a) => RegisterParty.HandleAsync(db, a, request, TestDatabase.Ct), central)).Ok();

        var bad = await database.RunAsync((db, a) => ChangeParty.HandleAsync(db, a, id, new ChangeParty.Request
        {
            Details = new PartyDetails { CountryCode = "QQQ", Name = " ", FoundedYear = 1955, DissolvedYear = 1950 }, Website = "javascript:alert(1)",
        }, TestDatabase.Ct), central);
        var fields = Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.FieldName).ToList();
        Assert.Equal(["CountryCode", "Name", "DissolvedYear"], fields);
        Assert.IsType<Cadre.Members.ConcurrentChange>((await database.RunAsync((db, a) => ChangeParty.HandleAsync(db, a, id, new ChangeParty.Request
        {
            Details = new PartyDetails { CountryCode = "LAO", Name = "LPRP" }, ExpectedVersion = 99,
        }, TestDatabase.Ct), central)).Error);
        Assert.IsType<PartyNotFound>((await database.RunAsync((db, a) => ChangeParty.HandleAsync(db, a, id + 100, new ChangeParty.Request(), TestDatabase.Ct), central)).Error);
        await using var check = database.Context();
        var party = await check.Parties.SingleAsync(TestDatabase.Ct);
        Assert.Equal(("Lao People's Revolutionary Party", "LAO"), (party.Name, party.CountryCode));
        Assert.Equal(central.Name, (await check.AuditEntries.SingleAsync(e => e.EntityType == nameof(Party), TestDatabase.Ct)).UserName);
    }
}
