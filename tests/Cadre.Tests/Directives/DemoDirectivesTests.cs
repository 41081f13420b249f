using Cadre.Accounts;
using Cadre.Demo;
using Cadre.Directives;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Directives;

public sealed class DemoDirectivesTests(SeededDemo demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_directives_with_reports_an_overdue_one_and_one_passed_on_and_the_branch_has_work_in_its_inbox()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();

        var directives = await db.Directives.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(4, directives.Count);
        var passedOn = Assert.Single(directives, d => d.ParentDirectiveId is not null);
        Assert.True(passedOn.DueOn < directives.Single(d => d.Id == passedOn.ParentDirectiveId).DueOn);
        var dues = directives.Single(d => d.Title.StartsWith("Dues", StringComparison.Ordinal));
        var rollup = (await DirectiveRollup.RunAsync(db, Actor.System("test"), dues.Id, null, Ct)).Value;
        Assert.True(rollup.Total.ReportsIn > 0 && rollup.Total.Overdue > 0 && rollup.Total.Accepted > 0);

        var branch = await (from u in db.Users
                            join g in db.RoleGrants on u.Id equals g.UserId
                            where u.Email == DemoParty.PrimarySecretaryEmail
                            select g.OrganizationId).SingleAsync(Ct);
        var secretary = new Actor("u", "secretary", [(Role.Secretary, branch)]);
        var inbox = (await DirectiveInbox.ForAsync(db, secretary, null, Ct)).Value;
        Assert.Contains(inbox.ToActOn, i => i.Title.StartsWith("Recruitment", StringComparison.Ordinal) && i.Status == AssignmentStatus.Received);
        Assert.Contains(inbox.ToActOn, i => i.Title == "Study of the programme");
    }
}
