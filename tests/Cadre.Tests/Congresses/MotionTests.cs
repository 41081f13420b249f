using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses;
using Cadre.Congresses.Motions;
using Cadre.Data;
using Cadre.Elections.Majorities;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Congresses.CongressArrange;

namespace Cadre.Tests.Congresses;

public sealed class MotionTests
{
    private const string Text = "The congress resolves:\n1. to open a school in every district;\n2. to hold it every winter;\n3. to report on it yearly;\n4. to fund it from dues.";

    private static Task<Result<int>> SubmitAsync(CongressSetup s, Actor actor, string text = Text, int? organization = null) =>
        s.Database.RunAsync((db, a) => SubmitMotion.HandleAsync(db, a, s.Congress, new SubmitMotion.Request
        {
            Title = "Party schools", Text = text, Reason = "Ideology first.", OrganizationId = organization,
        }, TestDatabase.Ct), actor);

    private static Task<Result<int>> AmendAsync(CongressSetup s, Actor actor, int motion, AmendmentKind kind, int from, int? to, string? text = null,
        int? organization = null) =>
        s.Database.RunAsync((db, a) => ProposeAmendment.HandleAsync(db, a, motion, new ProposeAmendment.Request
        {
            Kind = kind, FromLine = from, ToLine = to, Text = text, OrganizationId = organization,
        }, TestDatabase.Ct), actor);

    private static Task<Result<bool>> VoteAmendmentAsync(CongressSetup s, int motion, int number, long yes, long no, long abstain = 0) =>
        s.Database.RunAsync((db, a) => VoteOnAmendment.HandleAsync(db, a, motion, number, new VoteRequest { Yes = yes, No = no, Abstain = abstain },
            TestDatabase.Ct), s.Secretary);

    private static Task<Result<bool>> VoteAsync(CongressSetup s, int motion, long yes, long no, long abstain = 0,
        MajorityKind majority = MajorityKind.Simple) =>
        s.Database.RunAsync((db, a) => VoteOnMotion.HandleAsync(db, a, motion, new VoteRequest { Yes = yes, No = no, Abstain = abstain, Majority = majority },
            TestDatabase.Ct), s.Secretary);

    private static Task<Result<Done>> RecommendAsync(CongressSetup s, int motion, int number, Recommendation recommendation, string? modified = null) =>
        s.Database.RunAsync((db, a) => RecommendOnAmendment.HandleAsync(db, a, motion, number, new RecommendOnAmendment.Request(recommendation, modified,
            "The committee's view."), TestDatabase.Ct), s.Secretary);

    private static Task<Result<Done>> SupportAsync(CongressSetup s, int motion, Voter voter) =>
        s.Database.RunAsync((db, a) => SupportMotion.HandleAsync(db, a, motion, true, TestDatabase.Ct), voter.Actor);

    private static Task<Result<Done>> RulesAsync(CongressSetup s, DateTime? motions, DateTime? amendments, int supporters) =>
        s.Database.RunAsync((db, a) => SetMotionRules.HandleAsync(db, a, s.Congress, new SetMotionRules.Request(motions, amendments, supporters),
            TestDatabase.Ct), s.Secretary);

    private static Task<Result<MotionDetail>> DetailAsync(CongressSetup s, int motion, Actor actor) =>
        s.Database.RunAsync((db, a) => MotionQueries.GetAsync(db, a, motion, TestDatabase.Ct), actor);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_motion_is_amended_line_by_line_and_adopted_with_its_adopted_amendments_merged_in_as_a_new_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var deadline = TestClock.Start.UtcDateTime.AddDays(1);
        (await RulesAsync(s, deadline, deadline, 2)).Ok();
        var motion = (await SubmitAsync(s, s.Delegates[0].Actor)).Ok();
        (await SupportAsync(s, motion, s.Delegates[0])).Fails<CannotSupportOwnMotion, Done>();
        (await SupportAsync(s, motion, s.Delegates[1])).Ok();
        (await SupportAsync(s, motion, s.Delegates[1])).Fails<AlreadySupporting, Done>();
        (await VoteAsync(s, motion, 5, 0)).Fails<TooFewSupporters, bool>();
        (await SupportAsync(s, motion, s.Delegates[2])).Ok();

