using Cadre.Accounts;
using Cadre.Data;
using Cadre.International;
using Cadre.International.Seminars;
using Cadre.MassOrganizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Demo;

/// The demo party's mass foundation and one international seminar, through the use cases: a trade union with a national
/// council, two regional councils and two local branches under each, linked with the party's organizations at the same
/// levels; party members in its offices; 24 months of membership reports from every local branch; and a seminar the
/// centre hosted with two fraternal parties, their delegates and three papers, one of them the party's programme.
/// No random draw: the same party always gets the same union.
internal static class DemoMassOrganizations
{
    public static async Task SeedAsync(CadreDbContext db, CancellationToken ct)
    {
        var actor = Actor.System("demo");
        var centre = await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var regions = await db.Organizations.Where(o => o.ParentId == centre).OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).Take(2).ToListAsync(ct);
        var union = Must(await FoundMassOrganization.HandleAsync(db, actor, new FoundMassOrganization.Request
        {
            OrganizationId = centre, Kind = MassOrganizationKind.TradeUnion, Name = "General Federation of Trade Unions", ShortName = "GFTU",
            FoundedOn = new DateOnly(1946, 5, 1), TopBodyName = "Central Council",
        }, ct));
        var national = union.TopBodyId!.Value;
        Must(await LinkMassBody.LinkAsync(db, actor, national, new LinkMassBody.Request(centre), ct));
        await HoldOfficeAsync(db, actor, national, centre, "Chair", ct);

        var thisMonth = new DateOnly(db.Today.Year, db.Today.Month, 1);
        var local = 0;
        foreach (var region in regions)
        {
            var council = Must(await FormMassBody.HandleAsync(db, actor, union.Id, new FormMassBody.Request
            {
                ParentId = national, Name = $"{region.Name} Council", Level = "Regional",
            }, ct));
            Must(await LinkMassBody.LinkAsync(db, actor, council, new LinkMassBody.Request(region.Id), ct));
            await HoldOfficeAsync(db, actor, council, region.Id, "Secretary", ct);
            var districts = await db.Organizations.Where(o => o.ParentId == region.Id).OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).Take(2).ToListAsync(ct);
            foreach (var district in districts)
            {
                local++;
                var branch = Must(await FormMassBody.HandleAsync(db, actor, union.Id, new FormMassBody.Request
                {
                    ParentId = council, Name = $"{district.Name} Local", Level = "Local",
                }, ct));
                Must(await LinkMassBody.LinkAsync(db, actor, branch, new LinkMassBody.Request(district.Id), ct));
                await HoldOfficeAsync(db, actor, branch, district.Id, "Chair", ct);
                // A steady rise with a dip in the ninth month before last, different for each branch.
                for (var m = 23; m >= 0; m--)
                {
                    var month = thisMonth.AddMonths(-m);
                    var on = m == 0 ? db.Today : month.AddMonths(1).AddDays(-1);
                    var members = (300 * local) + ((23 - m) * (4 + local)) - (m == 9 ? 25 : 0);
                    Must(await FileMassReport.HandleAsync(db, actor, branch, new FileMassReport.Request
                    {
                        On = on, Members = members, Women = members * (30 + (5 * local)) / 100, Youth = members / 5,
                    }, ct));
                }
            }
        }

        await SeminarAsync(db, actor, centre, ct);
    }

    private static async Task SeminarAsync(CadreDbContext db, Actor actor, int centre, CancellationToken ct)
    {
        async Task<int> PartyAsync(string country, string name, string english) =>
            await db.Parties.Where(p => p.NameEnglish == english).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
            ?? Must(await RegisterParty.HandleAsync(db, actor, new RegisterParty.Request
            {
                Details = new PartyDetails { CountryCode = country, Name = name, NameEnglish = english },
            }, ct));
        var vietnam = await PartyAsync("VNM", "Đảng Cộng sản Việt Nam", "Communist Party of Vietnam");
        var laos = await PartyAsync("LAO", "ພັກປະຊາຊົນປະຕິວັດລາວ", "Lao People's Revolutionary Party");
        var seminar = Must(await HoldSeminar.HandleAsync(db, actor, new HoldSeminar.Request
        {
            OrganizationId = centre, Kind = SeminarKind.Seminar, Title = "International seminar on party building and the mass line",
            StartsOn = db.Today.AddMonths(-4), EndsOn = db.Today.AddMonths(-4).AddDays(2), Place = "Party school",
            Summary = "Three days of papers and discussion on how parties keep their ties with the working people.",
        }, ct));
        Must(await AdmitSeminarParticipant.HandleAsync(db, actor, seminar, new AdmitSeminarParticipant.Request
        {
            PartyId = vietnam, Delegates = [new DelegateEntry("Nguyễn Văn An", "Head of delegation"), new DelegateEntry("Trần Thị Bình", "Commission for mass mobilization")],
        }, ct));
        Must(await AdmitSeminarParticipant.HandleAsync(db, actor, seminar, new AdmitSeminarParticipant.Request
        {
            PartyId = laos, Delegates = [new DelegateEntry("Khamphanh Sivongsa", "Head of delegation")],
        }, ct));
        var programme = await db.Documents.Where(d => d.Key == "programme").Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        Must(await PresentSeminarPaper.HandleAsync(db, actor, seminar, new PresentSeminarPaper.Request
        {
            Title = "Our programme and the organized workers", Author = "International department", DocumentId = programme,
        }, ct));
        Must(await PresentSeminarPaper.HandleAsync(db, actor, seminar, new PresentSeminarPaper.Request
        {
            Title = "Mass mobilization in the renovation period", Author = "Trần Thị Bình", PartyId = vietnam,
        }, ct));
        Must(await PresentSeminarPaper.HandleAsync(db, actor, seminar, new PresentSeminarPaper.Request
        {
            Title = "Building the party in the countryside", Author = "Khamphanh Sivongsa", PartyId = laos,
        }, ct));
    }

    /// The first full member of the organization's subtree holds the office from two years back.
    private static async Task HoldOfficeAsync(CadreDbContext db, Actor actor, int body, int organizationId, string office, CancellationToken ct)
    {
        var member = await db.Members.Where(m => m.Status == Members.MemberStatus.Member
                && db.OrganizationPaths.Any(p => p.AncestorId == organizationId && p.DescendantId == m.OrganizationId))
            .OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        if (member is null) return;
        Must(await RecordMassPosition.HandleAsync(db, actor, body, new RecordMassPosition.Request
        {
            MemberId = member.Value, Office = office, From = db.Today.AddYears(-2),
        }, ct));
    }

    private static T Must<T>(Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo mass organizations broke a rule: {result.Error.Message}");
}
