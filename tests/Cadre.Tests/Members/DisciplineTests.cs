using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using static Cadre.Tests.Infrastructure.ArrangeMembership;

namespace Cadre.Tests.Members;

public sealed class DisciplineTests
{
    private static readonly CancellationToken Ct = TestDatabase.Ct;

    private static Task<Result<int>> SanctionAsync(TestDatabase database, int memberId, SanctionKind kind, Actor? actor = null,
        DateOnly? until = null, int? decidedBy = null) =>
        database.RunAsync((db, a) => ImposeSanction.HandleAsync(db, a, memberId, new ImposeSanction.Request
        {
            Kind = kind, On = new(2025, 1, 10), Reason = "Spoke for the party without a mandate", Reference = "BC 1/2025",
            SuspendedUntil = until, DecidedById = decidedBy,
        }, Ct), actor);

    private static Task<Result<Done>> AppealAsync(TestDatabase database, int sanctionId, int toId, Actor? actor = null) =>
        database.RunAsync((db, a) => LodgeAppeal.HandleAsync(db, a, sanctionId, new LodgeAppeal.Request { AppealToId = toId, On = new(2025, 1, 20) }, Ct), actor);

    private static Task<Result<Done>> DecideAsync(TestDatabase database, int sanctionId, bool overturned, Actor? actor = null) =>
        database.RunAsync((db, a) => DecideAppeal.HandleAsync(db, a, sanctionId,
            new DecideAppeal.Request { Overturned = overturned, On = new(2025, 2, 10), Reference = "DC 4/2025" }, Ct), actor);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_overturned_expulsion_restores_the_earlier_status_and_only_the_higher_body_decides(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var branch = Arrange.Holding(Role.Secretary, tree.NorthBranch);
        var district = Arrange.Holding(Role.Secretary, tree.NorthDistrict);
        var ana = (await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva")).MemberId;

        var sanction = (await SanctionAsync(database, ana, SanctionKind.Expulsion, branch)).Ok();
        Assert.Equal(MemberStatus.Expelled, (await database.MemberAsync(ana)).Status);
        (await AppealAsync(database, sanction, tree.NorthBranch, branch)).Fails<AppealBodyNotHigher, Done>();
        (await AppealAsync(database, sanction, tree.NorthDistrict, branch)).Ok();
        (await AppealAsync(database, sanction, tree.NorthDistrict, branch)).Fails<AppealAlreadyLodged, Done>();

        (await DecideAsync(database, sanction, true, branch)).Fails<AppealNotYours, Done>();
        (await DecideAsync(database, sanction, true, Arrange.Holding(Role.Secretary, tree.SouthDistrict))).Fails<SanctionNotFound, Done>();
        Assert.Equal(MemberStatus.Expelled, (await database.MemberAsync(ana)).Status);
        (await DecideAsync(database, sanction, true, district)).Ok();

        var member = await database.MemberAsync(ana);
        Assert.Equal(MemberStatus.Member, member.Status);
        Assert.Equal([MembershipEventKind.Expel, MembershipEventKind.AppealLodged, MembershipEventKind.Overturn],
            member.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        await using var db = database.Context();
        Assert.Equal(AppealStatus.Overturned, (await db.Sanctions.FindAsync([sanction], Ct))!.Appeal);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_expulsion_appeal_lodged_by_another_branch_secretary_is_not_found_and_nothing_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = (await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva")).MemberId;
        var sanction = (await SanctionAsync(database, ana, SanctionKind.Expulsion)).Ok();

        (await AppealAsync(database, sanction, tree.NorthDistrict, Arrange.Holding(Role.Secretary, tree.SouthBranch))).Fails<SanctionNotFound, Done>();

        await using var db = database.Context();
        Assert.Equal(AppealStatus.None, (await db.Sanctions.FindAsync([sanction], Ct))!.Appeal);
        Assert.Single((await database.MemberAsync(ana)).Events);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_upheld_suspension_stays_until_the_member_is_reinstated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = (await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva")).MemberId;

        (await SanctionAsync(database, ana, SanctionKind.Suspension)).Fails<SuspensionEndRequired, int>();
        var sanction = (await SanctionAsync(database, ana, SanctionKind.Suspension, until: new(2025, 3, 1))).Ok();
        Assert.Equal((MemberStatus.Suspended, new DateOnly(2025, 3, 1)), ((await database.MemberAsync(ana)).Status, (await database.MemberAsync(ana)).SuspendedUntil!.Value));
        (await AppealAsync(database, sanction, tree.North)).Ok();
        (await DecideAsync(database, sanction, false)).Ok();
        Assert.Equal(MemberStatus.Suspended, (await database.MemberAsync(ana)).Status);

        (await database.RunAsync((db, a) => ReinstateMember.HandleAsync(db, a, ana, Decided(new(2025, 3, 1)), Ct))).Ok();
        var member = await database.MemberAsync(ana);
        Assert.Equal((MemberStatus.Member, (DateOnly?)null), (member.Status, member.SuspendedUntil));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Warnings_keep_the_status_and_sanctions_need_a_reason_and_a_deciding_body_at_or_above_the_member(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = (await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva")).MemberId;

        (await SanctionAsync(database, ana, SanctionKind.Warning)).Ok();
        (await SanctionAsync(database, ana, SanctionKind.SevereWarning, decidedBy: tree.NorthDistrict)).Ok();
        (await SanctionAsync(database, ana, SanctionKind.Warning, decidedBy: tree.SouthDistrict)).Fails<DecidingBodyNotAbove, int>();
        (await SanctionAsync(database, ana, SanctionKind.Warning, Arrange.Holding(Role.Secretary, tree.NorthBranch), decidedBy: tree.NorthDistrict))
            .Fails<DecidingBodyNotAbove, int>();
        (await database.RunAsync((db, a) => ImposeSanction.HandleAsync(db, a, ana, new ImposeSanction.Request { Kind = SanctionKind.Warning, On = new(2025, 1, 10) }, Ct)))
            .Fails<ReasonRequired, int>();

        var member = await database.MemberAsync(ana);
        Assert.Equal(MemberStatus.Member, member.Status);
        Assert.Equal([MembershipEventKind.Warn, MembershipEventKind.WarnSeverely], member.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Equal(2, await database.CountAsync<Sanction>());
    }
}
