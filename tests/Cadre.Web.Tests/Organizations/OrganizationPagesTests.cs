using System.Net;
using Cadre.Accounts;
using Cadre.Audit;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Organizations;

public sealed class OrganizationPagesTests(CadreApp app) : IClassFixture<CadreApp>, IAsyncLifetime
{
    private CadreApp.Tree tree = null!;
    private HttpClient secretary = null!;

    public async ValueTask InitializeAsync()
    {
        tree = await app.CreateTreeAsync();
        var email = $"secretary-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Role.Secretary, tree.NorthDistrict);
        secretary = await app.SignedInClientAsync(email);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_tree_starts_at_the_secretarys_district_and_expands_on_demand()
    {
        var page = await secretary.GetStringAsync("/organizations", Ct);
        Assert.Contains("Riverside District", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Hillside District", page, StringComparison.Ordinal);
        Assert.DoesNotContain("North Region", page, StringComparison.Ordinal);
        var children = await secretary.GetStringAsync($"/organizations/tree?parentId={tree.NorthDistrict}", Ct);
        Assert.Contains("Dockworkers Branch", children, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/organizations/tree?parentId={tree.SouthDistrict}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Search_finds_by_name_prefix_and_code_within_scope_only()
    {
        var byName = await secretary.GetStringAsync("/organizations/search?search=dock", Ct);
        Assert.Contains("Dockworkers Branch", byName, StringComparison.Ordinal);
        var byCode = await secretary.GetStringAsync("/organizations/search?search=n-1-1", Ct);
        Assert.Contains("Dockworkers Branch", byCode, StringComparison.Ordinal);
        var outside = await secretary.GetStringAsync("/organizations/search?search=farmers", Ct);
        Assert.DoesNotContain("Farmers Branch", outside, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_districts_pages_are_not_found()
    {
        foreach (var path in new[] { $"/organizations/{tree.SouthDistrict}", $"/organizations/{tree.SouthBranch}/rename",
                     $"/organizations/{tree.SouthBranch}/move", $"/organizations/{tree.SouthBranch}/offices", $"/organizations/new?parentId={tree.SouthDistrict}" })
        {
            var response = await secretary.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            Assert.Contains("Not found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_duplicate_code_shows_a_field_error_and_creates_nothing()
    {
        var before = await app.WithDbAsync(db => db.Organizations.CountAsync());
        var levelId = await app.LevelIdAsync(3);
        var response = await CadreApp.PostFormAsync(secretary, $"/organizations/new?parentId={tree.NorthDistrict}", new()
        {
            ["Input.Name"] = "Second Dockworkers", ["Input.Code"] = "s-1-1", ["Input.LevelId"] = levelId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.FoundedOn"] = "2020-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The code S-1-1 is already used by another organization.", html, StringComparison.Ordinal);
        Assert.Contains("field-validation-error", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task Creating_through_the_form_leads_to_the_new_organizations_page()
    {
        var levelId = await app.LevelIdAsync(3);
        var response = await CadreApp.PostFormAsync(secretary, $"/organizations/new?parentId={tree.NorthDistrict}", new()
        {
            ["Input.Name"] = "Railway Branch", ["Input.Code"] = "N-1-2", ["Input.LevelId"] = levelId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.FoundedOn"] = "2021-03-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await secretary.GetStringAsync(response.Headers.Location!.ToString(), Ct);
        Assert.Contains("Railway Branch", page, StringComparison.Ordinal);
        Assert.Contains("Riverside District", page, StringComparison.Ordinal); // breadcrumbs
    }

    [Fact]
    public async Task A_forged_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var response = await secretary.PostAsync($"/organizations/{tree.NorthBranch}/rename",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Forged" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("security token", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("Dockworkers Branch", await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == tree.NorthBranch).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Renaming_keeps_the_old_name_in_the_history_and_the_audit_trail()
    {
        var id = await app.CreateOrganizationAsync("N-1-5", "Old Mill Branch", 3, tree.NorthDistrict, new DateOnly(2001, 1, 1));
        var response = await CadreApp.PostFormAsync(secretary, $"/organizations/{id}/rename", new()
        {
            ["Input.Name"] = "New Mill Branch", ["Input.Code"] = "N-1-5", ["Input.EffectiveOn"] = "2022-01-01", ["Input.ExpectedVersion"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await secretary.GetStringAsync($"/organizations/{id}", Ct);
        Assert.Contains("Old Mill Branch", page, StringComparison.Ordinal);
        Assert.Contains("New Mill Branch", page, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Organization" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditAction.Updated).SingleAsync());
        Assert.StartsWith("secretary-", entry.UserName, StringComparison.Ordinal);
        Assert.Contains("Old Mill Branch", entry.Before, StringComparison.Ordinal);
        Assert.Contains("New Mill Branch", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_under_an_unknown_code_shows_a_field_error()
    {
        var response = await CadreApp.PostFormAsync(secretary, $"/organizations/{tree.NorthBranch}/move", new()
        {
            ["Input.NewParentCode"] = "NOPE", ["Input.EffectiveOn"] = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is no such organization to move it under.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offices_record_terms_and_refuse_a_term_that_ends_before_it_starts()
    {
        var branch = await app.CreateOrganizationAsync("N-1-7", "Tram Branch", 3, tree.NorthDistrict);
        var holder = await app.RegisterMemberAsync(branch, "Rosa", "Keller");
        var page = $"/organizations/{branch}/offices";
        var added = await CadreApp.PostFormAsync(secretary, page, new() { ["NewOffice.Title"] = "Secretary", ["NewOffice.Kind"] = "1", ["NewOffice.Seats"] = "1" },
            page + "?handler=AddOffice");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var officeId = await app.WithDbAsync(db => db.Offices.Where(o => o.OrganizationId == branch).Select(o => o.Id).SingleAsync());

        var backwards = await CadreApp.PostFormAsync(secretary, page, new()
        {
            ["Appoint.OfficeId"] = officeId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Appoint.MemberNumber"] = holder.Number,
            ["Appoint.StartsOn"] = "2024-05-01", ["Appoint.EndsOn"] = "2024-01-01",
        }, page + "?handler=Appoint");
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Contains("A term cannot end before it starts.", await backwards.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Terms.CountAsync(t => t.OfficeId == officeId)));

        var appointed = await CadreApp.PostFormAsync(secretary, page, new()
        {
            ["Appoint.OfficeId"] = officeId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Appoint.MemberNumber"] = holder.Number,
            ["Appoint.StartsOn"] = "2024-05-01",
        }, page + "?handler=Appoint");
        Assert.Equal(HttpStatusCode.Redirect, appointed.StatusCode);
        var details = await secretary.GetStringAsync($"/organizations/{branch}", Ct);
        Assert.Contains("Rosa Keller", details, StringComparison.Ordinal);
        Assert.Contains("since 2024-05-01", details, StringComparison.Ordinal);
    }
}
