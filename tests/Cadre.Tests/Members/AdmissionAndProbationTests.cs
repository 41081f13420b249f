using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using static Cadre.Tests.Infrastructure.ArrangeMembership;

namespace Cadre.Tests.Members;

public sealed class AdmissionAndProbationTests
{
    private static readonly CancellationToken Ct = TestDatabase.Ct;

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_admitted_applicant_is_a_candidate_until_confirmed_as_a_full_member_at_the_end_of_probation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthBranch);
        var id = await database.ApplicantAsync(tree.NorthBranch);

        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, id, Decided(new(2024, 2, 1), "Minutes 3/2024"), Ct), secretary)).Ok();
        var candidate = await database.MemberAsync(id);
        Assert.Equal((MemberStatus.Candidate, new DateOnly(2025, 2, 1), new DateOnly(2024, 2, 1)),
            (candidate.Status, candidate.ProbationEndsOn!.Value, candidate.JoinedOn));

        (await database.RunAsync((db, a) => ConfirmMembership.HandleAsync(db, a, id, Decided(new(2025, 1, 15)), Ct), secretary))
            .Fails<ProbationNotOver, Done>();
        (await database.RunAsync((db, a) => ConfirmMembership.HandleAsync(db, a, id, Decided(new(2025, 2, 3), "Minutes 2/2025"), Ct), secretary)).Ok();

        var member = await database.MemberAsync(id);
        Assert.Equal((MemberStatus.Member, new DateOnly(2025, 2, 3), (DateOnly?)null), (member.Status, member.FullMemberSince!.Value, member.ProbationEndsOn));
        Assert.Equal([MembershipEventKind.Apply, MembershipEventKind.Admit, MembershipEventKind.Confirm], member.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        var admitted = member.Events.Single(e => e.Kind == MembershipEventKind.Admit);
        Assert.Equal(("Minutes 3/2024", tree.NorthBranch, MemberStatus.Applicant, MemberStatus.Candidate),
            (admitted.Reference, admitted.DecidedById, admitted.StatusBefore!.Value, admitted.StatusAfter));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task When_the_statutes_require_ratification_only_a_secretary_of_the_next_higher_organization_makes_the_candidate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        (await database.RunAsync((db, a) => ChangeMembershipRules.HandleAsync(db, a, new(2, 1, true, 12), Ct))).Ok();
        var branch = Arrange.Holding(Role.Secretary, tree.NorthBranch);
        var district = Arrange.Holding(Role.Secretary, tree.NorthDistrict);
        var id = await database.ApplicantAsync(tree.NorthBranch);

        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, id, Decided(new(2024, 2, 1), "Minutes 3/2024"), Ct), branch)).Ok();
        Assert.Equal(MemberStatus.Admitted, (await database.MemberAsync(id)).Status);

        (await database.RunAsync((db, a) => RatifyAdmission.HandleAsync(db, a, id, Decided(new(2024, 2, 20), "DC 7/2024"), Ct), branch))
            .Fails<RatificationNotPermitted, Done>();
        (await database.RunAsync((db, a) => ConfirmMembership.HandleAsync(db, a, id, Decided(new(2024, 2, 20)), Ct), branch))
            .Fails<StepNotAllowed, Done>();
        (await database.RunAsync((db, a) => RatifyAdmission.HandleAsync(db, a, id, Decided(new(2024, 2, 20), "DC 7/2024"), Ct), district)).Ok();

        var member = await database.MemberAsync(id);
        Assert.Equal((MemberStatus.Candidate, new DateOnly(2025, 2, 20)), (member.Status, member.ProbationEndsOn!.Value));
        Assert.Equal(tree.NorthDistrict, member.Events.Single(e => e.Kind == MembershipEventKind.Ratify).DecidedById);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Admission_needs_a_reference_and_a_date_not_in_the_future_nor_before_the_application(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var id = await database.ApplicantAsync(tree.NorthBranch);

        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, id, Decided(new(2024, 2, 1)), Ct))).Fails<ReferenceRequired, Done>();
        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, id, Decided(database.Clock.Today.AddDays(1), "M"), Ct)))
            .Fails<DecisionInFuture, Done>();
        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, id, Decided(new(2023, 12, 1), "M"), Ct)))
            .Fails<DecisionBeforeLastStep, Done>();

        var member = await database.MemberAsync(id);
        Assert.Equal(MemberStatus.Applicant, member.Status);
        Assert.Single(member.Events);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Probation_is_extended_once_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var id = await database.CandidateAsync(tree.NorthBranch);

        (await database.RunAsync((db, a) => ExtendProbation.HandleAsync(db, a, id, new ExtendProbation.Request { On = new(2025, 2, 2), Months = 6 }, Ct))).Ok();
        var extended = await database.MemberAsync(id);
        Assert.Equal((new DateOnly(2025, 8, 2), true), (extended.ProbationEndsOn!.Value, extended.ProbationExtended));

        (await database.RunAsync((db, a) => ExtendProbation.HandleAsync(db, a, id, new ExtendProbation.Request { On = new(2025, 3, 1) }, Ct)))
            .Fails<ProbationAlreadyExtended, Done>();
        Assert.Equal(new DateOnly(2025, 8, 2), (await database.MemberAsync(id)).ProbationEndsOn);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_rejected_candidate_can_be_readmitted_with_the_same_number_and_a_new_probation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var id = await database.CandidateAsync(tree.NorthBranch);
        var number = (await database.MemberAsync(id)).Number;

        (await database.RunAsync((db, a) => RejectCandidate.HandleAsync(db, a, id, Decided(new(2025, 2, 5)), Ct))).Fails<ReasonRequired, Done>();
        (await database.RunAsync((db, a) => RejectCandidate.HandleAsync(db, a, id, Decided(new(2025, 2, 5), reason: "Did not take part"), Ct))).Ok();
        Assert.Equal(MemberStatus.Rejected, (await database.MemberAsync(id)).Status);

        (await database.RunAsync((db, a) => Readmit.HandleAsync(db, a, id, Decided(new(2025, 3, 10), "Minutes 4/2025"), Ct))).Ok();
        var readmitted = await database.MemberAsync(id);
        Assert.Equal((MemberStatus.Candidate, number, new DateOnly(2026, 3, 10), new DateOnly(2025, 3, 10)),
            (readmitted.Status, readmitted.Number, readmitted.ProbationEndsOn!.Value, readmitted.JoinedOn));
        Assert.Equal(4, readmitted.Events.Count);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Resignation_lapse_and_death_end_a_membership_and_a_dead_member_takes_no_further_step(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = (await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva")).MemberId;
        var rui = (await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa")).MemberId;
        var eva = (await database.RegisterMemberAsync(tree.NorthBranch, "Eva", "Lima")).MemberId;
        var on = Decided(new(2025, 1, 1));

        (await database.RunAsync((db, a) => Resign.HandleAsync(db, a, ana, on, Ct))).Ok();
        (await database.RunAsync((db, a) => RecordLapse.HandleAsync(db, a, rui, on, Ct))).Ok();
        (await database.RunAsync((db, a) => RecordDeath.HandleAsync(db, a, eva, on, Ct))).Ok();

        Assert.Equal(MemberStatus.Resigned, (await database.MemberAsync(ana)).Status);
        Assert.Equal(MemberStatus.Lapsed, (await database.MemberAsync(rui)).Status);
        Assert.Equal(MemberStatus.Deceased, (await database.MemberAsync(eva)).Status);
        var refused = (await database.RunAsync((db, a) => Readmit.HandleAsync(db, a, eva, Decided(new(2025, 2, 1), "M"), Ct))).Fails<StepNotAllowed, Done>();
        Assert.Equal((MemberStatus.Deceased, MembershipEventKind.Readmit), (refused.Status, refused.Step));
        Assert.Single((await database.MemberAsync(eva)).Events);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Overdue_confirmations_are_listed_for_the_secretary_of_their_subtree_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var north = await database.CandidateAsync(tree.NorthBranch, "Nina", "North");
        var south = await database.CandidateAsync(tree.SouthBranch, "Sara", "South");
        var recent = await database.ApplicantAsync(tree.NorthBranch2, "Rita", "Recent");
        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, recent, Decided(new(2025, 1, 5), "M"), Ct))).Ok();

        await using var db = database.Context();
        var forNorth = await MembershipQueries.OverdueConfirmationsAsync(db, Arrange.Holding(Role.Secretary, tree.North), Ct);
        var forAdmin = await MembershipQueries.OverdueConfirmationsAsync(db, Admin, Ct);

        Assert.Equal([north], forNorth.Select(c => c.MemberId));
        Assert.Equal([north, south], forAdmin.Select(c => c.MemberId).Order());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Another_branch_secretary_cannot_see_an_applicant_and_a_reader_cannot_admit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var id = await database.ApplicantAsync(tree.NorthBranch);

        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, id, Decided(new(2024, 2, 1), "M"), Ct),
            Arrange.Holding(Role.Secretary, tree.SouthBranch))).Fails<MemberNotFound, Done>();
        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, id, Decided(new(2024, 2, 1), "M"), Ct),
            Arrange.Holding(Role.Treasurer, tree.NorthBranch))).Fails<MemberNotPermitted, Done>();
        Assert.Equal(MemberStatus.Applicant, (await database.MemberAsync(id)).Status);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Editing_a_member_does_not_change_the_status_which_changes_only_by_decisions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var id = await database.CandidateAsync(tree.NorthBranch);
        var edit = new UpdateMember.Request { Person = Arrange.Person("Iva", "Novak-Horak"), JoinedOn = new(2024, 2, 1), Status = MemberStatus.Member };

        Assert.Equal("Status", (await database.RunAsync((db, a) => UpdateMember.HandleAsync(db, a, id, edit, Ct))).Fails<StatusChangesByDecision, Done>().Field);
        (await database.RunAsync((db, a) => UpdateMember.HandleAsync(db, a, id, edit with { Status = null }, Ct))).Ok();

        var member = await database.MemberAsync(id);
        Assert.Equal(MemberStatus.Candidate, member.Status);
        Assert.Equal(2, member.Events.Count);
    }
}
