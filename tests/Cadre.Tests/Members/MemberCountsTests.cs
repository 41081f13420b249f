using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Members;

public sealed class MemberCountsTests
{
    private static readonly Actor Admin = Actor.System("test");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Counts_cover_the_whole_subtree_by_status_and_by_occupation_and_nothing_outside_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var occupation = await database.Context().Classifiers.Where(c => c.Kind == ClassifierKind.Occupation).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        var ana = (await database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person("Ana", "Silva") with { OccupationId = occupation })).Ok().MemberId;
        var rui = (await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa")).MemberId;
        await database.TryRegisterMemberAsync(tree.NorthBranch2, Arrange.Person("Eva", "Lima") with { OccupationId = occupation });
        await database.RegisterMemberAsync(tree.SouthBranch, "Zé", "Sousa");
        (await database.RunAsync((db, a) => Resign.HandleAsync(db, a, ana, ArrangeMembership.Decided(new(2025, 1, 1)), Ct))).Ok();
        var registered = (await database.MemberAsync(rui)).Status;
        Assert.NotEqual(MemberStatus.Resigned, registered);

        var north = (await MemberCounts.ByStatusAsync(database.Context(), Admin, tree.North, Ct)).Ok();
        Assert.Equal(new Dictionary<MemberStatus, int> { [registered] = 2, [MemberStatus.Resigned] = 1 }, north.ToDictionary(c => c.Status, c => c.Members));
        Assert.Equal(4, (await MemberCounts.ByStatusAsync(database.Context(), Admin, tree.Centre, Ct)).Ok().Sum(c => c.Members));
        Assert.Equal([new StatusCount(registered, 1)], (await MemberCounts.ByStatusAsync(database.Context(), Admin, tree.NorthBranch2, Ct)).Ok());

        var byOccupation = (await MemberCounts.ByOccupationAsync(database.Context(), Admin, tree.North, Ct)).Ok();
        Assert.Equal([new OccupationCount(null, 1), new OccupationCount(occupation, 2)], byOccupation.OrderBy(c => c.OccupationId ?? 0));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_secretary_counts_only_inside_their_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var secretary = Arrange.Holding(Role.Secretary, tree.North);

        Assert.Equal(1, (await MemberCounts.ByStatusAsync(database.Context(), secretary, tree.NorthDistrict, Ct)).Ok().Sum(c => c.Members));
        (await MemberCounts.ByStatusAsync(database.Context(), secretary, tree.South, Ct)).Fails<OrganizationNotFound, List<StatusCount>>();
        (await MemberCounts.ByOccupationAsync(database.Context(), secretary, tree.Centre, Ct)).Fails<OrganizationNotFound, List<OccupationCount>>();
    }
}
