using Cadre.Accounts;
using Cadre.Data;
using Cadre.Directives;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Directives.DirectiveArrange;

namespace Cadre.Tests.Directives;

public sealed class IssueDirectiveTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_directive_reaches_the_whole_subtree_the_chosen_levels_or_the_chosen_organizations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.Centre);
        var primary = await database.LevelIdAsync(3);

        var whole = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(30)), secretary)).Ok();
        var primaries = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(30), DirectiveTarget.Levels, levels: [primary]), secretary)).Ok();
        var chosen = (await database.IssueAsync(Directive(tree.Centre, Today.AddDays(30), DirectiveTarget.Organizations,
            organizations: [tree.NorthBranch, tree.SouthBranch]), secretary)).Ok();
        var district = (await database.IssueAsync(Directive(tree.NorthDistrict, Today.AddDays(30)), Arrange.Holding(Role.Secretary, tree.NorthDistrict))).Ok();

        Assert.Equal((9, 4, 2, 2), (whole.Assignments, primaries.Assignments, chosen.Assignments, district.Assignments));
        await using var db = database.Context();
        var received = await db.Assignments.Where(a => a.DirectiveId == chosen.DirectiveId).OrderBy(a => a.OrganizationId).ToListAsync(TestDatabase.Ct);
        Assert.Equal([tree.NorthBranch, tree.SouthBranch], received.Select(a => a.OrganizationId));
        Assert.All(received, a => Assert.Equal((AssignmentStatus.Received, Today.AddDays(30), primary, chosen.DirectiveId), (a.Status, a.DueOn, a.LevelId, a.RootDirectiveId)));
        Assert.Equal([tree.NorthBranch, tree.NorthBranch2],
            await db.Assignments.Where(a => a.DirectiveId == district.DirectiveId).Select(a => a.OrganizationId).OrderBy(x => x).ToListAsync(TestDatabase.Ct));

        // The directive has its own audit entry, its assignments one entry that counts them.
        var entries = await db.AuditEntries.Where(e => e.EntityId == whole.DirectiveId.ToString()).Select(e => new { e.EntityType, e.After }).ToListAsync(TestDatabase.Ct);
        Assert.Contains(entries, e => e.EntityType == "Directive");
        Assert.Contains(entries, e => e.EntityType == "DirectiveAssignments" && e.After!.Contains("\"Assigned\":9", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Bad_directives_are_refused_and_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var north = Arrange.Holding(Role.Secretary, tree.North);
        var regional = await database.LevelIdAsync(1);
        var primary = await database.LevelIdAsync(3);

        // Outside the issuer's subtree, a level not below it, a due date before the issue date, no title, an empty choice.
        Assert.IsType<TargetOutsideSubtree>((await database.IssueAsync(Directive(tree.North, Today.AddDays(9), DirectiveTarget.Organizations,
            organizations: [tree.NorthBranch, tree.SouthBranch]), north)).Error);
        Assert.IsType<TargetOutsideSubtree>((await database.IssueAsync(Directive(tree.North, Today.AddDays(9), DirectiveTarget.Organizations,
            organizations: [tree.North]), north)).Error);
        Assert.IsType<TargetLevelNotBelow>((await database.IssueAsync(Directive(tree.North, Today.AddDays(9), DirectiveTarget.Levels, levels: [regional]), north)).Error);
        Assert.IsType<TargetOrganizationsRequired>((await database.IssueAsync(Directive(tree.North, Today.AddDays(9), DirectiveTarget.Organizations), north)).Error);
        var early = (await database.IssueAsync(Directive(tree.North, Today.AddDays(-1)), north)).Fails<Cadre.Common.ValidationFailed, IssueDirective.Issued>();
        Assert.Contains(early.Errors, e => e is DueBeforeIssue);
        var untitled = (await database.IssueAsync(Directive(tree.North, Today.AddDays(9)) with { Title = " ", Figures = ["a", "A"] }, north))
            .Fails<Cadre.Common.ValidationFailed, IssueDirective.Issued>();
        Assert.Equal(["Title", "Figures"], untitled.Errors.Select(e => e.FieldName));
        // A branch has nothing below it; a secretary of the south issues nothing for the north; the control commission issues nothing.
        Assert.IsType<NoReceivingOrganizations>((await database.IssueAsync(Directive(tree.NorthBranch, Today.AddDays(9)), Arrange.Holding(Role.Secretary, tree.NorthBranch))).Error);
        Assert.IsType<IssuerNotFound>((await database.IssueAsync(Directive(tree.North, Today.AddDays(9)), Arrange.Holding(Role.Secretary, tree.South))).Error);
        Assert.IsType<DirectivesNotPermitted>((await database.IssueAsync(Directive(tree.North, Today.AddDays(9)), Arrange.Holding(Role.ControlCommission, tree.Centre))).Error);
        Assert.IsType<IssuerBodyNotFound>((await database.IssueAsync(Directive(tree.North, Today.AddDays(9)) with { IssuerBodyId = 999 }, north)).Error);
        _ = primary;

        await using var db = database.Context();
        Assert.Equal((0, 0), (await db.Directives.CountAsync(TestDatabase.Ct), await db.Assignments.CountAsync(TestDatabase.Ct)));
    }
}
