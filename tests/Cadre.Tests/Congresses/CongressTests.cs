using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Congresses;
using Cadre.Congresses.Apportionment;
using Cadre.Data;
using Cadre.Members;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Congresses.CongressArrange;

namespace Cadre.Tests.Congresses;

public sealed class CongressTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Delegates_are_apportioned_among_the_organizations_directly_below_by_their_members_on_the_cut_off_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.Centre);
        await database.RegisterManyAsync(tree.NorthBranch, 5, "North");
        await database.RegisterManyAsync(tree.NorthBranch3, 2, "Lake");
        await database.RegisterManyAsync(tree.SouthBranch, 3, "South");
        // A candidate counts only where the rules say so; an applicant never.
        await database.CandidateAsync(tree.SouthBranch, "Cand", "South");
        var congress = await database.ConveneAsync(secretary, tree.Centre, 10, ApportionmentMethod.DHondt, minimum: 1);

        var apportioned = (await database.RunAsync((db, a) => ApportionDelegates.HandleAsync(db, a, congress, TestDatabase.Ct), secretary)).Ok();

        // 7 north (5 + 2 from two districts), 3 south full members plus 2 sponsors registered by CandidateAsync = 5 south.
        Assert.Equal([tree.North, tree.South], apportioned.Organizations.Select(o => o.OrganizationId));
        var north = apportioned.Organizations[0].Members;
        var south = apportioned.Organizations[1].Members;
        Assert.Equal(7, north);
        Assert.Equal(5, south);
        Assert.Equal(10, apportioned.Result.Allocation.Sum());
        Assert.Equal([6, 4], apportioned.Result.Allocation); // D'Hondt 7:5 for 10 seats
        Assert.NotEmpty(apportioned.Result.Awards);

        var detail = (await database.RunAsync((db, a) => CongressQueries.GetAsync(db, a, congress, TestDatabase.Ct), secretary)).Ok();
        Assert.Equal([6, 4], detail.Allocation.Select(r => r.Seats));
        Assert.NotNull(detail.Working);
        Assert.Equal(ApportionmentMethod.DHondt, detail.Working!.Method);

        await using var db = database.Context();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(DelegateAllocation), TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_member_who_left_after_the_cut_off_counts_and_one_who_joined_after_does_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.Centre);
        await database.RegisterManyAsync(tree.NorthBranch, 2, "North");
        var leaving = await database.RegisterMemberAsync(tree.SouthBranch, "Leo", "Leaving");
        (await database.RunAsync((db, a) => Resign.HandleAsync(db, a, leaving.MemberId, ArrangeMembership.Decided(new DateOnly(2025, 2, 10)), TestDatabase.Ct))).Ok();
        (await database.RunAsync((db, a) => RegisterMember.HandleAsync(db, a, new RegisterMember.Request
        {
            OrganizationId = tree.SouthBranch, JoinedOn = new DateOnly(2025, 2, 1), Person = Arrange.Person("Lia", "Late"),
        }, TestDatabase.Ct))).Ok();
        var congress = await database.ConveneAsync(secretary, tree.Centre, 3, ApportionmentMethod.HareNiemeyer, minimum: 0);

        var apportioned = (await database.RunAsync((db, a) => ApportionDelegates.HandleAsync(db, a, congress, TestDatabase.Ct), secretary)).Ok();

        Assert.Equal([2L, 1L], apportioned.Organizations.Select(o => o.Members));
        Assert.Equal([2, 1], apportioned.Result.Allocation);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_tie_for_the_last_seat_is_reported_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.Centre);
        await database.RegisterManyAsync(tree.NorthBranch, 2, "North");
        await database.RegisterManyAsync(tree.SouthBranch, 2, "South");
        var congress = await database.ConveneAsync(secretary, tree.Centre, 3, ApportionmentMethod.DHondt, minimum: 0);

        var tied = (await database.RunAsync((db, a) => ApportionDelegates.HandleAsync(db, a, congress, TestDatabase.Ct), secretary))
            .Fails<ApportionmentTied, ApportionDelegates.Apportioned>();

        Assert.Contains("North Region", tied.Message);
        Assert.Equal(0, await database.CountAsync<DelegateAllocation>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Mandates_are_checked_delegates_check_in_and_the_quorum_is_live(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database, checkedIn: 2);

        var presence = (await database.RunAsync((db, a) => CongressQueries.PresenceAsync(db, a, s.Congress, TestDatabase.Ct), s.Secretary)).Ok();
        Assert.Equal(new Presence(5, 5, 2, 3, false), presence);

        (await database.RunAsync((db, a) => CheckInDelegate.HandleAsync(db, a, s.Congress, s.Delegates[2].DelegateId, CheckInDelegate.Action.CheckIn, TestDatabase.Ct),
            s.Secretary)).Ok();
        presence = (await database.RunAsync((db, a) => CongressQueries.PresenceAsync(db, a, s.Congress, TestDatabase.Ct), s.Secretary)).Ok();
        Assert.True(presence.QuorumReached);

        (await database.RunAsync((db, a) => CheckInDelegate.HandleAsync(db, a, s.Congress, s.Delegates[2].DelegateId, CheckInDelegate.Action.CheckIn, TestDatabase.Ct),
            s.Secretary)).Fails<AlreadyCheckedIn, Cadre.Common.Done>();
        var delegates = (await database.RunAsync((db, a) => CongressQueries.DelegatesAsync(db, a, s.Congress, TestDatabase.Ct), s.Secretary)).Ok();
        Assert.All(delegates, d => Assert.Equal(MandateStatus.Confirmed, d.Mandate));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_suspended_delegate_has_no_mandate_and_cannot_check_in(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database, checkedIn: 0);
        (await database.RunAsync((db, a) => ImposeSanction.HandleAsync(db, a, s.Delegates[0].MemberId, new ImposeSanction.Request
        {
            Kind = SanctionKind.Suspension, SuspendedUntil = new DateOnly(2026, 1, 1), On = new DateOnly(2025, 3, 1), Reason = "Breach",
        }, TestDatabase.Ct))).Ok();

        var checkedMandates = (await database.RunAsync((db, a) => CheckMandates.HandleAsync(db, a, s.Congress, TestDatabase.Ct), s.Secretary)).Ok();

        Assert.Equal(new CheckMandates.Checked(4, 1), checkedMandates);
        var refused = (await database.RunAsync((db, a) => CheckInDelegate.HandleAsync(db, a, s.Congress, s.Delegates[0].DelegateId, CheckInDelegate.Action.CheckIn,
            TestDatabase.Ct), s.Secretary)).Fails<MandateNotConfirmed, Cadre.Common.Done>();
        Assert.Contains("good standing", refused.Message);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Bad_delegates_are_refused_by_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var other = await database.RegisterMemberAsync(s.Tree.NorthBranch, "Max", "Extra");
        Task<Cadre.Common.Result<int>> Elect(int org, string number, bool alternate = false, int weight = 1, string meeting = "Meeting") =>
            database.RunAsync((db, a) => ElectDelegate.HandleAsync(db, a, s.Congress, new ElectDelegate.Request
            {
                OrganizationId = org, MemberNumber = number, Alternate = alternate, ElectedAt = meeting, ElectedOn = new DateOnly(2025, 2, 1), VoteWeight = weight,
            }, TestDatabase.Ct), s.Secretary);

        (await Elect(s.Tree.North, other.Number)).Fails<SeatsFilled, int>();
        (await Elect(s.Tree.North, s.Delegates[0].Number, alternate: true)).Fails<AlreadyDelegate, int>();
        (await Elect(s.Tree.South, other.Number, alternate: true)).Fails<DelegateNotOfOrganization, int>();
        (await Elect(s.Tree.NorthDistrict, other.Number, alternate: true)).Fails<DelegateOrganizationNotBelow, int>();
        (await Elect(s.Tree.North, "X-999", alternate: true)).Fails<DelegateMemberNotFound, int>();
        (await Elect(s.Tree.North, other.Number, alternate: true, weight: 0)).Fails<InvalidVoteWeight, int>();
        (await Elect(s.Tree.North, other.Number, alternate: true, meeting: " ")).Fails<InvalidMeeting, int>();
        var alternate = (await Elect(s.Tree.North, other.Number, alternate: true)).Ok();

        // The alternate holds no seat until they take that of an absent delegate of their organization.
        (await database.RunAsync((db, a) => CheckMandates.HandleAsync(db, a, s.Congress, TestDatabase.Ct), s.Secretary)).Ok();
        (await database.RunAsync((db, a) => CheckInDelegate.TakeSeatAsync(db, a, s.Congress, alternate, s.Delegates[0].DelegateId, TestDatabase.Ct), s.Secretary))
            .Fails<DelegatePresent, Cadre.Common.Done>();
        (await database.RunAsync((db, a) => CheckInDelegate.HandleAsync(db, a, s.Congress, s.Delegates[0].DelegateId, CheckInDelegate.Action.CheckOut, TestDatabase.Ct),
            s.Secretary)).Ok();
        (await database.RunAsync((db, a) => CheckInDelegate.TakeSeatAsync(db, a, s.Congress, alternate, s.Delegates[3].DelegateId, TestDatabase.Ct), s.Secretary))
            .Fails<CannotReplace, Cadre.Common.Done>();
        (await database.RunAsync((db, a) => CheckInDelegate.TakeSeatAsync(db, a, s.Congress, alternate, s.Delegates[0].DelegateId, TestDatabase.Ct), s.Secretary)).Ok();
        Assert.Equal(6, await database.CountAsync<CongressDelegate>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_congress_outside_the_actors_subtree_is_not_found_and_a_reader_may_not_run_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var northSecretary = Arrange.Holding(Role.Secretary, s.Tree.North);
        var control = Arrange.Holding(Role.ControlCommission, s.Tree.Centre);
        var southCongress = await database.ConveneAsync(Arrange.Holding(Role.Secretary, s.Tree.South), s.Tree.South, 3);

        (await database.RunAsync((db, a) => CongressQueries.GetAsync(db, a, s.Congress, TestDatabase.Ct), northSecretary)).Fails<CongressNotFound, CongressDetail>();
        (await database.RunAsync((db, a) => CongressQueries.GetAsync(db, a, southCongress, TestDatabase.Ct), northSecretary)).Fails<CongressNotFound, CongressDetail>();
        Assert.DoesNotContain((await CongressQueries.ListAsync(database.Context(), northSecretary, TestDatabase.Ct)), c => c.Id == southCongress);
        (await database.RunAsync((db, a) => ApportionDelegates.HandleAsync(db, a, s.Congress, TestDatabase.Ct), control))
            .Fails<CongressNotPermitted, ApportionDelegates.Apportioned>();
        (await database.RunAsync((db, a) => ConveneCongress.HandleAsync(db, a, new ConveneCongress.Request
        {
            OrganizationId = s.Tree.South, Number = 1, OpensOn = new DateOnly(2025, 3, 1), ClosesOn = new DateOnly(2025, 3, 1), CutOffOn = CutOff, DelegateSeats = 3,
        }, TestDatabase.Ct), northSecretary)).Fails<CongressOrganizationNotFound, int>();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_bad_congress_is_refused_with_every_problem_named_and_nothing_saved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var failed = (await database.RunAsync((db, a) => ConveneCongress.HandleAsync(db, a, new ConveneCongress.Request
        {
            OrganizationId = tree.Centre, Number = 0, OpensOn = new DateOnly(2025, 3, 2), ClosesOn = new DateOnly(2025, 3, 1), CutOffOn = new DateOnly(2025, 4, 1),
            DelegateSeats = 0, MinimumSeats = -1, QuorumPercent = 0,
        }, TestDatabase.Ct))).Fails<Cadre.Common.ValidationFailed, int>();

        Assert.Equal(["Number", "ClosesOn", "CutOffOn", "DelegateSeats", "MinimumSeats", "QuorumPercent"], failed.Errors.Select(e => e.FieldName));
        Assert.Equal(0, await database.CountAsync<Congress>());
        await database.ConveneAsync(ArrangeMembership.Admin, tree.Centre, 3);
        (await database.RunAsync((db, a) => ConveneCongress.HandleAsync(db, a, new ConveneCongress.Request
        {
            OrganizationId = tree.Centre, Number = 5, OpensOn = new DateOnly(2025, 3, 2), ClosesOn = new DateOnly(2025, 3, 3), CutOffOn = CutOff, DelegateSeats = 3,
        }, TestDatabase.Ct))).Fails<CongressNumberTaken, int>();
    }
}