        Assert.Equal(1, (await AmendAsync(s, s.Delegates[3].Actor, motion, AmendmentKind.Replace, 2, null, "1. to open a school in every district and region;")).Ok());
        Assert.Equal(2, (await AmendAsync(s, s.Delegates[4].Actor, motion, AmendmentKind.Insert, 3, null, "2a. to teach in the evening too;")).Ok());
        Assert.Equal(3, (await AmendAsync(s, s.Delegates[3].Actor, motion, AmendmentKind.Delete, 5, null)).Ok());
        Assert.Equal(4, (await AmendAsync(s, s.Delegates[4].Actor, motion, AmendmentKind.Replace, 2, 3, "1. to open schools.")).Ok());
        (await RecommendAsync(s, motion, 1, Recommendation.Adopt)).Ok();
        (await RecommendAsync(s, motion, 2, Recommendation.AdoptModified, "2a. to teach in the evening as well;")).Ok();
        (await RecommendAsync(s, motion, 3, Recommendation.Reject)).Ok();

        var before = (await DetailAsync(s, motion, s.Delegates[1].Actor)).Ok();
        var diff = before.Amendments[0].Diff;
        Assert.Contains(diff, r => r is { Kind: DiffKind.Changed, OldNumber: 2, New: "1. to open a school in every district and region;" });
        Assert.Equal(["Ada Bauer", "Ada Cohen"], before.Supporters);

        Assert.True((await VoteAmendmentAsync(s, motion, 1, 4, 1)).Ok());
        // A4 replaces lines 2-3, which adopted A1 changed: it cannot be put to the vote, and nothing is recorded.
        var conflict = (await VoteAmendmentAsync(s, motion, 4, 5, 0)).Fails<AmendmentsConflict, bool>();
        Assert.Equal(1, conflict.Adopted);
        (await VoteAsync(s, motion, 5, 0)).Fails<AmendmentsUndecided, bool>();
        (await s.Database.RunAsync((db, a) => WithdrawAmendment.HandleAsync(db, a, motion, 4, TestDatabase.Ct), s.Delegates[3].Actor))
            .Fails<MotionsNotPermitted, Done>();
        (await s.Database.RunAsync((db, a) => WithdrawAmendment.HandleAsync(db, a, motion, 4, TestDatabase.Ct), s.Delegates[4].Actor)).Ok();
        Assert.True((await VoteAmendmentAsync(s, motion, 2, 3, 1, 1)).Ok());
        Assert.False((await VoteAmendmentAsync(s, motion, 3, 2, 2, 1)).Ok());
        // Once voting has begun, no more amendments.
        (await AmendAsync(s, s.Delegates[3].Actor, motion, AmendmentKind.Delete, 1, null)).Fails<VotingUnderWay, int>();

        Assert.True((await VoteAsync(s, motion, 4, 0, 1, MajorityKind.Absolute)).Ok());

        var adopted = (await DetailAsync(s, motion, s.Delegates[2].Actor)).Ok();
        Assert.Equal(MotionStatus.Adopted, adopted.Status);
        Assert.Equal(2, adopted.Versions.Count);
        Assert.Equal("The congress resolves:\n1. to open a school in every district and region;\n2. to hold it every winter;\n2a. to teach in the evening as well;\n"
            + "3. to report on it yearly;\n4. to fund it from dues.", adopted.Versions[1].Text);
        Assert.Equal("As adopted, with amendments A1, A2.", adopted.Versions[1].Note);
        Assert.Equal(Text, adopted.Versions[0].Text);
        Assert.Equal([AmendmentStatus.Adopted, AmendmentStatus.Adopted, AmendmentStatus.Rejected, AmendmentStatus.Withdrawn],
            adopted.Amendments.Select(a => a.Status));
        Assert.True(adopted.Amendments[1].AdoptedModified);
        (await VoteAsync(s, motion, 4, 0)).Fails<MotionAlreadyDecided, bool>();

