using Cadre.Accounts;
using Cadre.Dues;
using Cadre.Education.Courses;
using Cadre.Health;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Tests.Dues;
using Cadre.Tests.Infrastructure;
using static Cadre.Tests.Infrastructure.ArrangeMembership;

namespace Cadre.Tests.Health;

/// A party with something to see in every indicator. Today is 2025-03-15; dues are accounted from 2024-06, so the arrears
/// window (December to February) is owed by everyone registered (joined 2020-05-01).
public sealed record HealthParty(Tree Tree, int Paid, int LatePayer, int Resigned, int Lapsed, int Transferred, int Candidate, int Deceased);

public static class HealthArrange
{
    public static async Task<HealthParty> HealthPartyAsync(this TestDatabase database)
    {
        var tree = await database.CreateTreeAsync();
        await database.SetRulesAsync(DuesArrange.Rules with { AccountingFrom = new DateOnly(2024, 6, 1) });
        var paid = await database.MemberWithIncomeAsync(tree.NorthBranch, "Ana", "Paid", 2000);
        var late = await database.MemberWithIncomeAsync(tree.NorthBranch, "Rui", "Late", 2000);
        await database.MemberWithIncomeAsync(tree.NorthBranch, "Ivo", "Behind", 2000);
        var eva = await database.MemberWithIncomeAsync(tree.NorthBranch2, "Eva", "Behind", 2000);
        await database.MemberWithIncomeAsync(tree.SouthBranch, "Zoe", "South", 2000);
        var resigned = (await database.RegisterMemberAsync(tree.NorthBranch2, "Max", "Resigned")).MemberId;
        var lapsed = (await database.RegisterMemberAsync(tree.NorthBranch2, "Lea", "Lapsed")).MemberId;
        var deceased = (await database.RegisterMemberAsync(tree.SouthBranch, "Old", "Timer")).MemberId;
        var moving = (await database.RegisterMemberAsync(tree.NorthBranch3, "Tom", "Mover")).MemberId;
        var candidate = await database.CandidateAsync(tree.SouthBranch, "Kim", "Candidate");

        var treasurer = Actor.System("treasurer");
        var now = database.Clock.Now;
        database.Clock.Now = new DateTimeOffset(2025, 2, 20, 10, 0, 0, TimeSpan.Zero);
        (await database.PayAsync(treasurer, paid, (new DateOnly(2025, 2, 1), 30m))).Ok();
        database.Clock.Now = now;
        (await database.PayAsync(treasurer, late, (new DateOnly(2025, 2, 1), 30m))).Ok();

        (await database.RunAsync((db, a) => Resign.HandleAsync(db, a, resigned, Decided(new DateOnly(2025, 2, 10)), TestDatabase.Ct))).Ok();
        (await database.RunAsync((db, a) => RecordLapse.HandleAsync(db, a, lapsed, Decided(new DateOnly(2025, 3, 2), "dues", "unpaid"), TestDatabase.Ct))).Ok();
        (await database.RunAsync((db, a) => RecordDeath.HandleAsync(db, a, deceased, Decided(new DateOnly(2024, 12, 24)), TestDatabase.Ct))).Ok();
        var transfer = (await database.RunAsync((db, a) => RequestTransfer.HandleAsync(db, a,
            new RequestTransfer.Request { MemberId = moving, ToOrganizationId = tree.SouthBranch, On = new DateOnly(2025, 1, 5) }, TestDatabase.Ct))).Ok();
        (await database.RunAsync((db, a) => AcceptTransfer.HandleAsync(db, a, transfer, Decided(new DateOnly(2025, 1, 20)), TestDatabase.Ct))).Ok();

        await database.OfficeAsync(tree.NorthBranch, "Secretary", OfficeKind.Secretary);
        var treasurerOffice = await database.OfficeAsync(tree.NorthBranch, "Treasurer", OfficeKind.Treasurer);
        var held = await database.OfficeAsync(tree.NorthBranch2, "Secretary", OfficeKind.Secretary);
        await database.OfficeAsync(tree.NorthDistrict, "Secretary", OfficeKind.Secretary);
        var holder = (await database.MemberAsync(paid)).PersonId;
        (await database.RunAsync((db, a) => AppointToOffice.HandleAsync(db, a, treasurerOffice,
            new AppointToOffice.Request { PersonId = holder, StartsOn = new DateOnly(2022, 1, 1), EndsOn = new DateOnly(2024, 12, 31) }, TestDatabase.Ct))).Ok();
        var holder2 = (await database.MemberAsync(eva)).PersonId;
        (await database.RunAsync((db, a) => AppointToOffice.HandleAsync(db, a, held,
            new AppointToOffice.Request { PersonId = holder2, StartsOn = new DateOnly(2024, 1, 1) }, TestDatabase.Ct))).Ok();

        (await database.RunAsync((db, a) => CreateCourse.HandleAsync(db, a,
            new CreateCourse.Request { OrganizationId = tree.Centre, Title = "Fundamentals", RequiredFor = RequiredStage.Candidate }, TestDatabase.Ct))).Ok();
        return new HealthParty(tree, paid, late, resigned, lapsed, moving, candidate, deceased);
    }

    public static async Task<int> OfficeAsync(this TestDatabase database, int organizationId, string title, OfficeKind kind) =>
        (await database.RunAsync((db, a) => CreateOffice.HandleAsync(db, a, organizationId,
            new CreateOffice.Request { Title = title, Kind = kind }, TestDatabase.Ct))).Ok();

    public static async Task<ComputeHealth.Computed> ComputeAsync(this TestDatabase database, int flowMonths = ComputeHealth.DefaultFlowMonths)
    {
        await using var db = database.Context(Actor.System("health"));
        return await ComputeHealth.RunAsync(db, TestDatabase.Ct, flowMonths);
    }
}
