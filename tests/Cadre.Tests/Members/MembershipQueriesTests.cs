using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using static Cadre.Tests.Infrastructure.ArrangeMembership;

namespace Cadre.Tests.Members;

public sealed class MembershipQueriesTests
{
    private static readonly CancellationToken Ct = TestDatabase.Ct;

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_member_view_holds_history_sanctions_and_the_pending_transfer_and_applications_are_scoped(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var applicant = await database.ApplicantAsync(tree.NorthBranch);
        await database.ApplicantAsync(tree.SouthBranch, "Sara", "South");
        var ana = (await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva")).MemberId;
        (await database.RunAsync((db, a) => ImposeSanction.HandleAsync(db, a, ana,
            new ImposeSanction.Request { Kind = SanctionKind.Warning, On = new(2025, 1, 2), Reason = "Late" }, Ct))).Ok();
        (await database.RunAsync((db, a) => RequestTransfer.HandleAsync(db, a,
            new RequestTransfer.Request { MemberId = ana, ToOrganizationId = tree.SouthBranch, On = new(2025, 1, 3) }, Ct))).Ok();

        await using var db = database.Context();
        var view = (await MembershipQueries.ForMemberAsync(db, Admin, ana, Ct)).Ok();
        Assert.Equal([MembershipEventKind.TransferRequested, MembershipEventKind.Warn], view.History.Select(h => h.Kind));
        Assert.Equal(("Late", "Dockworkers Branch"), (Assert.Single(view.Sanctions).Reason, view.Sanctions[0].DecidedBy));
        Assert.Equal("Farmers Branch", view.PendingTransfer!.ToOrganization);
        Assert.Contains(MembershipEventKind.Resign, view.NextSteps);

        var applications = await MembershipQueries.ApplicationsAsync(db, Arrange.Holding(Role.Secretary, tree.North), Ct);
        Assert.Equal([applicant], applications.Select(a => a.MemberId));
        Assert.Equal("Iva Novak", applications[0].Name);
    }
}
