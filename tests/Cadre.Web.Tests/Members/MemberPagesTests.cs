using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Members;

public sealed class MemberPagesTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_district_secretary_lists_only_the_members_of_their_district()
    {
        var tree = await app.CreateTreeAsync("LST");
        var north = CadreApp.UniqueName("Northman");
        var south = CadreApp.UniqueName("Southman");
        await app.RegisterMemberAsync(tree.NorthBranch, "Alice", north);
        await app.RegisterMemberAsync(tree.SouthBranch, "Bob", south);

        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var html = await browser.GetStringAsync("/members", Ct);
        Assert.Contains(north, html, StringComparison.Ordinal);
        Assert.DoesNotContain(south, html, StringComparison.Ordinal);
        var searched = await browser.GetStringAsync($"/members?search={south}", Ct);
        Assert.DoesNotContain(south + ",", searched, StringComparison.Ordinal);

        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var json = await api.GetStringAsync("/api/v1/members?limit=200", Ct);
        Assert.Contains(north, json, StringComparison.Ordinal);
        Assert.DoesNotContain(south, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_districts_member_is_not_found_by_page_or_api()
    {
        var tree = await app.CreateTreeAsync("NF");
        var other = await app.RegisterMemberAsync(tree.SouthBranch, "Carla", CadreApp.UniqueName("Elsewhere"));
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/members/{other.MemberId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/members/{other.MemberId}/edit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/members?organizationId={tree.SouthDistrict}", Ct)).StatusCode);

        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/members/{other.MemberId}", Ct)).StatusCode);
        var put = await api.PutAsJsonAsync($"/api/v1/members/{other.MemberId}", new
        {
            person = new { givenName = "Hacked", familyName = "Hacked" }, joinedOn = "2020-05-01", status = "Member",
        }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var stored = await app.WithDbAsync(db => db.People.Where(p => p.Id == other.PersonId).Select(p => p.GivenName).SingleAsync(Ct));
        Assert.Equal("Carla", stored);
    }

    [Fact]
    public async Task Registering_a_member_through_the_form_shows_their_new_number()
    {
        var tree = await app.CreateTreeAsync("NEW");
        var family = CadreApp.UniqueName("Formby");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var response = await CadreApp.PostFormAsync(browser, $"/members/new?organizationId={tree.NorthBranch}", new()
        {
            ["Input.Person.GivenName"] = "Dora", ["Input.Person.FamilyName"] = family, ["Input.Person.DateOfBirth"] = "1990-02-03",
            ["Input.Person.Sex"] = "Female", ["Input.Person.Email"] = "dora@example.org",
            ["Input.OrganizationId"] = tree.NorthBranch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.JoinedOn"] = "2021-06-01", ["Input.Status"] = "Candidate",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/members/[0-9]+$", location);
        var number = await app.WithDbAsync(db => db.Members.Where(m => m.Person.FamilyName == family).Select(m => m.Number).SingleAsync(Ct));
        var page = await browser.GetStringAsync(location, Ct);
        Assert.Contains($"registered with the member number {number}", page, StringComparison.Ordinal);
        Assert.Contains($"<strong class=\"member-number\">{number}</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Candidate member", page, StringComparison.Ordinal);
        Assert.Contains($"{tree.NorthBranch}\">NEW Dockworkers Branch</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_date_of_birth_is_shown_at_its_field_and_registers_nobody()
    {
        var tree = await app.CreateTreeAsync("DOB");
        var family = CadreApp.UniqueName("Future");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var response = await CadreApp.PostFormAsync(browser, "/members/new", new()
        {
            ["Input.Person.GivenName"] = "Eve", ["Input.Person.FamilyName"] = family,
            ["Input.Person.DateOfBirth"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OrganizationId"] = tree.NorthBranch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("The date of birth cannot be in the future.", CadreApp.FieldError(html, "Input.Person.DateOfBirth"));
        Assert.Equal(family, CadreApp.FormValue(html, "Input.Person.FamilyName"));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.FamilyName == family, Ct)));
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_never_a_server_error()
    {
        var tree = await app.CreateTreeAsync("BAD");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var response = await CadreApp.PostFormAsync(browser, "/members/new", new()
        {
            ["Input.Person.GivenName"] = new string('x', 101), ["Input.Person.FamilyName"] = "",
            ["Input.Person.DateOfBirth"] = "not a date", ["Input.Person.Sex"] = "99", ["Input.Person.OccupationId"] = "123456",
            ["Input.Person.Email"] = "no-at-sign", ["Input.OrganizationId"] = tree.SouthBranch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Status"] = "Emperor",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.NotNull(CadreApp.FieldError(html, "Input.Person.GivenName"));
        Assert.NotNull(CadreApp.FieldError(html, "Input.Person.DateOfBirth"));
        Assert.NotNull(CadreApp.FieldError(html, "Input.Status"));

        // Valid form, but an organization outside the secretary's district and an unknown occupation.
        response = await CadreApp.PostFormAsync(browser, "/members/new", new()
        {
            ["Input.Person.GivenName"] = "Finn", ["Input.Person.FamilyName"] = "Outsider", ["Input.Person.OccupationId"] = "123456",
            ["Input.OrganizationId"] = tree.SouthBranch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("That is not one of the listed values.", CadreApp.FieldError(html, "Input.Person.OccupationId"));
        response = await CadreApp.PostFormAsync(browser, "/members/new", new()
        {
            ["Input.Person.GivenName"] = "Finn", ["Input.Person.FamilyName"] = "Outsider",
            ["Input.OrganizationId"] = tree.SouthBranch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("Choose an organization whose members you manage.", CadreApp.FieldError(html, "Input.OrganizationId"));

        foreach (var query in new[] { "?status=Emperor", "?cursor=%%%", "?cursor=bm90LWEtY3Vyc29y", "?organizationId=abc", "?sex=7&occupationId=-1",
                     "?search=" + new string('a', 5000), "?organizationId=2147483647" })
        {
            var list = await browser.GetAsync("/members" + query, Ct);
            Assert.True(list.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{query}: {(int)list.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/members/999999", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_forged_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var tree = await app.CreateTreeAsync("CSRF");
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Gil", CadreApp.UniqueName("Forged"));
        var family = CadreApp.UniqueName("Forger");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var create = await browser.PostAsync("/members/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Person.GivenName"] = "Hal", ["Input.Person.FamilyName"] = family,
            ["Input.OrganizationId"] = tree.NorthBranch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), Ct);
        var edit = await browser.PostAsync($"/members/{member.MemberId}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Person.GivenName"] = "Hacked", ["Input.Person.FamilyName"] = "Hacked", ["Input.JoinedOn"] = "2020-05-01",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.FamilyName == family, Ct)));
        Assert.Equal("Gil", await app.WithDbAsync(db => db.People.Where(p => p.Id == member.PersonId).Select(p => p.GivenName).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Editing_a_member_saves_and_a_stale_form_is_refused_with_a_clear_error()
    {
        var tree = await app.CreateTreeAsync("EDIT");
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Ida", CadreApp.UniqueName("Before"));
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var staleForm = await browser.GetStringAsync($"/members/{member.MemberId}/edit", Ct);
        var version = CadreApp.FormValue(staleForm, "Input.ExpectedVersion")!;
        var after = CadreApp.UniqueName("After");

        var saved = await CadreApp.PostFormAsync(browser, $"/members/{member.MemberId}/edit", Fields("Ida", after, version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/members/{member.MemberId}", saved.Headers.Location!.ToString());
        var page = await browser.GetStringAsync($"/members/{member.MemberId}", Ct);
        Assert.Contains("The member&#x27;s data is saved.", page, StringComparison.Ordinal);
        Assert.Contains(after, page, StringComparison.Ordinal);

        // A second form opened before the first save still carries the old version.
        var stale = await CadreApp.PostFormAsync(browser, $"/members/{member.MemberId}/edit", Fields("Ida", "Overwritten", version));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this member", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(after, await app.WithDbAsync(db => db.People.Where(p => p.Id == member.PersonId).Select(p => p.FamilyName).SingleAsync(Ct)));

        var damaged = await CadreApp.PostFormAsync(browser, $"/members/{member.MemberId}/edit", Fields("Ida", "Damaged", "not-a-number"));
        Assert.Contains("The form was damaged in transit.", await damaged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        static Dictionary<string, string> Fields(string given, string family, string version) => new()
        {
            ["Input.Person.GivenName"] = given, ["Input.Person.FamilyName"] = family, ["Input.Person.DateOfBirth"] = "1980-03-04",
            ["Input.JoinedOn"] = "2020-05-01", ["Input.Status"] = "Member", ["Input.ExpectedVersion"] = version,
        };
    }

    [Fact]
    public async Task Typing_in_the_search_box_gets_only_the_table_back()
    {
        var tree = await app.CreateTreeAsync("HTMX");
        var family = CadreApp.UniqueName("Searchable");
        await app.RegisterMemberAsync(tree.NorthBranch, "Jo", family);
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var full = await browser.GetStringAsync($"/members?search={family[..12]}", Ct);
        Assert.Contains("hx-get=\"/members\"", full, StringComparison.Ordinal);
        Assert.Contains("<html", full, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/members?search={family[..12]}");
        request.Headers.Add("HX-Request", "true");
        var partial = await (await browser.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<html", partial, StringComparison.Ordinal);
        Assert.Contains(family, partial, StringComparison.Ordinal);
        Assert.Matches(new Regex("<table"), partial);
    }

    [Fact]
    public async Task The_list_pages_with_a_next_page_link()
    {
        var tree = await app.CreateTreeAsync("PAGE");
        var stem = CadreApp.UniqueName("Paged");
        for (var i = 0; i < 52; i++) await app.RegisterMemberAsync(tree.NorthBranch, "P" + i, stem + (char)('a' + (i / 26)) + (char)('a' + (i % 26)));
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);

        var first = await browser.GetStringAsync($"/members?search={stem}", Ct);
        Assert.Equal(50, Regex.Count(first, "<a href=\"/members/[0-9]+\">"));
        var next = Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\">Next page</a>");
        Assert.True(next.Success);
        var second = await browser.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value), Ct);
        Assert.Equal(2, Regex.Count(second, "<a href=\"/members/[0-9]+\">"));
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
    }
}
