using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Members;

public sealed class ApplicationTests
{
    private static readonly DateOnly AppliedOn = new(2024, 1, 10);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_application_with_two_senior_sponsors_makes_an_applicant_with_a_number_and_a_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var sponsors = await database.SponsorsAsync(tree.NorthBranch);
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthBranch);

        var submitted = (await database.TryApplyAsync(tree.NorthBranch, Arrange.Person("Iva", "Novak"), sponsors, actor: secretary)).Ok();

        var member = await database.MemberAsync(submitted.MemberId);
        Assert.Equal(MemberStatus.Applicant, member.Status);
        Assert.True(Member.IsWellFormedNumber(submitted.Number));
        var applied = Assert.Single(member.Events);
        Assert.Equal((MembershipEventKind.Apply, AppliedOn, (MemberStatus?)null, MemberStatus.Applicant),
            (applied.Kind, applied.On, applied.StatusBefore, applied.StatusAfter));
        Assert.Contains(sponsors[0], applied.Note, StringComparison.Ordinal);
        await using var db = database.Context();
        Assert.Equal(2, await db.Sponsorships.CountAsync(s => s.ApplicantId == submitted.MemberId, TestDatabase.Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(MembershipEvent) && a.UserName == secretary.Name, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_applicant_sponsored_by_themselves_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var self = await database.RegisterMemberAsync(tree.NorthBranch, "Iva", "Novak", "iva@example.org");
        var other = await database.RegisterMemberAsync(tree.NorthBranch, "Olga", "Sponsor");
        var members = await database.CountAsync<Member>();

        var result = await database.TryApplyAsync(tree.NorthBranch, Arrange.Person("Iva", "Novak", "IVA@example.org"), [self.Number, other.Number]);

        Assert.Equal(self.Number, result.Fails<CannotSponsorYourself, SubmitApplication.Submitted>().Number);
        Assert.Equal(members, await database.CountAsync<Member>());
        Assert.Equal(0, await database.CountAsync<Sponsorship>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_suspended_sponsor_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var sponsors = await database.SponsorsAsync(tree.NorthBranch);
        var suspended = await database.RegisterMemberAsync(tree.NorthBranch, "Sid", "Suspended");
        (await database.RunAsync((db, a) => ImposeSanction.HandleAsync(db, a, suspended.MemberId, new ImposeSanction.Request
        {
            Kind = SanctionKind.Suspension, On = new DateOnly(2023, 6, 1), SuspendedUntil = new DateOnly(2026, 6, 1), Reason = "Breach of discipline",
        }, TestDatabase.Ct))).Ok();
        var members = await database.CountAsync<Member>();

        var result = await database.TryApplyAsync(tree.NorthBranch, Arrange.Person("Iva", "Novak"), [sponsors[0], suspended.Number]);

        Assert.Equal(suspended.Number, result.Fails<SponsorSuspended, SubmitApplication.Submitted>().Number);
        Assert.Equal(members, await database.CountAsync<Member>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_sponsor_with_less_than_the_required_seniority_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var sponsors = await database.SponsorsAsync(tree.NorthBranch);
        var junior = (await database.RunAsync((db, a) => RegisterMember.HandleAsync(db, a, new RegisterMember.Request
        {
            OrganizationId = tree.NorthBranch, Person = Arrange.Person("Jan", "Junior"), JoinedOn = new DateOnly(2023, 9, 1),
        }, TestDatabase.Ct))).Ok();

        var result = await database.TryApplyAsync(tree.NorthBranch, Arrange.Person("Iva", "Novak"), [sponsors[0], junior.Number]);

        var error = result.Fails<SponsorTooJunior, SubmitApplication.Submitted>();
        Assert.Equal((junior.Number, 1), (error.Number, error.Years));
        Assert.Equal(0, await database.CountAsync<MembershipEvent>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Too_few_unknown_repeated_or_candidate_sponsors_are_each_refused_by_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var sponsors = await database.SponsorsAsync(tree.NorthBranch);
        var candidate = await database.CandidateAsync(tree.NorthBranch, "Cara", "Candidate");
        var candidateNumber = (await database.MemberAsync(candidate)).Number;
        var members = await database.CountAsync<Member>();
        var person = Arrange.Person("Iva", "Novak");

        Assert.Equal(2, (await database.TryApplyAsync(tree.NorthBranch, person, [sponsors[0]])).Fails<NotEnoughSponsors, SubmitApplication.Submitted>().Required);
        Assert.Equal("00000000", (await database.TryApplyAsync(tree.NorthBranch, person, [sponsors[0], "00000000"]))
            .Fails<SponsorNotFound, SubmitApplication.Submitted>().Number);
        Assert.Equal(sponsors[0], (await database.TryApplyAsync(tree.NorthBranch, person, [sponsors[0], sponsors[0]]))
            .Fails<DuplicateSponsor, SubmitApplication.Submitted>().Number);
        Assert.Equal(candidateNumber, (await database.TryApplyAsync(tree.NorthBranch, person, [sponsors[0], candidateNumber]))
            .Fails<SponsorNotInGoodStanding, SubmitApplication.Submitted>().Number);
        Assert.Equal(members, await database.CountAsync<Member>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_rules_set_by_an_administrator_decide_how_many_sponsors_an_application_needs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.Centre);
        var one = (await database.RegisterMemberAsync(tree.NorthBranch, "Olga", "Sponsor")).Number;

        (await database.RunAsync((db, a) => ChangeMembershipRules.HandleAsync(db, a, new(1, 1, false, 12), TestDatabase.Ct), secretary))
            .Fails<MembershipRulesNotPermitted, Done>();
        var invalid = (await database.RunAsync((db, a) => ChangeMembershipRules.HandleAsync(db, a, new(-1, 1, false, 99), TestDatabase.Ct)))
            .Fails<ValidationFailed, Done>();
        Assert.Equal(["ProbationMonths", "SponsorsRequired"], invalid.Errors.Select(e => e.Field).Order());
        (await database.RunAsync((db, a) => ChangeMembershipRules.HandleAsync(db, a, new(1, 1, true, 6), TestDatabase.Ct))).Ok();

        (await database.TryApplyAsync(tree.NorthBranch, Arrange.Person("Iva", "Novak"), [one])).Ok();
        await using var db = database.Context();
        var rules = await MembershipRules.LoadAsync(db, TestDatabase.Ct);
        Assert.Equal((1, 1, true, 6), (rules.SponsorsRequired, rules.SponsorSeniorityYears, rules.RatificationRequired, rules.ProbationMonths));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(MembershipRules), TestDatabase.Ct));
    }
}
