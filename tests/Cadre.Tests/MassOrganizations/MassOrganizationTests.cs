using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.MassOrganizations;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.MassOrganizations;

public sealed class MassOrganizationTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    private sealed record Union(int Id, int National, int NorthCouncil, int SouthCouncil, int Docks, int Railway, int Farms);

    /// A trade union kept by the centre: a national committee, two regional councils, three local branches, each local
    /// branch linked with the party's primary organization where it works.
    private static async Task<Union> UnionAsync(TestDatabase database, Tree tree, Actor keeper)
    {
        var founded = (await database.RunAsync((db, a) => FoundMassOrganization.HandleAsync(db, a, new FoundMassOrganization.Request
        {
            OrganizationId = tree.Centre, Kind = MassOrganizationKind.TradeUnion, Name = "General Federation of Trade Unions", ShortName = "GFTU",
            FoundedOn = new DateOnly(1946, 5, 1), TopBodyName = "Central Council",
        }, TestDatabase.Ct), keeper)).Ok();
        async Task<int> BodyAsync(int? parent, string name, string level) =>
            (await database.RunAsync((db, a) => FormMassBody.HandleAsync(db, a, founded.Id, new FormMassBody.Request { ParentId = parent, Name = name, Level = level },
                TestDatabase.Ct), keeper)).Ok();
        var north = await BodyAsync(founded.TopBodyId, "Northern Council", "Regional");
        var south = await BodyAsync(founded.TopBodyId, "Southern Council", "Regional");
        var docks = await BodyAsync(north, "Dockers' Local", "Local");
        var railway = await BodyAsync(north, "Railwaymen's Local", "Local");
        var farms = await BodyAsync(south, "Farmhands' Local", "Local");
        foreach (var (body, org) in new[] { (docks, tree.NorthBranch), (railway, tree.NorthBranch2), (farms, tree.SouthBranch), (north, tree.North) })
            (await database.RunAsync((db, a) => LinkMassBody.LinkAsync(db, a, body, new LinkMassBody.Request(org), TestDatabase.Ct), keeper)).Ok();
        return new Union(founded.Id, founded.TopBodyId!.Value, north, south, docks, railway, farms);
    }

    private static Task<Result<int>> ReportAsync(TestDatabase database, Actor actor, int body, DateOnly on, int members, int? women = null, int? youth = null) =>
        database.RunAsync((db, a) => FileMassReport.HandleAsync(db, a, body, new FileMassReport.Request { On = on, Members = members, Women = women, Youth = youth },
            TestDatabase.Ct), actor);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Reports_roll_up_month_by_month_over_the_tree_each_body_counting_with_its_latest_report(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var keeper = Arrange.Holding(Role.Secretary, tree.Centre);
        var union = await UnionAsync(database, tree, keeper);

        (await ReportAsync(database, keeper, union.Docks, new DateOnly(2024, 12, 31), 400, women: 60, youth: 100)).Ok();
        (await ReportAsync(database, keeper, union.Railway, new DateOnly(2024, 12, 20), 250)).Ok();
        (await ReportAsync(database, keeper, union.Farms, new DateOnly(2025, 1, 15), 900, women: 450)).Ok();
        (await ReportAsync(database, keeper, union.Docks, new DateOnly(2025, 2, 28), 420, women: 70, youth: 110)).Ok();
        (await ReportAsync(database, keeper, union.Railway, new DateOnly(2025, 3, 1), 240)).Ok();

        var trend = (await MassTrend.RunAsync(database.Context(), keeper, union.Id, null, new DateOnly(2024, 11, 1), new DateOnly(2025, 3, 1), TestDatabase.Ct)).Ok();
        Assert.Equal(
            [("2024-11", 0, null, null, 0, 0), ("2024-12", 650, 60, 100, 2, 0), ("2025-01", 1550, 510, 100, 1, 2), ("2025-02", 1570, 520, 110, 1, 2), ("2025-03", 1560, 520, 110, 1, 2)],
            trend.Months.Select(m => (m.Month, m.Members, m.Women, m.Youth, m.Reported, m.Carried)));
        Assert.Equal((6, "General Federation of Trade Unions"), (trend.Bodies, trend.Scope));

        var north = (await MassTrend.RunAsync(database.Context(), keeper, union.Id, union.NorthCouncil, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1), TestDatabase.Ct)).Ok();
        Assert.Equal([650, 670, 660], north.Months.Select(m => m.Members));
        Assert.Equal((3, "Northern Council"), (north.Bodies, north.Scope));

        var byDefault = (await MassTrend.RunAsync(database.Context(), keeper, union.Id, null, null, null, TestDatabase.Ct)).Ok();
        Assert.Equal((24, "2023-04", "2025-03", 1560), (byDefault.Months.Count, byDefault.Months[0].Month, byDefault.Months[^1].Month, byDefault.Months[^1].Members));
        Assert.IsType<InvalidTrendRange>((await MassTrend.RunAsync(database.Context(), keeper, union.Id, null, new DateOnly(2025, 3, 1), new DateOnly(2024, 3, 1), TestDatabase.Ct)).Error);

        var view = (await MassOrganizationQueries.GetAsync(database.Context(), keeper, union.Id, TestDatabase.Ct)).Ok();
        Assert.Equal([("Central Council", 0), ("Northern Council", 1), ("Dockers' Local", 2), ("Railwaymen's Local", 2), ("Southern Council", 1), ("Farmhands' Local", 2)],
            view.Bodies.Select(b => (b.Name, b.Depth)));
        Assert.Equal(420, view.Bodies.Single(b => b.Id == union.Docks).Latest!.Members);
        Assert.True(view.CanKeep);
        await using var db = database.Context();
        Assert.Equal(5, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(MassReport) && e.OrganizationId == tree.Centre, TestDatabase.Ct));
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(MassBodyLink) && e.Action == AuditAction.Created, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Bad_input_is_a_named_error_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var keeper = Arrange.Holding(Role.Secretary, tree.Centre);
        var north = Arrange.Holding(Role.Secretary, tree.North);
        var union = await UnionAsync(database, tree, keeper);
        var youth = (await database.RunAsync((db, a) => FoundMassOrganization.HandleAsync(db, a, new FoundMassOrganization.Request
        {
            OrganizationId = tree.North, Kind = MassOrganizationKind.YouthLeague, Name = "Northern Youth League", TopBodyName = "Regional Committee", TopBodyLevel = "Regional",
        }, TestDatabase.Ct), north)).Ok();
        var dock = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Dockside");
        var farmer = await database.RegisterMemberAsync(tree.SouthBranch, "Boris", "Fields");
        (await ReportAsync(database, keeper, union.Docks, new DateOnly(2025, 1, 31), 400)).Ok();
        var counts = await CountAllAsync(database);

        Assert.IsType<ReportDatedInFuture>((await ReportAsync(database, keeper, union.Docks, Today.AddDays(1), 10)).Error);
        Assert.IsType<ReportAlreadyFiled>((await ReportAsync(database, keeper, union.Docks, new DateOnly(2025, 1, 31), 410)).Error);
        var figures = (await ReportAsync(database, keeper, union.Docks, new DateOnly(2025, 2, 1), 10, women: 11, youth: -1)).Fails<ValidationFailed, int>();
        Assert.Equal(["Women", "Youth"], figures.Errors.Select(e => e.FieldName));
        Assert.IsType<PositionEndsBeforeStart>((await database.RunAsync((db, a) => RecordMassPosition.HandleAsync(db, a, union.Docks, new RecordMassPosition.Request
        {
            MemberId = dock.MemberId, Office = "Chair", From = new DateOnly(2024, 5, 1), To = new DateOnly(2024, 4, 30),
        }, TestDatabase.Ct), keeper)).Error);
        Assert.IsType<MassBodyCycle>((await database.RunAsync((db, a) => MoveMassBody.HandleAsync(db, a, union.NorthCouncil, new MoveMassBody.Request(union.Docks), TestDatabase.Ct), keeper)).Error);
        Assert.IsType<MassBodyCycle>((await database.RunAsync((db, a) => MoveMassBody.HandleAsync(db, a, union.National, new MoveMassBody.Request(union.National), TestDatabase.Ct), keeper)).Error);
        Assert.IsType<MassParentNotFound>((await database.RunAsync((db, a) => MoveMassBody.HandleAsync(db, a, union.Docks, new MoveMassBody.Request(youth.TopBodyId), TestDatabase.Ct), keeper)).Error);
        // The north's secretary keeps the youth league but may not link it with the south, nor record a southern member in it.
        Assert.IsType<LinkOutsideSubtree>((await database.RunAsync((db, a) => LinkMassBody.LinkAsync(db, a, youth.TopBodyId!.Value, new LinkMassBody.Request(tree.SouthBranch), TestDatabase.Ct), north)).Error);
        Assert.IsType<MassMemberNotFound>((await database.RunAsync((db, a) => RecordMassPosition.HandleAsync(db, a, youth.TopBodyId!.Value, new RecordMassPosition.Request
        {
            MemberId = farmer.MemberId, From = new DateOnly(2024, 1, 1),
        }, TestDatabase.Ct), north)).Error);
        Assert.IsType<AlreadyLinked>((await database.RunAsync((db, a) => LinkMassBody.LinkAsync(db, a, union.Docks, new LinkMassBody.Request(tree.NorthBranch), TestDatabase.Ct), keeper)).Error);
        Assert.IsType<MassKeeperNotFound>((await database.RunAsync((db, a) => FoundMassOrganization.HandleAsync(db, a, new FoundMassOrganization.Request
        {
            OrganizationId = tree.South, Kind = MassOrganizationKind.WomensUnion, Name = "Women's Union",
        }, TestDatabase.Ct), north)).Error);
        var founding = (await database.RunAsync((db, a) => FoundMassOrganization.HandleAsync(db, a, new FoundMassOrganization.Request
        {
            OrganizationId = tree.North, Kind = (MassOrganizationKind)9, Name = "", FoundedOn = Today.AddDays(3),
        }, TestDatabase.Ct), north)).Fails<ValidationFailed, FoundMassOrganization.Founded>();
        Assert.Equal(["Kind", "Name", "FoundedOn"], founding.Errors.Select(e => e.FieldName));
        // The north's secretary reads the union (its council works with the north) but does not keep it.
        Assert.IsType<MassOrganizationsNotPermitted>((await ReportAsync(database, north, union.Docks, new DateOnly(2025, 2, 1), 405)).Error);
        Assert.Equal(counts, await CountAllAsync(database));

        var position = (await database.RunAsync((db, a) => RecordMassPosition.HandleAsync(db, a, union.Docks, new RecordMassPosition.Request
        {
            MemberId = dock.MemberId, Office = "Chair", From = new DateOnly(2024, 5, 1),
        }, TestDatabase.Ct), keeper)).Ok();
        Assert.IsType<PositionEndsBeforeStart>((await database.RunAsync((db, a) => RecordMassPosition.EndAsync(db, a, position, new(new DateOnly(2024, 4, 1)), TestDatabase.Ct), keeper)).Error);
        (await database.RunAsync((db, a) => RecordMassPosition.EndAsync(db, a, position, new(new DateOnly(2025, 1, 1)), TestDatabase.Ct), keeper)).Ok();
        Assert.IsType<PositionAlreadyEnded>((await database.RunAsync((db, a) => RecordMassPosition.EndAsync(db, a, position, new(null), TestDatabase.Ct), keeper)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_mass_organization_is_read_where_it_works_and_shows_only_the_readers_own_links_and_members(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var keeper = Arrange.Holding(Role.Secretary, tree.Centre);
        var union = await UnionAsync(database, tree, keeper);
        var north = Arrange.Holding(Role.Secretary, tree.North);
        var south = Arrange.Holding(Role.Secretary, tree.South);
        var control = Arrange.Holding(Role.ControlCommission, tree.Centre);
        var youth = (await database.RunAsync((db, a) => FoundMassOrganization.HandleAsync(db, a, new FoundMassOrganization.Request
        {
            OrganizationId = tree.North, Kind = MassOrganizationKind.YouthLeague, Name = "Northern Youth League", TopBodyName = "Regional Committee",
        }, TestDatabase.Ct), north)).Ok();
        var dock = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Dockside");
        var farmer = await database.RegisterMemberAsync(tree.SouthBranch, "Boris", "Fields");
        (await database.RunAsync((db, a) => RecordMassPosition.HandleAsync(db, a, union.National, new RecordMassPosition.Request
        {
            MemberId = dock.MemberId, Office = "Vice-chair", From = new DateOnly(2023, 1, 1),
        }, TestDatabase.Ct), keeper)).Ok();
        (await database.RunAsync((db, a) => RecordMassPosition.HandleAsync(db, a, union.National, new RecordMassPosition.Request
        {
            MemberId = farmer.MemberId, From = new DateOnly(2023, 1, 1),
        }, TestDatabase.Ct), keeper)).Ok();

        Assert.Equal(["General Federation of Trade Unions"], (await MassOrganizationQueries.ListAsync(database.Context(), south, TestDatabase.Ct)).Select(m => m.Name));
        Assert.Equal(["General Federation of Trade Unions", "Northern Youth League"], (await MassOrganizationQueries.ListAsync(database.Context(), north, TestDatabase.Ct)).Select(m => m.Name));
        Assert.Equal(2, (await MassOrganizationQueries.ListAsync(database.Context(), control, TestDatabase.Ct)).Count);
        Assert.IsType<MassOrganizationNotFound>((await MassOrganizationQueries.GetAsync(database.Context(), south, youth.Id, TestDatabase.Ct)).Error);
        Assert.IsType<MassBodyNotFound>((await MassOrganizationQueries.BodyAsync(database.Context(), south, youth.TopBodyId!.Value, TestDatabase.Ct)).Error);
        Assert.IsType<MassOrganizationNotFound>((await MassTrend.RunAsync(database.Context(), south, youth.Id, null, null, null, TestDatabase.Ct)).Error);
        Assert.IsType<MassBodyNotFound>((await ReportAsync(database, south, youth.TopBodyId!.Value, new DateOnly(2025, 1, 1), 5)).Error);

        var forSouth = (await MassOrganizationQueries.GetAsync(database.Context(), south, union.Id, TestDatabase.Ct)).Ok();
        Assert.False(forSouth.CanKeep);
        Assert.Equal(["S-1-1"], forSouth.Bodies.SelectMany(b => b.Links).Select(l => l.Code));
        var national = (await MassOrganizationQueries.BodyAsync(database.Context(), south, union.National, TestDatabase.Ct)).Ok();
        Assert.Equal(["Boris Fields"], national.Positions.Select(p => p.MemberName));
        var nationalForKeeper = (await MassOrganizationQueries.BodyAsync(database.Context(), keeper, union.National, TestDatabase.Ct)).Ok();
        Assert.Equal([("Ana Dockside", "Vice-chair"), ("Boris Fields", null)], nationalForKeeper.Positions.Select(p => (p.MemberName, p.Office)));
        Assert.Equal(["Northern Council", "Southern Council"], nationalForKeeper.Children.Select(c => c.Name));
        var docks = (await MassOrganizationQueries.BodyAsync(database.Context(), keeper, union.Docks, TestDatabase.Ct)).Ok();
        Assert.Equal(["Central Council", "Northern Council"], docks.Path.Select(p => p.Name));

        (await database.RunAsync((db, a) => LinkMassBody.UnlinkAsync(db, a, union.Farms, tree.SouthBranch, TestDatabase.Ct), keeper)).Ok();
        Assert.Empty(await MassOrganizationQueries.ListAsync(database.Context(), south, TestDatabase.Ct));
        await using var db = database.Context();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(MassBodyLink) && e.Action == AuditAction.Deleted && e.OrganizationId == tree.SouthBranch, TestDatabase.Ct));
    }

    private static async Task<int> CountAllAsync(TestDatabase database) =>
        await database.CountAsync<MassOrganization>() + await database.CountAsync<MassBody>() + await database.CountAsync<MassBodyLink>()
        + await database.CountAsync<MassPosition>() + await database.CountAsync<MassReport>();
}
