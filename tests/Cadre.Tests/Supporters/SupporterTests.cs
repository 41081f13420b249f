using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Supporters;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Supporters;

public sealed class SupporterTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Contacts_are_shown_only_for_purposes_with_live_consent_and_a_withdrawal_is_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthBranch);
        var consenting = (await database.TryRegisterSupporterAsync(tree.NorthBranch, "Ana Petrova", "ana@example.org", secretary,
            new RegisterSupporter.ConsentGiven(ConsentPurpose.News, ConsentMethod.Paper))).Ok();
        var silent = (await database.TryRegisterSupporterAsync(tree.NorthBranch, "Boris Ivanov", "boris@example.org", secretary)).Ok();

        var list = (await SupporterQueries.ListAsync(database.Context(), secretary, new SupporterFilter(), TestDatabase.Ct)).Ok().Items;
        Assert.Equal(["Ana Petrova", "Boris Ivanov"], list.Select(s => s.Name));
        Assert.Equal(("ana@example.org", ConsentPurpose.News), (list[0].Contact!.Email, Assert.Single(list[0].Contact!.Purposes)));
        Assert.Equal(["housing", "peace"], list[0].Interests);
        Assert.Null(list[1].Contact);
        var forNews = (await SupporterQueries.ListAsync(database.Context(), secretary, new SupporterFilter { Purpose = ConsentPurpose.News }, TestDatabase.Ct)).Ok();
        Assert.Equal(consenting, Assert.Single(forNews.Items).Id);
        var byInterest = (await SupporterQueries.ListAsync(database.Context(), secretary, new SupporterFilter { Interest = "Peace" }, TestDatabase.Ct)).Ok();
        Assert.Equal(2, byInterest.Items.Count);

        Assert.IsType<ConsentAlreadyGiven>((await database.RunAsync((db, a) => RecordConsent.HandleAsync(db, a, consenting,
            new RecordConsent.Request(ConsentPurpose.News, ConsentMethod.Verbal), TestDatabase.Ct), secretary)).Error);
        var future = await database.RunAsync((db, a) => RecordConsent.HandleAsync(db, a, silent,
            new RecordConsent.Request(ConsentPurpose.Events, ConsentMethod.Verbal, Today.AddDays(1)), TestDatabase.Ct), secretary);
        Assert.Equal("On", Assert.IsType<InvalidField>(future.Error).FieldName);
        (await database.RunAsync((db, a) => RecordConsent.HandleAsync(db, a, silent,
            new RecordConsent.Request(ConsentPurpose.Events, ConsentMethod.Verbal), TestDatabase.Ct), secretary)).Ok();
        Assert.Equal("boris@example.org", (await database.SupporterAsync(silent, secretary)).Contact!.Email);

        var consent = (await database.SupporterAsync(consenting)).Consents.Single().Id;
        (await database.RunAsync((db, a) => WithdrawConsent.HandleAsync(db, a, consenting, consent, new WithdrawConsent.Request(), TestDatabase.Ct), secretary)).Ok();
        Assert.IsType<ConsentAlreadyWithdrawn>((await database.RunAsync((db, a) =>
            WithdrawConsent.HandleAsync(db, a, consenting, consent, new WithdrawConsent.Request(), TestDatabase.Ct), secretary)).Error);
        var withdrawn = await database.SupporterAsync(consenting, secretary);
        Assert.Null(withdrawn.Contact);
        Assert.Equal(Today, Assert.Single(withdrawn.Consents).WithdrawnOn);

        await using var db = database.Context();
        var trail = await db.AuditEntries.Where(e => e.EntityType == nameof(Supporter)).ToListAsync(TestDatabase.Ct);
        Assert.Equal(2, trail.Count(e => e.Action == AuditAction.Created));
        Assert.All(trail, e => Assert.DoesNotContain("ana@example.org", e.After ?? "", StringComparison.Ordinal));
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == nameof(Consent)).ToListAsync(TestDatabase.Ct),
            e => e.Action == AuditAction.Updated && e.After!.Contains("WithdrawnOn", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Supporters_are_read_and_kept_within_a_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var north = Arrange.Holding(Role.Secretary, tree.North);
        var south = Arrange.Holding(Role.Secretary, tree.South);
        var control = Arrange.Holding(Role.ControlCommission, tree.Centre);
        var id = (await database.TryRegisterSupporterAsync(tree.NorthBranch, "Ana Petrova", "ana@example.org", north)).Ok();

        Assert.IsType<SupporterOrganizationNotFound>((await database.TryRegisterSupporterAsync(tree.NorthBranch, "Eve", null, south)).Error);
        Assert.IsType<SupportersNotPermitted>((await database.TryRegisterSupporterAsync(tree.NorthBranch, "Eve", null, control)).Error);
        Assert.IsType<SupporterEmailTaken>((await database.TryRegisterSupporterAsync(tree.NorthBranch, "Ana P.", "ANA@example.org", north)).Error);
        Assert.IsType<ValidationFailed>((await database.TryRegisterSupporterAsync(tree.NorthBranch, " ", "not an address", north)).Error);

        Assert.IsType<SupporterNotFound>((await SupporterQueries.GetAsync(database.Context(), south, id, TestDatabase.Ct)).Error);
        Assert.Empty((await SupporterQueries.ListAsync(database.Context(), south, new SupporterFilter(), TestDatabase.Ct)).Ok().Items);
        Assert.IsType<SupporterScopeNotFound>((await SupporterQueries.ListAsync(database.Context(), south,
            new SupporterFilter { OrganizationId = tree.North }, TestDatabase.Ct)).Error);
        Assert.IsType<SupporterNotFound>((await database.RunAsync((db, a) => EraseSupporter.HandleAsync(db, a, id, TestDatabase.Ct), south)).Error);
        Assert.IsType<SupportersNotPermitted>((await database.RunAsync((db, a) => EraseSupporter.HandleAsync(db, a, id, TestDatabase.Ct), control)).Error);
        Assert.Equal("Ana Petrova", (await database.SupporterAsync(id, control)).Name);
        Assert.Equal(1, await database.CountAsync<Supporter>());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_supporter_turned_into_an_applicant_enters_the_admission_flow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthBranch);
        var id = await database.RegisterSupporterAsync(tree.NorthBranch, "Ana Petrova", "ana@example.org");
        var sponsors = await database.SponsorsAsync(tree.NorthBranch);
        Task<Result<SubmitApplication.Submitted>> ConvertAsync(IReadOnlyList<string> numbers, int? organizationId = null) =>
            database.RunAsync((db, a) => ConvertSupporter.HandleAsync(db, a, id, new ConvertSupporter.Request
            {
                Person = Arrange.Person("Ana", "Petrova", "ana@example.org"), OrganizationId = organizationId ?? tree.NorthBranch, Sponsors = numbers,
            }, TestDatabase.Ct), secretary);

        Assert.IsType<NotEnoughSponsors>((await ConvertAsync([sponsors[0]])).Error);
        Assert.IsType<InvalidField>((await ConvertAsync(sponsors, tree.SouthBranch)).Error);
        Assert.Null((await database.SupporterAsync(id)).MemberId);
        var applicationsBefore = await database.CountAsync<Member>();
        var submitted = (await ConvertAsync(sponsors)).Ok();
        Assert.Equal(applicationsBefore + 1, await database.CountAsync<Member>());

        var member = await database.MemberAsync(submitted.MemberId);
        Assert.Equal(MemberStatus.Applicant, member.Status);
        Assert.Contains("Supporter since", Assert.Single(member.Events).Note, StringComparison.Ordinal);
        var supporter = await database.SupporterAsync(id, secretary);
        Assert.Equal((submitted.MemberId, submitted.Number, Today), (supporter.MemberId!.Value, supporter.MemberNumber, supporter.ConvertedOn!.Value));
        Assert.IsType<SupporterAlreadyConverted>((await ConvertAsync(sponsors)).Error);
        (await database.RunAsync((db, a) => AdmitApplicant.HandleAsync(db, a, submitted.MemberId,
            ArrangeMembership.Decided(Today, "Minutes 4/2025"), TestDatabase.Ct), secretary)).Ok();
        Assert.Equal(MemberStatus.Candidate, (await database.MemberAsync(submitted.MemberId)).Status);
        await using var db = database.Context();
        Assert.Equal(1, await db.Members.CountAsync(m => m.Status != MemberStatus.Member, TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_funnel_counts_each_step_per_month_in_the_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.RegisterSupporterAsync(tree.NorthBranch, "Ana Petrova");
        await database.RegisterSupporterAsync(tree.NorthBranch2, "Boris Ivanov");
        await database.RegisterSupporterAsync(tree.SouthBranch, "Chen Li");
        var candidate = await database.CandidateAsync(tree.NorthBranch);
        (await database.RunAsync((db, a) => ConfirmMembership.HandleAsync(db, a, candidate, ArrangeMembership.Decided(new DateOnly(2025, 3, 1)), TestDatabase.Ct))).Ok();

        var funnel = (await RecruitmentFunnel.RunAsync(database.Context(), Arrange.Holding(Role.Secretary, tree.North), tree.North, null, 15, TestDatabase.Ct)).Ok();
        Assert.Equal(15, funnel.Months.Count);
        Assert.Equal((2024, 1), (funnel.Months[0].Year, funnel.Months[0].Month));
        Assert.Equal(new FunnelMonth(0, 0, 2, 0, 1, 1, 1), funnel.Total);
        Assert.Equal(1, funnel.Months.Single(m => m is { Year: 2024, Month: 1 }).Applicants);
        Assert.Equal(1, funnel.Months.Single(m => m is { Year: 2024, Month: 2 }).Candidates);
        Assert.Equal((2, 1), (funnel.Months[^1].Supporters, funnel.Months[^1].Members));
        var south = (await RecruitmentFunnel.RunAsync(database.Context(), Arrange.Holding(Role.Secretary, tree.South), tree.South, null, 12, TestDatabase.Ct)).Ok();
        Assert.Equal(new FunnelMonth(0, 0, 1, 0, 0, 0, 0), south.Total);
        Assert.IsType<SupporterScopeNotFound>((await RecruitmentFunnel.RunAsync(database.Context(), Arrange.Holding(Role.Secretary, tree.South), tree.North,
            null, 12, TestDatabase.Ct)).Error);
        Assert.IsType<InvalidField>((await RecruitmentFunnel.RunAsync(database.Context(), ArrangeMembership.Admin, tree.North, null, 0, TestDatabase.Ct)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Erasure_removes_the_personal_data_ends_the_consents_and_leaves_no_copy_in_the_trail(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var id = await database.RegisterSupporterAsync(tree.NorthBranch, "Ana Petrova", "ana@example.org",
            new RegisterSupporter.ConsentGiven(ConsentPurpose.Events, ConsentMethod.Paper));
        (await database.RunAsync((db, a) => UpdateSupporter.HandleAsync(db, a, id, new UpdateSupporter.Request
        {
            Details = new SupporterDetails { Name = "Ana Petrova-Lenz", Email = "ana.lenz@example.org", Notes = "Met at the May Day rally" },
            Source = SupporterSource.Event,
        }, TestDatabase.Ct))).Ok();
        (await database.RunAsync((db, a) => EraseSupporter.HandleAsync(db, a, id, TestDatabase.Ct))).Ok();

        var erased = await database.SupporterAsync(id);
        Assert.Equal((Supporter.ErasedName, Today), (erased.Name, erased.ErasedOn!.Value));
        Assert.Null(erased.Contact);
        Assert.Equal(Today, Assert.Single(erased.Consents).WithdrawnOn);
        Assert.IsType<SupporterErased>((await database.RunAsync((db, a) => EraseSupporter.HandleAsync(db, a, id, TestDatabase.Ct))).Error);
        Assert.IsType<SupporterErased>((await database.RunAsync((db, a) => RecordConsent.HandleAsync(db, a, id,
            new RecordConsent.Request(ConsentPurpose.News, ConsentMethod.Paper), TestDatabase.Ct))).Error);
        await using var db = database.Context();
        var trail = await db.AuditEntries.Where(e => e.EntityType == nameof(Supporter) && e.EntityId == id.ToString()).ToListAsync(TestDatabase.Ct);
        Assert.Equal(3, trail.Count);
        Assert.All(trail, e => Assert.DoesNotContain("Ana", (e.Before ?? "") + e.After, StringComparison.Ordinal));
        Assert.All(trail, e => Assert.DoesNotContain("example.org", (e.Before ?? "") + e.After, StringComparison.Ordinal));
        Assert.Null(await db.Supporters.Where(s => s.Id == id).Select(s => s.Email).SingleAsync(TestDatabase.Ct));
    }
}
