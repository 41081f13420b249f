using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.International;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.International;

public sealed class RelationTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    private static Task<Result<int>> SetAsync(TestDatabase database, Actor actor, int organization, int party, RelationStatus status, DateOnly on, string? note = null) =>
        database.RunAsync((db, a) => SetRelation.HandleAsync(db, a, new SetRelation.Request
        {
            OrganizationId = organization, PartyId = party, Status = status, On = on, Note = note,
        }, TestDatabase.Ct), actor);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_relation_keeps_every_change_of_status_in_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var officer = Arrange.Holding(Role.InternationalOfficer, tree.Centre);
        var party = await database.RegisterPartyAsync("VNM", "Dang Cong san Viet Nam", "Communist Party of Vietnam", 1930);

        var id = (await SetAsync(database, officer, tree.Centre, party, RelationStatus.Contact, new DateOnly(1990, 5, 1), "First meeting in Hanoi")).Ok();
        (await SetAsync(database, officer, tree.Centre, party, RelationStatus.Fraternal, new DateOnly(1992, 4, 20), "Agreement on cooperation")).Ok();

        Assert.IsType<RelationAlreadyAt>((await SetAsync(database, officer, tree.Centre, party, RelationStatus.Fraternal, Today)).Error);
        Assert.IsType<RelationChangeBeforeLast>((await SetAsync(database, officer, tree.Centre, party, RelationStatus.Friendly, new DateOnly(1991, 1, 1))).Error);
        var future = (await SetAsync(database, officer, tree.Centre, party, RelationStatus.Friendly, Today.AddDays(1))).Fails<ValidationFailed, int>();
        Assert.Equal("On", Assert.Single(future.Errors).FieldName);
        Assert.IsType<PartyFieldNotFound>((await SetAsync(database, officer, tree.Centre, party + 99, RelationStatus.Contact, Today)).Error);
        Assert.IsType<ValidationFailed>((await SetAsync(database, officer, tree.Centre, party, (RelationStatus)7, Today)).Error);

        var work = (await RelationQueries.ForPartyAsync(database.Context(), officer, party, TestDatabase.Ct)).Ok();
        var relation = Assert.Single(work.Relations);
        Assert.Equal((id, RelationStatus.Fraternal, new DateOnly(1992, 4, 20)), (relation.Id, relation.Status, relation.Since));
        Assert.Equal([(null, RelationStatus.Contact), (RelationStatus.Contact, RelationStatus.Fraternal)],
            relation.History.Select(h => (h.From, h.To)).ToList());
        await using var db = database.Context();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(RelationChange) && e.OrganizationId == tree.Centre, TestDatabase.Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Relation) && e.Action == AuditAction.Updated, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Relations_exchanges_and_contacts_are_kept_and_read_within_a_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var north = Arrange.Holding(Role.InternationalOfficer, tree.North);
        var south = Arrange.Holding(Role.InternationalOfficer, tree.South);
        var northSecretary = Arrange.Holding(Role.Secretary, tree.North);
        var central = Arrange.Holding(Role.InternationalOfficer, tree.Centre);
        var party = await database.RegisterPartyAsync("LAO", "Lao People's Revolutionary Party");

        (await SetAsync(database, north, tree.NorthDistrict, party, RelationStatus.Friendly, new DateOnly(2020, 1, 1))).Ok();
        Assert.IsType<InternationalOrganizationNotFound>((await SetAsync(database, south, tree.NorthDistrict, party, RelationStatus.Contact, Today)).Error);
        Assert.IsType<InternationalNotPermitted>((await SetAsync(database, northSecretary, tree.North, party, RelationStatus.Contact, Today)).Error);
        Assert.IsType<InternationalOrganizationNotFound>((await SetAsync(database, central, 9999, party, RelationStatus.Contact, Today)).Error);

        var delegation = (await database.RunAsync((db, a) => RecordExchange.HandleAsync(db, a, new RecordExchange.Request
        {
            OrganizationId = tree.NorthDistrict, PartyId = party, Kind = ExchangeKind.DelegationReceived, Title = "Delegation of the Vientiane committee",
            On = new DateOnly(2024, 9, 2), Until = new DateOnly(2024, 9, 6), Place = "Riverside",
            Delegates = [new("Khamtai Siphandone", "Head of delegation"), new("Bounnhang Vorachith", null), new(" ", null)],
        }, TestDatabase.Ct), north)).Ok();
        (await database.RunAsync((db, a) => RecordExchange.HandleAsync(db, a, new RecordExchange.Request
        {
            OrganizationId = tree.Centre, PartyId = party, Kind = ExchangeKind.MessageSent, MessageKind = MessageKind.Greetings,
            Title = "Greetings on the anniversary of the party", On = new DateOnly(2025, 3, 22),
        }, TestDatabase.Ct), central)).Ok();
        var contact = (await database.RunAsync((db, a) => AddContact.HandleAsync(db, a, new AddContact.Request
        {
            OrganizationId = tree.NorthDistrict, PartyId = party, Name = "Sisouk Saysana", Position = "International department", Email = "sisouk@example.la",
        }, TestDatabase.Ct), north)).Ok();

        var forNorth = (await RelationQueries.ForPartyAsync(database.Context(), northSecretary, party, TestDatabase.Ct)).Ok();
        Assert.Equal([tree.NorthDistrict], forNorth.Relations.Select(r => r.OrganizationId));
        Assert.Equal([delegation], forNorth.Exchanges.Select(e => e.Id));
        Assert.Equal([contact], forNorth.Contacts.Select(c => c.Id));
        Assert.Equal(["Khamtai Siphandone", "Bounnhang Vorachith"], forNorth.Exchanges[0].Delegates.Select(d => d.Name));
        var forSouth = (await RelationQueries.ForPartyAsync(database.Context(), south, party, TestDatabase.Ct)).Ok();
        Assert.Empty(forSouth.Relations.Concat<object>(forSouth.Exchanges).Concat(forSouth.Contacts));
        var forCentre = (await RelationQueries.ListExchangesAsync(database.Context(), central, new ExchangeFilter { Take = 1 }, TestDatabase.Ct)).Ok();
        Assert.Equal("Greetings on the anniversary of the party", Assert.Single(forCentre.Items).Title);
        var second = (await RelationQueries.ListExchangesAsync(database.Context(), central, new ExchangeFilter { Take = 1, Cursor = forCentre.Next }, TestDatabase.Ct)).Ok();
        Assert.Equal(delegation, Assert.Single(second.Items).Id);
        Assert.IsType<InternationalScopeNotFound>((await RelationQueries.ListAsync(database.Context(), south, tree.North, null, TestDatabase.Ct)).Error);

        Assert.IsType<ContactNotFound>((await database.RunAsync((db, a) => EndContact.HandleAsync(db, a, contact, new EndContact.Request(null), TestDatabase.Ct), south)).Error);
        Assert.IsType<InternationalNotPermitted>((await database.RunAsync((db, a) => EndContact.HandleAsync(db, a, contact, new EndContact.Request(null), TestDatabase.Ct), northSecretary)).Error);
        (await database.RunAsync((db, a) => EndContact.HandleAsync(db, a, contact, new EndContact.Request(null), TestDatabase.Ct), north)).Ok();
        Assert.IsType<ContactAlreadyEnded>((await database.RunAsync((db, a) => EndContact.HandleAsync(db, a, contact, new EndContact.Request(null), TestDatabase.Ct), north)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_bad_exchange_is_refused_with_every_field_named_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var officer = Arrange.Holding(Role.InternationalOfficer, tree.Centre);
        var party = await database.RegisterPartyAsync("CUB", "Partido Comunista de Cuba");

        var refused = (await database.RunAsync((db, a) => RecordExchange.HandleAsync(db, a, new RecordExchange.Request
        {
            OrganizationId = tree.Centre, PartyId = party, Kind = ExchangeKind.MessageReceived, Title = "",
            On = new DateOnly(2024, 5, 2), Until = new DateOnly(2024, 5, 1), Delegates = [new("Someone", null)],
        }, TestDatabase.Ct), officer)).Fails<ValidationFailed, int>();
        Assert.Equal(["MessageKind", "Title", "Until", "Delegates"], refused.Errors.Select(e => e.FieldName));
        Assert.IsType<ExchangeDocumentNotFound>((await database.RunAsync((db, a) => RecordExchange.HandleAsync(db, a, new RecordExchange.Request
        {
            OrganizationId = tree.Centre, PartyId = party, Kind = ExchangeKind.Agreement, Title = "Agreement", On = new DateOnly(2024, 5, 2), DocumentId = 4242,
        }, TestDatabase.Ct), officer)).Error);
        var contact = (await database.RunAsync((db, a) => AddContact.HandleAsync(db, a, new AddContact.Request
        {
            OrganizationId = tree.Centre, PartyId = party, Name = "", Email = "not an address",
        }, TestDatabase.Ct), officer)).Fails<ValidationFailed, int>();
        Assert.Equal(["Name", "Email"], contact.Errors.Select(e => e.FieldName));
        Assert.Equal(0, await database.CountAsync<Exchange>() + await database.CountAsync<PartyContact>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_world_view_counts_each_party_once_at_its_closest_status_within_the_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var central = Arrange.Holding(Role.InternationalOfficer, tree.Centre);
        var north = Arrange.Holding(Role.InternationalOfficer, tree.North);
        var cpv = await database.RegisterPartyAsync("VNM", "Dang Cong san Viet Nam");
        var front = await database.RegisterPartyAsync("VNM", "Mat Tran To Quoc Viet Nam");
        var pcc = await database.RegisterPartyAsync("CUB", "Partido Comunista de Cuba");
        (await SetAsync(database, central, tree.Centre, cpv, RelationStatus.Fraternal, new DateOnly(2000, 1, 1))).Ok();
        (await SetAsync(database, north, tree.North, cpv, RelationStatus.Contact, new DateOnly(2001, 1, 1))).Ok();
        (await SetAsync(database, north, tree.North, front, RelationStatus.Friendly, new DateOnly(2001, 1, 1))).Ok();
        (await SetAsync(database, central, tree.South, pcc, RelationStatus.Contact, new DateOnly(2001, 1, 1))).Ok();

        var world = await WorldView.RunAsync(database.Context(), central, null, TestDatabase.Ct);
        var forNorth = await WorldView.RunAsync(database.Context(), north, null, TestDatabase.Ct);
        var americas = await WorldView.RunAsync(database.Context(), central, Region.Americas, TestDatabase.Ct);

        Assert.Equal([("VNM", 1, 1, 0), ("CUB", 0, 0, 1)], world.Select(c => (c.CountryCode, c.Fraternal, c.Friendly, c.Contact)));
        Assert.Equal([("VNM", 0, 1, 1)], forNorth.Select(c => (c.CountryCode, c.Fraternal, c.Friendly, c.Contact)));
        Assert.Equal(["CUB"], americas.Select(c => c.CountryCode));
    }
}
