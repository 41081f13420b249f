using Cadre.Accounts;

namespace Cadre.Web.Tests.Members;

/// The member page leads to the member's dues for those who may read them, and to nothing they may not open.
public sealed class MemberLinksTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_member_page_links_the_dues_for_a_treasurer_and_not_for_an_education_officer()
    {
        var tree = await app.CreateTreeAsync("ML");
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Ida", CadreApp.UniqueName("Links"));
        var dues = $"href=\"/dues/members/{member.MemberId}\"";

        var treasurer = await app.SignedInAsAsync(Role.Treasurer, tree.NorthDistrict);
        Assert.Contains(dues, await treasurer.GetStringAsync($"/members/{member.MemberId}", Ct), StringComparison.Ordinal);

        var education = await app.SignedInAsAsync(Role.EducationOfficer, tree.NorthDistrict);
        var page = await education.GetStringAsync($"/members/{member.MemberId}", Ct);
        Assert.DoesNotContain(dues, page, StringComparison.Ordinal);
        Assert.DoesNotContain("/audit?", page, StringComparison.Ordinal);
    }
}
