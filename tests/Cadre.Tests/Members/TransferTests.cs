using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using static Cadre.Tests.Infrastructure.ArrangeMembership;

namespace Cadre.Tests.Members;

public sealed class TransferTests
{
    private static readonly CancellationToken Ct = TestDatabase.Ct;

    private static Task<Result<int>> RequestAsync(TestDatabase database, int memberId, int toId, Actor? actor = null) =>
        database.RunAsync((db, a) => RequestTransfer.HandleAsync(db, a,
            new RequestTransfer.Request { MemberId = memberId, ToOrganizationId = toId, On = new(2025, 3, 1), Reason = "Moved house" }, Ct), actor);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_transfer_between_districts_is_seen_by_both_sides_and_accepted_by_the_receiving_secretary(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var sending = Arrange.Holding(Role.Secretary, tree.NorthDistrict);
        var receiving = Arrange.Holding(Role.Secretary, tree.SouthDistrict);

        var transferId = (await RequestAsync(database, ana.MemberId, tree.SouthBranch, sending)).Ok();

        await using (var db = database.Context())
        {
            var outgoing = Assert.Single(await MembershipQueries.PendingTransfersAsync(db, sending, Ct));
            var incoming = Assert.Single(await MembershipQueries.PendingTransfersAsync(db, receiving, Ct));
            Assert.Equal((transferId, false, true), (outgoing.Id, outgoing.Incoming, incoming.Incoming));
            Assert.Empty(await MembershipQueries.PendingTransfersAsync(db, Arrange.Holding(Role.Secretary, tree.NorthDistrict2), Ct));
        }
        (await database.RunAsync((db, a) => AcceptTransfer.HandleAsync(db, a, transferId, Decided(new(2025, 3, 5)), Ct), sending))
            .Fails<TransferDecidedByReceiver, Done>();
        (await database.RunAsync((db, a) => AcceptTransfer.HandleAsync(db, a, transferId, Decided(new(2025, 3, 5)), Ct),
            Arrange.Holding(Role.Secretary, tree.NorthDistrict2))).Fails<TransferNotFound, Done>();
        (await database.RunAsync((db, a) => AcceptTransfer.HandleAsync(db, a, transferId, Decided(new(2025, 3, 5)), Ct), receiving)).Ok();

        var member = await database.MemberAsync(ana.MemberId);
        Assert.Equal((tree.SouthBranch, ana.Number, MemberStatus.Member), (member.OrganizationId, member.Number, member.Status));
        Assert.Equal([MembershipEventKind.TransferRequested, MembershipEventKind.Transfer], member.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        await using var after = database.Context();
        Assert.Empty(await MembershipQueries.PendingTransfersAsync(after, receiving, Ct));
        (await database.RunAsync((db, a) => DeclineTransfer.HandleAsync(db, a, transferId, Decided(new(2025, 3, 6)), Ct), receiving))
            .Fails<TransferNotPending, Done>();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_declined_transfer_leaves_the_member_where_they_were(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var transferId = (await RequestAsync(database, ana.MemberId, tree.SouthBranch)).Ok();

        (await RequestAsync(database, ana.MemberId, tree.NorthBranch2)).Fails<TransferAlreadyPending, int>();
        (await database.RunAsync((db, a) => DeclineTransfer.HandleAsync(db, a, transferId, Decided(new(2025, 3, 2), reason: "No such address"), Ct),
            Arrange.Holding(Role.Secretary, tree.SouthBranch))).Ok();

        var member = await database.MemberAsync(ana.MemberId);
        Assert.Equal(tree.NorthBranch, member.OrganizationId);
        Assert.Equal("No such address", member.Events.Single(e => e.Kind == MembershipEventKind.TransferDeclined).Reason);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_transfer_to_a_dissolved_organization_is_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        (await DissolveOrganization.HandleAsync(database.Context(), Admin, tree.NorthBranch3, new DissolveOrganization.Request(new(2025, 1, 1)), Ct)).Ok();

        var result = await RequestAsync(database, ana.MemberId, tree.NorthBranch3, Arrange.Holding(Role.Secretary, tree.NorthBranch));

        Assert.Equal("ToOrganizationId", result.Fails<TransferToDissolvedOrganization, int>().Field);
        Assert.Equal(0, await database.CountAsync<TransferRequest>());
        Assert.Empty((await database.MemberAsync(ana.MemberId)).Events);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Transfers_go_to_another_primary_organization_and_only_for_members_the_sender_manages(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");

        (await RequestAsync(database, ana.MemberId, tree.SouthDistrict)).Fails<TransferTargetNotPrimary, int>();
        (await RequestAsync(database, ana.MemberId, tree.NorthBranch)).Fails<TransferToSameOrganization, int>();
        (await RequestAsync(database, ana.MemberId, 99999)).Fails<TransferTargetNotFound, int>();
        (await RequestAsync(database, ana.MemberId, tree.SouthBranch, Arrange.Holding(Role.Secretary, tree.SouthBranch))).Fails<MemberNotFound, int>();
        Assert.Equal(0, await database.CountAsync<TransferRequest>());
    }
}
