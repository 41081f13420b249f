using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.International;
using Cadre.International.Seminars;
using Cadre.Tests.Education;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.International;

public sealed class SeminarTests
{
    private static Task<Result<int>> HoldAsync(TestDatabase database, Actor actor, int organization, int? host, string title = "International seminar on party building",
        DateOnly? ends = null) =>
        database.RunAsync((db, a) => HoldSeminar.HandleAsync(db, a, new HoldSeminar.Request
        {
            OrganizationId = organization, Kind = SeminarKind.Seminar, Title = title, StartsOn = new DateOnly(2024, 10, 8), EndsOn = ends ?? new DateOnly(2024, 10, 10),
            Place = "Hanoi", HostPartyId = host,
        }, TestDatabase.Ct), actor);

    private static Task<Result<int>> AdmitAsync(TestDatabase database, Actor actor, int seminar, int party, params DelegateEntry[] delegates) =>
        database.RunAsync((db, a) => AdmitSeminarParticipant.HandleAsync(db, a, seminar, new AdmitSeminarParticipant.Request { PartyId = party, Delegates = delegates },
            TestDatabase.Ct), actor);

    private static Task<Result<int>> PresentAsync(TestDatabase database, Actor actor, int seminar, string title, int? party, int? document = null) =>
        database.RunAsync((db, a) => PresentSeminarPaper.HandleAsync(db, a, seminar, new PresentSeminarPaper.Request
        {
            Title = title, Author = "A. Author", PartyId = party, DocumentId = document,
        }, TestDatabase.Ct), actor);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_seminar_lists_its_parties_with_their_delegates_and_the_papers_linked_to_the_library(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var officer = Arrange.Holding(Role.InternationalOfficer, tree.Centre);
        var cpv = await database.RegisterPartyAsync("VNM", "Dang Cong san Viet Nam", "Communist Party of Vietnam");
        var lprp = await database.RegisterPartyAsync("LAO", "Phak Paxaxon Pativat Lao", "Lao People's Revolutionary Party");
        var pcc = await database.RegisterPartyAsync("CUB", "Partido Comunista de Cuba");
        var document = await database.PublishAsync(tree.Centre, EducationArrange.Draft("seminar-paper", "On the mass line", "The party and the masses."));

        var seminar = (await HoldAsync(database, officer, tree.Centre, cpv)).Ok();
        (await AdmitAsync(database, officer, seminar, lprp, new DelegateEntry("Somsavat Lengsavad", "Head of delegation"), new DelegateEntry("Bounthong Chitmany", null))).Ok();
        (await AdmitAsync(database, officer, seminar, pcc, new DelegateEntry("José Ramón Balaguer", null))).Ok();
        Assert.IsType<PartyAlreadyParticipates>((await AdmitAsync(database, officer, seminar, pcc)).Error);
        Assert.IsType<PartyFieldNotFound>((await AdmitAsync(database, officer, seminar, pcc + 100)).Error);
        (await PresentAsync(database, officer, seminar, "On the mass line", null, document)).Ok();
        (await PresentAsync(database, officer, seminar, "Renovation and the party", cpv)).Ok();
        (await PresentAsync(database, officer, seminar, "Cooperatives in the countryside", lprp)).Ok();
        Assert.IsType<PaperDocumentNotFound>((await PresentAsync(database, officer, seminar, "Lost", null, document + 50)).Error);
        var outsider = await database.RegisterPartyAsync("CHN", "Zhongguo Gongchandang");
        Assert.IsType<PaperPartyNotParticipating>((await PresentAsync(database, officer, seminar, "Uninvited", outsider)).Error);

        var view = (await SeminarQueries.GetAsync(database.Context(), officer, seminar, TestDatabase.Ct)).Ok();
        Assert.Equal("Communist Party of Vietnam", view.HostParty);
        Assert.Equal(["Lao People's Revolutionary Party", "Partido Comunista de Cuba"], view.Participants.Select(p => p.Party));
        Assert.Equal(["Somsavat Lengsavad", "Bounthong Chitmany"], view.Participants[0].Delegates.Select(d => d.Name));
        Assert.Equal([(1, null, "On the mass line"), (2, "Communist Party of Vietnam", null), (3, "Lao People's Revolutionary Party", null)],
            view.Papers.Select(p => (p.Number, p.Party, p.DocumentTitle)));
        var list = await SeminarQueries.ListAsync(database.Context(), officer, pcc, TestDatabase.Ct);
        Assert.Equal((2, 3), (Assert.Single(list).Participants, list[0].Papers));
        Assert.Empty(await SeminarQueries.ListAsync(database.Context(), officer, outsider, TestDatabase.Ct));
        await using var db = database.Context();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(SeminarParticipant) && e.OrganizationId == tree.Centre, TestDatabase.Ct));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(SeminarPaper) && e.Action == AuditAction.Created, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Seminars_are_kept_and_read_within_a_subtree_and_bad_input_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var north = Arrange.Holding(Role.InternationalOfficer, tree.North);
        var south = Arrange.Holding(Role.InternationalOfficer, tree.South);
        var northSecretary = Arrange.Holding(Role.Secretary, tree.North);
        var party = await database.RegisterPartyAsync("NPL", "Nepal Communist Party");
        var seminar = (await HoldAsync(database, north, tree.NorthDistrict, null, "Border committees meet")).Ok();

        Assert.IsType<SeminarEndsBeforeStart>((await HoldAsync(database, north, tree.North, null, ends: new DateOnly(2024, 10, 1))).Error);
        Assert.IsType<ValidationFailed>((await HoldAsync(database, north, tree.North, null, title: " ")).Error);
        Assert.IsType<InternationalOrganizationNotFound>((await HoldAsync(database, south, tree.North, null)).Error);
        Assert.IsType<InternationalNotPermitted>((await HoldAsync(database, northSecretary, tree.North, null)).Error);
        Assert.IsType<PartyFieldNotFound>((await HoldAsync(database, north, tree.North, party + 9)).Error);
        Assert.IsType<SeminarNotFound>((await AdmitAsync(database, south, seminar, party)).Error);
        Assert.IsType<InternationalNotPermitted>((await AdmitAsync(database, northSecretary, seminar, party)).Error);
        Assert.IsType<SeminarNotFound>((await PresentAsync(database, south, seminar, "Paper", null)).Error);
        Assert.Equal(1, await database.CountAsync<Seminar>());
        Assert.Equal(0, await database.CountAsync<SeminarParticipant>() + await database.CountAsync<SeminarPaper>());

        Assert.IsType<SeminarNotFound>((await SeminarQueries.GetAsync(database.Context(), south, seminar, TestDatabase.Ct)).Error);
        Assert.Empty(await SeminarQueries.ListAsync(database.Context(), south, null, TestDatabase.Ct));
        Assert.Equal("Border committees meet", Assert.Single(await SeminarQueries.ListAsync(database.Context(), northSecretary, null, TestDatabase.Ct)).Title);
        Assert.Null((await SeminarQueries.GetAsync(database.Context(), northSecretary, seminar, TestDatabase.Ct)).Ok().HostParty);
    }
}
