using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Members;
using Cadre.Tests.Infrastructure;
using static Cadre.Tests.Dues.DuesArrange;

namespace Cadre.Tests.Dues;

public sealed class ObligationTests
{
    private static DuesRules RulesWith(decimal step, params (decimal From, decimal Percent)[] bands)
    {
        var settings = DuesSettings.Defaults();
        settings.Change("EUR", step, null, 6, false).Ok();
        return new DuesRules(settings, bands.Select(b => new IncomeBand { FromIncome = b.From, Percent = b.Percent }),
            [new CategoryRate { OccupationId = 7, MonthlyAmount = 2.5m }], []);
    }

    private static MemberDuesFacts Member(decimal? income, int? occupation = null, params DuesExemption[] exemptions) =>
        new(1, 1, new DateOnly(2024, 6, 20), MemberStatus.Member, occupation,
            income is null ? [] : [DeclaredIncome.Declare(1, 1, new DateOnly(2024, 6, 1), income.Value, new DateOnly(2024, 6, 20)).Ok()], exemptions);

    [Theory]
    [InlineData(999.99, 0.01, 10.00)] // 1 % of 999.99 = 9.9999 -> 10.00
    [InlineData(1234.56, 0.01, 18.52)] // 1.5 % = 18.5184
    [InlineData(1003, 0.01, 15.05)] // 1.5 % = 15.045: half away from zero (not to even)
    [InlineData(3000, 0.01, 60.00)] // a band's lower bound belongs to it
    [InlineData(1233.33, 0.05, 18.50)] // 18.49995 to a step of 0.05
    [InlineData(1100, 1, 17)] // 16.5 -> 17 to a whole unit, away from zero
    public void The_obligation_is_the_band_percentage_of_the_whole_income_rounded_as_the_rules_say(decimal income, decimal step, decimal expected)
    {
        var rules = RulesWith(step, (0, 1m), (1000, 1.5m), (3000, 2m));

        var obligation = rules.For(Member(income), new DateOnly(2025, 1, 1));

        Assert.Equal(expected, obligation!.Amount);
        Assert.Equal(DuesBasis.Income, obligation.Basis);
    }

    [Fact]
    public void A_category_pays_its_flat_amount_an_exemption_pays_nothing_and_before_joining_nothing_is_owed()
    {
        var rules = RulesWith(0.01m, (0, 1m));
        var exemption = DuesExemption.Grant(1, 1, "Military service", new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1)).Ok();

