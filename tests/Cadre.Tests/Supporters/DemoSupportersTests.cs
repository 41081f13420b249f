using Cadre.Accounts;
using Cadre.Demo;
using Cadre.Supporters;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Supporters;

public sealed class DemoSupportersTests(SeededDemo demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_branch_has_supporters_with_and_without_consent_and_an_open_sign_up_form()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        var branch = await (from u in db.Users
                            join g in db.RoleGrants on u.Id equals g.UserId
                            where u.Email == DemoParty.PrimarySecretaryEmail
                            select g.OrganizationId).SingleAsync(Ct);
        var secretary = new Actor("u", "secretary", [(Role.Secretary, branch)]);

        var supporters = (await SupporterQueries.ListAsync(db, secretary, new SupporterFilter(), Ct)).Value.Items;
        Assert.Equal(4, supporters.Count);
        Assert.Equal(2, supporters.Count(s => s.Contact is null));
        var form = Assert.Single(await SupporterQueries.FormsAsync(db, secretary, Ct));
        Assert.True(form.IsOpen);
        var funnel = (await RecruitmentFunnel.RunAsync(db, secretary, branch!.Value, null, 12, Ct)).Value;
        Assert.Equal(4, funnel.Total.Supporters);
    }
}
