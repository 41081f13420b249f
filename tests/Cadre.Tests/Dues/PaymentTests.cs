using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Dues;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Dues.DuesArrange;

namespace Cadre.Tests.Dues;

public sealed class PaymentTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Partial_and_multi_month_payments_settle_the_months_they_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 2000); // 30.00 a month
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);

        var partial = (await database.PayAsync(treasurer, ana, (January, 10m))).Ok();
        var rest = (await database.PayAsync(treasurer, ana, (January, 20m), (February, 30m), (March, 12.5m))).Ok();

        Assert.Equal(10m, partial.Amount);
        Assert.Equal(62.5m, rest.Amount);
        var dues = await database.DuesOfAsync(ana);
        Assert.Equal([(March, 12.5m), (February, 30m), (January, 30m)], dues.Months.Select(m => (m.Month, m.Paid)));
        Assert.Equal(17.5m, dues.Balance);
        Assert.Equal([January, February, March], dues.Payments[0].Months);
        Assert.Equal(treasurer.Name, dues.Payments[0].RecordedBy);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_payment_gets_its_own_receipt_number(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 2000);
        var rui = await database.MemberWithIncomeAsync(tree.NorthBranch, "Rui", "Costa", 2000);
        var eva = await database.MemberWithIncomeAsync(tree.SouthBranch, "Eva", "Lima", 2000);
        var admin = Actor.System("admin");

        var receipts = new List<string>
        {
            (await database.PayAsync(admin, ana, (January, 5m))).Ok().ReceiptNumber,
            (await database.PayAsync(admin, eva, (January, 5m))).Ok().ReceiptNumber,
        };
        var batch = (await RecordBranchPayments.HandleAsync(database.Context(admin), admin, new RecordBranchPayments.Request
        {
            OrganizationId = tree.NorthBranch, Month = February, Method = PaymentMethod.BankTransfer,
            Lines = [new(ana, 30m, "TR-1"), new(rui, 30m, "TR-2")],
        }, TestDatabase.Ct)).Ok();
        receipts.AddRange(batch.Payments.Select(p => p.ReceiptNumber));

        Assert.Equal(4, receipts.Distinct().Count());
        Assert.All(receipts, r => Assert.Matches("^R[0-9]{8}$", r));
        Assert.Equal(60m, batch.Total);
        await using var db = database.Context();
        Assert.Equal(receipts.Order(StringComparer.Ordinal), await db.DuesPayments.OrderBy(p => p.Id).Select(p => p.ReceiptNumber).ToListAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Bad_payments_are_refused_with_a_named_error_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 2000);
        var eva = await database.MemberWithIncomeAsync(tree.SouthBranch, "Eva", "Lima", 2000);
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        Assert.IsType<MonthBeforeMembership>((await database.PayAsync(treasurer, ana, (new DateOnly(2024, 12, 1), 5m))).Error);
        Assert.IsType<AmountNotPositive>((await database.PayAsync(treasurer, ana, (January, -5m))).Error);
        Assert.IsType<AmountNotPositive>((await database.PayAsync(treasurer, ana, (January, 0m))).Error);
        Assert.IsType<MonthOverpaid>((await database.PayAsync(treasurer, ana, (January, 30.01m))).Error);
        Assert.IsType<NotAMonth>((await database.PayAsync(treasurer, ana, (new DateOnly(2025, 1, 15), 5m))).Error);
        Assert.IsType<InvalidField>((await database.PayAsync(treasurer, ana, (January, 0.001m))).Error);
        Assert.IsType<DuesMemberNotFound>((await database.PayAsync(treasurer, eva, (January, 5m))).Error);
        Assert.IsType<DuesMemberNotFound>((await database.PayAsync(secretary, ana, (January, 5m))).Error);
        Assert.IsType<DuesMemberNotFound>((await database.PayAsync(treasurer, 999_999, (January, 5m))).Error);
        // One good month beside a bad one: the whole payment is refused.
        Assert.IsType<MonthBeforeMembership>((await database.PayAsync(treasurer, ana, (January, 5m), (new DateOnly(2019, 1, 1), 5m))).Error);
        var future = await RecordPayment.HandleAsync(database.Context(treasurer), treasurer,
            new RecordPayment.Request { MemberId = ana, PaidOn = database.Clock.Today.AddDays(1), Months = [new(January, 5m)] }, TestDatabase.Ct);
        Assert.IsType<PaidInFuture>(future.Error);

        var undeclared = (await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa")).MemberId;
        Assert.IsType<IncomeNotDeclared>((await database.PayAsync(treasurer, undeclared, (January, 5m))).Error);

        Assert.Equal((0, 0), await database.StoredPaymentsAsync());
        Assert.Equal(90m, (await database.DuesOfAsync(ana)).Balance);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_branch_collection_with_one_bad_line_is_refused_whole_naming_the_line(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 2000);
        var rui = await database.MemberWithIncomeAsync(tree.NorthBranch, "Rui", "Costa", 2000);
        var other = await database.MemberWithIncomeAsync(tree.NorthBranch2, "Ivo", "Reis", 2000);
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);

        var result = await RecordBranchPayments.HandleAsync(database.Context(treasurer), treasurer, new RecordBranchPayments.Request
        {
            OrganizationId = tree.NorthBranch, Month = February,
            Lines = [new(ana, 30m, null), new(rui, -1m, null), new(other, 30m, null)],
        }, TestDatabase.Ct);

        var failed = result.Fails<ValidationFailed, RecordBranchPayments.Recorded>();
        Assert.Equal(["Lines[1].Amount", "Lines[2].MemberId"], failed.Errors.Select(e => e.FieldName));
        Assert.Equal((0, 0), await database.StoredPaymentsAsync());

        var elsewhere = Arrange.Holding(Role.Treasurer, tree.SouthDistrict);
        var forged = await RecordBranchPayments.HandleAsync(database.Context(elsewhere), elsewhere,
            new RecordBranchPayments.Request { OrganizationId = tree.NorthBranch, Month = February, Lines = [new(ana, 30m, null)] }, TestDatabase.Ct);
        Assert.IsType<DuesOrganizationNotFound>(forged.Error);
        Assert.Equal((0, 0), await database.StoredPaymentsAsync());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_branch_sheet_prefills_what_each_member_owes_for_the_month(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 2000);
        await database.MemberWithIncomeAsync(tree.NorthBranch, "Rui", "Costa", 500);
        await database.MemberWithIncomeAsync(tree.NorthBranch2, "Ivo", "Reis", 2000);
        var treasurer = Arrange.Holding(Role.Treasurer, tree.NorthDistrict);
        (await database.PayAsync(treasurer, ana, (February, 10m), (January, 30m))).Ok();

        var sheet = (await DuesQueries.BranchSheetAsync(database.Context(treasurer), treasurer, tree.NorthBranch, February, TestDatabase.Ct)).Ok();

        Assert.Equal([("Costa", 5m, 0m, 5m, 5m), ("Silva", 30m, 10m, 20m, 0m)],
            sheet.Rows.Select(r => (r.FamilyName, r.Due, r.Paid, r.Outstanding, r.EarlierArrears)));
        var elsewhere = Arrange.Holding(Role.Treasurer, tree.SouthDistrict);
        Assert.IsType<DuesOrganizationNotFound>((await DuesQueries.BranchSheetAsync(database.Context(elsewhere), elsewhere, tree.NorthBranch, February, TestDatabase.Ct)).Error);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_member_sees_their_own_dues_and_no_one_elses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync();
        var ana = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Silva", 2000);
        (await database.PayAsync(Actor.System("admin"), ana, (January, 30m))).Ok();
        int personId;
        await using (var db = database.Context()) personId = await db.Members.Where(m => m.Id == ana).Select(m => m.PersonId).SingleAsync(TestDatabase.Ct);
        var self = new Actor("user-ana", "ana@example.org", [(Role.Member, tree.NorthBranch)], personId);

        var own = (await DuesQueries.OwnAsync(database.Context(self), self, TestDatabase.Ct)).Ok();

        Assert.Equal(ana, own.MemberId);
        Assert.Equal(60m, own.Balance);
        Assert.Single(own.Payments);
        Assert.IsType<DuesMemberNotFound>((await DuesQueries.MemberAsync(database.Context(self), self, ana, TestDatabase.Ct)).Error);
        var stranger = new Actor("user-x", "x@example.org", [(Role.Member, tree.NorthBranch)]);
        Assert.IsType<NotYourProfile>((await DuesQueries.OwnAsync(database.Context(stranger), stranger, TestDatabase.Ct)).Error);
    }
}