        Assert.Equal(new Obligation(2.5m, DuesBasis.Category), rules.For(Member(5000, occupation: 7), new DateOnly(2025, 1, 1)));
        Assert.Equal(DuesBasis.Exempt, rules.For(Member(5000, null, exemption), new DateOnly(2025, 2, 1))!.Basis);
        Assert.Equal(0, rules.For(Member(5000, null, exemption), new DateOnly(2025, 3, 1))!.Amount);
        Assert.Equal(50, rules.For(Member(5000, null, exemption), new DateOnly(2025, 4, 1))!.Amount);
        Assert.Null(rules.For(Member(5000), new DateOnly(2024, 5, 1)));
        Assert.Equal(DuesBasis.NoIncomeDeclared, rules.For(Member(null), new DateOnly(2025, 1, 1))!.Basis);
    }

    [Fact]
    public void Shares_go_to_each_level_and_a_missing_level_passes_its_share_upward()
    {
        // A branch (rank 3) directly under a region (rank 1): the district's share goes to the region.
        (int Rank, decimal Percent)[] shares = [(3, 20), (2, 20), (1, 20), (0, 40)];
        var parts = DuesSharesReport.Split(100.01m, [(30, 3), (10, 1), (1, 0)], shares).ToDictionary(p => p.OrganizationId, p => p.Amount);

        Assert.Equal(20m, parts[30]);
        Assert.Equal(40m, parts[10]);
        Assert.Equal(40.01m, parts[1]); // the rounding leftover goes to the top
        Assert.Equal(100.01m, parts.Values.Sum());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Obligations_follow_the_declared_income_in_force_each_month(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 800);
        var admin = Actor.System("admin");
        (await DeclareIncome.HandleAsync(database.Context(admin), admin, new DeclareIncome.Request(ana, March, 2000), TestDatabase.Ct)).Ok();

        var dues = await database.DuesOfAsync(ana);

        Assert.Equal([(March, 30m), (February, 8m), (January, 8m)], dues.Months.Select(m => (m.Month, m.Due)));
        Assert.Equal(46m, dues.Balance);
        Assert.Equal([March, IncomeSince], dues.Incomes.Select(i => i.FromMonth));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Category_amounts_and_exemptions_apply_from_the_stored_rules(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var student = await database.OccupationAsync("student");
        await database.SetRulesAsync(Rules with { Categories = [new(student, 1.5m)] });
        var eva = (await database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person("Eva", "Lima") with { OccupationId = student })).Ok();
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);
        (await GrantExemption.HandleAsync(database.Context(treasurer), treasurer,
            new GrantExemption.Request(eva.MemberId, "Exams", February, February), TestDatabase.Ct)).Ok();

        var dues = await database.DuesOfAsync(eva.MemberId);

        Assert.Equal([(March, 1.5m, DuesBasis.Category), (February, 0m, DuesBasis.Exempt), (January, 1.5m, DuesBasis.Category)],
            dues.Months.Select(m => (m.Month, m.Due, m.Basis)));
        Assert.Equal("Exams", dues.Exemptions.Single().Reason);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_open_exemption_ends_after_its_last_month_and_cannot_end_before_it_starts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 2000);
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);
        var exemption = (await GrantExemption.HandleAsync(database.Context(treasurer), treasurer,
            new GrantExemption.Request(ana, "Illness", January, null), TestDatabase.Ct)).Ok();
        Assert.Equal([0m, 0m, 0m], (await database.DuesOfAsync(ana)).Months.Select(m => m.Due));

        var early = await EndExemption.HandleAsync(database.Context(treasurer), treasurer, new EndExemption.Request(ana, exemption, new DateOnly(2024, 12, 1)), TestDatabase.Ct);
        Assert.Equal("LastMonth", early.Fails<Cadre.Common.InvalidField, Cadre.Common.Done>().FieldName);
        var elsewhere = Arrange.Holding(Role.Treasurer, tree.SouthDistrict);
        Assert.IsType<DuesMemberNotFound>((await EndExemption.HandleAsync(database.Context(elsewhere), elsewhere, new EndExemption.Request(ana, exemption, January), TestDatabase.Ct)).Error);
        (await EndExemption.HandleAsync(database.Context(treasurer), treasurer, new EndExemption.Request(ana, exemption, January), TestDatabase.Ct)).Ok();

        Assert.Equal([(March, 30m), (February, 30m), (January, 0m)], (await database.DuesOfAsync(ana)).Months.Select(m => (m.Month, m.Due)));
        var bad = await GrantExemption.HandleAsync(database.Context(treasurer), treasurer, new GrantExemption.Request(ana, " ", March, February), TestDatabase.Ct);
        Assert.Equal(["Reason", "ToMonth"], bad.Fails<Cadre.Common.ValidationFailed, int>().Errors.Select(e => e.FieldName));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Bad_rules_are_refused_and_the_old_rules_stay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.SetRulesAsync();
        var levels = new List<int>();
        for (var rank = 0; rank <= 3; rank++) levels.Add(await database.LevelIdAsync(rank));
        var admin = Actor.System("admin");

        var result = await ChangeDuesRules.HandleAsync(database.Context(admin), admin, Rules with
        {
            CurrencyCode = "euro",
            RoundingStep = 0,
            Bands = [new(0, 1m), new(0, 120m)],
            Shares = [new(levels[0], 40), new(levels[1], 20), new(levels[2], 20), new(levels[3], 10)],
        }, TestDatabase.Ct);

        var failed = result.Fails<Cadre.Common.ValidationFailed, Cadre.Common.Done>();
        Assert.Equal(["Bands", "Bands[1].Percent", "CurrencyCode", "RoundingStep", "Shares"], failed.Errors.Select(e => e.FieldName).Order(StringComparer.Ordinal));
        Assert.Contains(failed.Errors, e => e is SharesDoNotSumTo100 { Sum: 90 });
        var rules = await DuesRules.LoadAsync(database.Context(), TestDatabase.Ct);
        Assert.Equal("EUR", rules.Settings.CurrencyCode);
        Assert.Equal(3, rules.Bands.Count);
        Assert.Empty(rules.Shares);

        var treasurer = Arrange.Holding(Role.Treasurer, 1);
        (await ChangeDuesRules.HandleAsync(database.Context(treasurer), treasurer, Rules, TestDatabase.Ct)).Fails<RulesNotPermitted, Cadre.Common.Done>();
    }
}