        await using var db = database.Context();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Motion) && e.OrganizationId == s.Tree.Centre, TestDatabase.Ct));
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Amendment) && e.Action == Cadre.Audit.AuditAction.Created, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Late_submissions_missing_lines_withdrawn_motions_and_outsiders_are_named_errors_that_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        var motion = (await SubmitAsync(s, s.Delegates[0].Actor)).Ok();

        (await AmendAsync(s, s.Delegates[1].Actor, motion, AmendmentKind.Replace, 9, null, "x")).Fails<AmendmentLineNotFound, int>();
        (await AmendAsync(s, s.Delegates[1].Actor, motion, AmendmentKind.Delete, 2, 7)).Fails<AmendmentLineNotFound, int>();
        (await AmendAsync(s, s.Delegates[1].Actor, motion, AmendmentKind.Insert, -1, null, "x")).Fails<AmendmentLineNotFound, int>();
        (await VoteAsync(s, motion, 9, 0)).Fails<FewerPresentThanVoted, bool>();
        var outsider = VoterActor(0, s.Tree.South);
        (await SubmitAsync(s, outsider)).Fails<CongressNotFound, int>();
        (await DetailAsync(s, motion, Arrange.Holding(Role.Secretary, s.Tree.South))).Fails<MotionNotFound, MotionDetail>();
        (await s.Database.RunAsync((db, a) => VoteOnMotion.HandleAsync(db, a, motion, new VoteRequest { Yes = 1 }, TestDatabase.Ct), s.Delegates[1].Actor))
            .Fails<MotionNotFound, bool>();

        (await s.Database.RunAsync((db, a) => WithdrawMotion.HandleAsync(db, a, motion, TestDatabase.Ct), s.Delegates[1].Actor)).Fails<MotionsNotPermitted, Done>();
        (await s.Database.RunAsync((db, a) => WithdrawMotion.HandleAsync(db, a, motion, TestDatabase.Ct), s.Delegates[0].Actor)).Ok();
        (await VoteAsync(s, motion, 3, 1)).Fails<MotionWithdrawn, bool>();
        (await SupportAsync(s, motion, s.Delegates[2])).Fails<MotionWithdrawn, Done>();

        (await RulesAsync(s, TestClock.Start.UtcDateTime.AddHours(-1), null, 0)).Ok();
        (await SubmitAsync(s, s.Delegates[1].Actor)).Fails<SubmissionDeadlinePassed, int>();
        (await RulesAsync(s, null, null, -1)).Fails<InvalidSupportersMinimum, Done>();

        await using var db = database.Context();
        var m = await db.Motions.Include(x => x.Amendments).SingleAsync(TestDatabase.Ct);
        Assert.Equal(MotionStatus.Withdrawn, m.Status);
        Assert.Empty(m.Amendments);
        Assert.Null(m.Yes);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_organization_submits_through_its_secretary_within_the_congress_and_needs_no_supporters(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await FullCongressAsync(database);
        (await RulesAsync(s, null, null, 3)).Ok();
        var north = Arrange.Holding(Role.Secretary, s.Tree.North);

        var motion = (await SubmitAsync(s, north, "Organize the fishers.", s.Tree.NorthBranch3)).Ok();
        (await SubmitAsync(s, north, "Organize the farmers.", s.Tree.SouthBranch)).Fails<SubmittingOrganizationNotFound, int>();
        (await SubmitAsync(s, s.Delegates[0].Actor, "Not for the north.", s.Tree.North)).Fails<SubmittingOrganizationNotFound, int>();

        var seen = (await DetailAsync(s, motion, north)).Ok();
        Assert.Equal("Fishers Branch", seen.SubmittedBy);
        Assert.True(seen.HasSupport);
        (await AmendAsync(s, north, motion, AmendmentKind.Insert, 1, null, "And the dockers.")).Fails<NotEntitledToSubmit, int>();
        Assert.Equal(1, (await AmendAsync(s, north, motion, AmendmentKind.Insert, 1, null, "And the dockers.", s.Tree.NorthBranch)).Ok());
        Assert.True((await VoteAmendmentAsync(s, motion, 1, 3, 2)).Ok());
        Assert.True((await VoteAsync(s, motion, 3, 2)).Ok());
        var list = (await s.Database.RunAsync((db, a) => MotionQueries.ListAsync(db, a, s.Congress, TestDatabase.Ct), s.Delegates[4].Actor)).Ok();
        Assert.Equal(MotionStatus.Adopted, Assert.Single(list).Status);
        Assert.Equal("Organize the fishers.\nAnd the dockers.",
            (await s.Database.RunAsync((db, a) => MotionQueries.TextAsync(db, a, motion, null, TestDatabase.Ct), north)).Ok().TrimEnd());
    }
}
