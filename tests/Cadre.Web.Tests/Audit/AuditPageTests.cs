using System.Net;
using Cadre.Accounts;

namespace Cadre.Web.Tests.Audit;

public sealed class AuditPageTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_edit_is_in_the_trail_for_the_administrator_the_regions_control_commission_and_the_secretary_only()
    {
        var tree = await app.CreateTreeAsync("AUD");
        var before = CadreApp.UniqueName("Oldname");
        var after = CadreApp.UniqueName("Newname");
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Kim", before);
        var secretary = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var form = await secretary.GetStringAsync($"/members/{member.MemberId}/edit", Ct);
        var saved = await CadreApp.PostFormAsync(secretary, $"/members/{member.MemberId}/edit", new()
        {
            ["Input.Person.GivenName"] = "Kim", ["Input.Person.FamilyName"] = after, ["Input.Person.DateOfBirth"] = "1980-03-04",
            ["Input.JoinedOn"] = "2019-01-02", ["Input.Status"] = "Member",
            ["Input.ExpectedVersion"] = CadreApp.FormValue(form, "Input.ExpectedVersion")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var personTrail = $"/audit?entityType=Person&entityId={member.PersonId}";
        var memberTrail = $"/audit?entityType=Member&entityId={member.MemberId}";

        var admin = await app.SignedInAsAsync(Role.Administrator, null);
        var details = await admin.GetStringAsync($"/members/{member.MemberId}", Ct);
        Assert.Contains($"href=\"/audit?entityType=Member&amp;entityId={member.MemberId}\"", details, StringComparison.Ordinal);
        var html = await admin.GetStringAsync(personTrail, Ct);
        Assert.Contains($"<del>{before}</del>", html, StringComparison.Ordinal);
        Assert.Contains($"<ins>{after}</ins>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/members/{member.MemberId}\">Person {member.PersonId}</a>", html, StringComparison.Ordinal);
        var membership = await admin.GetStringAsync(memberTrail, Ct);
        Assert.Contains("<del>2020-05-01</del>", membership, StringComparison.Ordinal);
        Assert.Contains("<ins>2019-01-02</ins>", membership, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/members/{member.MemberId}\">Member {member.MemberId}</a>", membership, StringComparison.Ordinal);

        var regionCommission = await app.SignedInAsAsync(Role.ControlCommission, tree.North);
        Assert.Contains($"<ins>{after}</ins>", await regionCommission.GetStringAsync(personTrail, Ct), StringComparison.Ordinal);
        Assert.Contains("<ins>2019-01-02</ins>", await regionCommission.GetStringAsync(memberTrail, Ct), StringComparison.Ordinal);

        var otherCommission = await app.SignedInAsAsync(Role.ControlCommission, tree.South);
        Assert.DoesNotContain(after, await otherCommission.GetStringAsync(personTrail, Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(after, await otherCommission.GetStringAsync("/audit", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("2019-01-02", await otherCommission.GetStringAsync(memberTrail, Ct), StringComparison.Ordinal);

        // The secretary who edited reads the trail of their own subtree (decision 0008), a secretary elsewhere does not see it.
        Assert.Contains($"<ins>{after}</ins>", await secretary.GetStringAsync(personTrail, Ct), StringComparison.Ordinal);
        var otherSecretary = await app.SignedInAsAsync(Role.Secretary, tree.South);
        Assert.DoesNotContain(after, await otherSecretary.GetStringAsync(personTrail, Ct), StringComparison.Ordinal);

        // A treasurer neither edits nor reads the trail.
        var treasurer = await app.SignedInAsAsync(Role.Treasurer, tree.North);
        Assert.DoesNotContain("/audit?", await treasurer.GetStringAsync($"/members/{member.MemberId}", Ct), StringComparison.Ordinal);
        var refused = await treasurer.GetAsync("/audit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/error/403", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_filters_are_shown_as_field_errors()
    {
        var admin = await app.SignedInAsAsync(Role.Administrator, null);
        var response = await admin.GetAsync("/audit?entityType=Nonsense&from=yesterday&to=2020-13-40&cursor=%25%25", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Choose one of the listed kinds.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"from\" name=\"from\" type=\"date\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("The value &#x27;yesterday&#x27; is not valid for From.", html, StringComparison.Ordinal);

        var farOff = await admin.GetAsync("/audit?from=0001-01-01&to=9999-12-31", Ct);
        Assert.Equal(HttpStatusCode.OK, farOff.StatusCode);
        Assert.Contains("Give a date between 1900 and 2999.", await farOff.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var cursor = await admin.GetAsync("/audit?cursor=not-a-cursor", Ct);
        Assert.Equal(HttpStatusCode.OK, cursor.StatusCode);
        Assert.Contains("The cursor is not one this server handed out.", await cursor.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
