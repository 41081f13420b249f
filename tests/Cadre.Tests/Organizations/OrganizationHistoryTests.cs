using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Organizations;

public sealed class OrganizationHistoryTests
{
    private static readonly Actor Admin = Actor.System("test");

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_tree_on_a_past_date_shows_the_old_name_and_parent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        (await RenameAsync(database, tree.North, "Northern Region", new DateOnly(2024, 1, 1))).Ok();
        (await MoveOrganizationTests.MoveAsync(database, tree.NorthDistrict, tree.South, new DateOnly(2024, 6, 1))).Ok();

        var regions2023 = await TreeOnAsync(database, new DateOnly(2023, 12, 31), tree.Centre);
        var regions2024 = await TreeOnAsync(database, new DateOnly(2024, 1, 1), tree.Centre);
        Assert.Equal(["North Region", "South Region"], regions2023.Select(r => r.Name));
        Assert.Equal(["Northern Region", "South Region"], regions2024.Select(r => r.Name));

        var northInMay = await TreeOnAsync(database, new DateOnly(2024, 5, 31), tree.North);
        var northInJune = await TreeOnAsync(database, new DateOnly(2024, 6, 1), tree.North);
        var southInJune = await TreeOnAsync(database, new DateOnly(2024, 6, 1), tree.South);
        Assert.Contains(northInMay, r => r.OrganizationId == tree.NorthDistrict && r.ParentId == tree.North);
        Assert.DoesNotContain(northInJune, r => r.OrganizationId == tree.NorthDistrict);
        Assert.Contains(southInJune, r => r.OrganizationId == tree.NorthDistrict && r.ParentId == tree.South && r.HasChildren);

        await using var db = database.Context();
        Assert.Equal("Northern Region", await db.Organizations.Where(o => o.Id == tree.North).Select(o => o.Name).SingleAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_tree_before_a_founding_date_does_not_show_the_organization(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var late = await database.CreateOrganizationAsync("N-1-3", "Harbour Branch", 3, tree.NorthDistrict, new DateOnly(2010, 1, 1));

        Assert.DoesNotContain(await TreeOnAsync(database, new DateOnly(2009, 12, 31), tree.NorthDistrict), r => r.OrganizationId == late);
        Assert.Contains(await TreeOnAsync(database, new DateOnly(2010, 1, 1), tree.NorthDistrict), r => r.OrganizationId == late);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_change_effective_before_the_last_change_is_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        (await RenameAsync(database, tree.North, "Northern Region", new DateOnly(2024, 1, 1))).Ok();

        var rename = await RenameAsync(database, tree.North, "Old North", new DateOnly(2023, 6, 1));
        var move = await MoveOrganizationTests.MoveAsync(database, tree.NorthDistrict, tree.South, new DateOnly(1999, 1, 1));

        Assert.Equal(new DateOnly(2024, 1, 1), rename.Fails<EffectiveDateBeforeLastChange, Done>().Last);
        Assert.Equal("EffectiveOn", move.Fails<EffectiveDateBeforeLastChange, Done>().Field);
        await using var db = database.Context();
        Assert.Equal("Northern Region", await db.Organizations.Where(o => o.Id == tree.North).Select(o => o.Name).SingleAsync(TestDatabase.Ct));
        Assert.Equal(2, await db.OrganizationVersions.CountAsync(v => v.OrganizationId == tree.North, TestDatabase.Ct));
        Assert.Equal(tree.North, await db.Organizations.Where(o => o.Id == tree.NorthDistrict).Select(o => o.ParentId).SingleAsync(TestDatabase.Ct));
        await MoveOrganizationTests.AssertClosureMatchesParentsAsync(database);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_change_effective_in_the_future_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        var result = await RenameAsync(database, tree.North, "Northern Region", database.Clock.Today.AddDays(1));

        result.Fails<EffectiveDateInFuture, Done>();
    }

    private static Task<Result<Done>> RenameAsync(TestDatabase database, int id, string name, DateOnly on) =>
        RenameOrganization.HandleAsync(database.Context(), Admin, id, new RenameOrganization.Request { Name = name, EffectiveOn = on }, TestDatabase.Ct);

    private static async Task<IReadOnlyList<VersionRow>> TreeOnAsync(TestDatabase database, DateOnly on, int parentId) =>
        (await OrganizationQueries.TreeOnAsync(database.Context(), Admin, on, parentId, TestDatabase.Ct)).Ok();
}
