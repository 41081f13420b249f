using System.Text.Json;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Dues.DuesArrange;

namespace Cadre.Tests.Dues;

public sealed class ArrearsAndSharesTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Members_behind_by_n_months_are_listed_and_after_m_months_in_a_row_proposed_for_lapse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync(Rules with { AccountingFrom = new DateOnly(2024, 11, 1), LapseAfterMonths = 3 });
        var paid = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Paid", 2000);
        var oneBehind = await database.MemberWithIncomeAsync(tree.NorthBranch, "Rui", "Behind", 2000);
        var lapsing = await database.MemberWithIncomeAsync(tree.NorthBranch2, "Ivo", "Lapsing", 2000);
        var exempt = await database.MemberWithIncomeAsync(tree.NorthBranch2, "Eva", "Exempt", 2000);
        await database.MemberWithIncomeAsync(tree.SouthBranch, "Zoe", "South", 2000);
        var admin = Actor.System("admin");
        // Through February (today is 2025-03-15) four months are due: Nov, Dec, Jan, Feb.
        (await database.PayAsync(admin, paid, (new DateOnly(2024, 11, 1), 30m), (new DateOnly(2024, 12, 1), 30m), (January, 30m), (February, 30m))).Ok();
        (await database.PayAsync(admin, oneBehind, (new DateOnly(2024, 11, 1), 30m), (new DateOnly(2024, 12, 1), 30m), (January, 30m), (February, 29m))).Ok();
        (await database.PayAsync(admin, lapsing, (new DateOnly(2024, 11, 1), 30m))).Ok();
        (await database.PayAsync(admin, exempt, (new DateOnly(2024, 11, 1), 30m))).Ok();
        (await GrantExemption.HandleAsync(database.Context(admin), admin, new GrantExemption.Request(exempt, "Illness", January, null), TestDatabase.Ct)).Ok();
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);

        var arrears = (await DuesQueries.ArrearsAsync(database.Context(treasurer), treasurer, tree.North, 1, TestDatabase.Ct)).Error;
        Assert.IsType<DuesOrganizationNotFound>(arrears);
        var report = (await DuesQueries.ArrearsAsync(database.Context(treasurer), treasurer, tree.NorthDistrict, 1, TestDatabase.Ct)).Ok();

        Assert.Equal(new DateOnly(2025, 2, 1), report.ThroughMonth);
        Assert.Equal([("Behind", 1, 1, 1m, false), ("Lapsing", 3, 3, 90m, true), ("Exempt", 1, 1, 30m, false)],
            report.Rows.Select(r => (r.FamilyName, r.MonthsBehind, r.MonthsInARow, r.Outstanding, r.ProposedForLapse)));
        var twoOrMore = (await DuesQueries.ArrearsAsync(database.Context(treasurer), treasurer, tree.NorthDistrict, 2, TestDatabase.Ct)).Ok();
        Assert.Equal(["Lapsing"], twoOrMore.Rows.Select(r => r.FamilyName));
        Assert.IsType<InvalidField>((await DuesQueries.ArrearsAsync(database.Context(treasurer), treasurer, tree.NorthDistrict, 0, TestDatabase.Ct)).Error);
        await using var db = database.Context();
        Assert.All(await db.Members.Select(m => m.Status).ToListAsync(TestDatabase.Ct), s => Assert.Equal(Cadre.Members.MemberStatus.Member, s));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_shares_report_splits_what_was_collected_between_the_levels_and_sums_up(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var levels = new List<int>();
        for (var rank = 0; rank <= 3; rank++) levels.Add(await database.LevelIdAsync(rank));
        await database.SetRulesAsync(Rules with { Shares = [new(levels[3], 20), new(levels[2], 20), new(levels[1], 20), new(levels[0], 40)] });
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 2000);
        var rui = await database.MemberWithIncomeAsync(tree.NorthBranch2, "Rui", "Costa", 2000);
        var eva = await database.MemberWithIncomeAsync(tree.SouthBranch, "Eva", "Lima", 2000);
        var admin = Actor.System("admin");
        (await database.PayAsync(admin, ana, (January, 30m), (February, 30m))).Ok(); // 60 collected by N-1-1
        (await database.PayAsync(admin, rui, (January, 15.05m))).Ok(); // 15.05 by N-1-2
        (await database.PayAsync(admin, eva, (January, 30m))).Ok(); // 30 by S-1-1

        var report = (await DuesSharesReport.RunAsync(database.Context(admin), admin, tree.Centre, March, March, TestDatabase.Ct)).Ok();
        var rows = report.Rows.ToDictionary(r => r.Code);

        Assert.Equal((60m, 0m, 12m, 48m), (rows["N-1-1"].Collected, rows["N-1-1"].ReceivedFromBelow, rows["N-1-1"].Keeps, rows["N-1-1"].OwesUpward));
        Assert.Equal((0m, 48m + 12.04m, 15.01m, 45.03m), (rows["N-1"].Collected, rows["N-1"].ReceivedFromBelow, rows["N-1"].Keeps, rows["N-1"].OwesUpward));
        Assert.Equal((0m, 45.03m, 15.01m, 30.02m), (rows["N"].Collected, rows["N"].ReceivedFromBelow, rows["N"].Keeps, rows["N"].OwesUpward));
        Assert.Equal(0m, rows["CC"].OwesUpward);
        Assert.Equal(105.05m, report.Rows.Sum(r => r.Collected));
        Assert.Equal(105.05m, report.Rows.Sum(r => r.Keeps));
        Assert.All(report.Rows, r => Assert.Equal(r.Collected + r.ReceivedFromBelow, r.Keeps + r.OwesUpward));

        var earlier = (await DuesSharesReport.RunAsync(database.Context(admin), admin, tree.Centre, January, February, TestDatabase.Ct)).Ok();
        Assert.Equal(0m, earlier.Rows.Sum(r => r.Collected));
        var treasurer = Arrange.Holding(Role.Treasurer, tree.SouthDistrict);
        Assert.IsType<DuesOrganizationNotFound>((await DuesSharesReport.RunAsync(database.Context(treasurer), treasurer, tree.NorthDistrict, March, March, TestDatabase.Ct)).Error);
        Assert.IsType<InvalidField>((await DuesSharesReport.RunAsync(database.Context(admin), admin, tree.Centre, March, January, TestDatabase.Ct)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_dues_export_writes_the_scoped_ledger_and_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva, da", 2000);
        await database.MemberWithIncomeAsync(tree.SouthBranch, "Eva", "Lima", 2000);
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);
        (await database.PayAsync(treasurer, ana, (January, 12.5m))).Ok();

        var output = new StringWriter();
        var exported = (await ExportDues.HandleAsync(database.Context(treasurer), treasurer, new ExportDues.Request("n-1", "2025-01", "2025-02"), output, TestDatabase.Ct)).Ok();

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ExportDues.Columns), lines[0]);
        Assert.Equal(2, exported.Rows);
        Assert.EndsWith(",\"Silva, da\",Ana,2025-01,Income,30.00,12.50,17.50,EUR", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("N-1-1,", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Lima", output.ToString(), StringComparison.Ordinal);
        await using var db = database.Context();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == "DuesExport", TestDatabase.Ct);
        Assert.Equal(treasurer.Name, entry.UserName);
        Assert.Equal(tree.NorthDistrict, entry.OrganizationId);
        Assert.Equal(2, JsonDocument.Parse(entry.After!).RootElement.GetProperty("Rows").GetInt32());

        var outside = await ExportDues.HandleAsync(database.Context(treasurer), treasurer, new ExportDues.Request("S-1", "2025-01", "2025-02"), new StringWriter(), TestDatabase.Ct);
        Assert.IsType<DuesOrganizationNotFound>(outside.Error);
        var badMonths = await ExportDues.HandleAsync(database.Context(treasurer), treasurer, new ExportDues.Request("N-1", "2025-13", "01/2025"), new StringWriter(), TestDatabase.Ct);
        Assert.Equal(["From", "To"], badMonths.Fails<ValidationFailed, ExportDues.Exported>().Errors.Select(e => e.FieldName));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == "DuesExport", TestDatabase.Ct));
    }
}
