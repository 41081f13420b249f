using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Supporters;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Supporters;

/// Supporters over HTTP and on their pages, within a subtree: contacts only with consent, conversion to an applicant.
public sealed class SupportersWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static readonly string[] Housing = ["housing"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    private static async Task<int> RegisterAsync(HttpClient client, int organizationId, string name, string email, params object[] consents)
    {
        var created = await client.PostAsJsonAsync("/api/v1/supporters", new
        {
            organizationId, source = "Event", details = new { name, email, phone = "+44 20 7946 0958", interests = Housing }, consents,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task The_api_omits_contacts_without_consent_and_keeps_other_branches_out()
    {
        var tree = await app.CreateTreeAsync("SA");
        var north = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var south = await app.ApiClientAsync(Role.Secretary, tree.SouthBranch);
        var control = await app.ApiClientAsync(Role.ControlCommission, tree.Centre);
        var silent = await RegisterAsync(north, tree.NorthBranch, "Boris Ivanov", "boris@sa.example.org");
        var consenting = await RegisterAsync(north, tree.NorthBranch, "Ana Petrova", "ana@sa.example.org", new { purpose = "News", how = "Paper" });

        var list = await north.GetFromJsonAsync<JsonElement>($"/api/v1/supporters?organizationId={tree.NorthBranch}", Ct);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Ana Petrova", "Boris Ivanov"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal("ana@sa.example.org", items[0].GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("contact").ValueKind);
        Assert.DoesNotContain("boris@sa.example.org", list.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/supporters/{silent}", Ct)).StatusCode);
        var outside = await south.PostAsJsonAsync($"/api/v1/supporters/{silent}/consents", new { purpose = "Events", how = "Verbal" }, Ct);
        Assert.Equal((HttpStatusCode.NotFound, "SupporterNotFound"), (outside.StatusCode, await CodeOf(outside)));
        Assert.DoesNotContain("Boris", await outside.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/supporters?organizationId={tree.NorthBranch}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await control.PostAsync($"/api/v1/supporters/{silent}/erasure", null, Ct)).StatusCode);
        var twice = await north.PostAsJsonAsync($"/api/v1/supporters/{consenting}/consents", new { purpose = "News", how = "Verbal" }, Ct);
        Assert.Equal((HttpStatusCode.Conflict, "ConsentAlreadyGiven"), (twice.StatusCode, await CodeOf(twice)));
        var bad = await north.PostAsJsonAsync("/api/v1/supporters", new { organizationId = tree.NorthBranch, details = new { name = "", email = "nope" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await north.PostAsJsonAsync($"/api/v1/supporters/{silent}/consents", new { purpose = "Events", how = "Verbal" }, Ct)).StatusCode);
        var detail = await north.GetFromJsonAsync<JsonElement>($"/api/v1/supporters/{silent}", Ct);
        Assert.Equal("boris@sa.example.org", detail.GetProperty("contact").GetProperty("email").GetString());
        var consent = detail.GetProperty("consents")[0].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await north.PostAsJsonAsync($"/api/v1/supporters/{silent}/consents/{consent}/withdraw", new { }, Ct)).StatusCode);
        var after = await north.GetFromJsonAsync<JsonElement>($"/api/v1/supporters/{silent}", Ct);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("contact").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("consents")[0].GetProperty("withdrawnOn").ValueKind);

        var funnel = await control.GetFromJsonAsync<JsonElement>($"/api/v1/supporters/funnel?organizationId={tree.North}&months=3", Ct);
        Assert.Equal(3, funnel.GetProperty("months").GetArrayLength());
        Assert.Equal(2, funnel.GetProperty("total").GetProperty("supporters").GetInt32());
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/supporters", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_pages_hide_contacts_without_consent_refuse_a_forged_post_and_another_branch()
    {
        var tree = await app.CreateTreeAsync("SB");
        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var id = await RegisterAsync(api, tree.NorthBranch, "Chen Li", "chen@sb.example.org");
        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        var other = await app.SignedInAsAsync(Role.Secretary, tree.SouthBranch);

        var detail = await page.GetStringAsync($"/supporters/{id}", Ct);
        Assert.Contains("No consent for contact", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("chen@sb.example.org", detail, StringComparison.Ordinal);
        var list = await page.GetStringAsync("/supporters", Ct);
        Assert.Contains("no consent for contact", list, StringComparison.Ordinal);
        Assert.DoesNotContain("chen@sb.example.org", list, StringComparison.Ordinal);

        var forged = await page.PostAsync($"/supporters/{id}?handler=Consent",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["purpose"] = "News", ["how"] = "Verbal" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SupporterConsents.CountAsync(c => c.SupporterId == id, Ct)));
        var elsewhere = await other.GetAsync($"/supporters/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.DoesNotContain("Chen Li", await elsewhere.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var elsewherePost = await CadreApp.PostFormAsync(other, "/supporters/new", new() { ["purpose"] = "News", ["how"] = "Verbal" }, $"/supporters/{id}?handler=Consent");
        Assert.Equal(HttpStatusCode.NotFound, elsewherePost.StatusCode);

        var consent = await CadreApp.PostFormAsync(page, $"/supporters/{id}", new() { ["purpose"] = "BranchContact", ["how"] = "Verbal" },
            $"/supporters/{id}?handler=Consent");
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        Assert.Contains("chen@sb.example.org", await page.GetStringAsync($"/supporters/{id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_page_corrects_a_supporter_and_keeps_the_contacts_it_could_not_show()
    {
        var tree = await app.CreateTreeAsync("SE");
        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var silent = await RegisterAsync(api, tree.NorthBranch, "Dora Kim", "dora@se.example.org");
        var consenting = await RegisterAsync(api, tree.NorthBranch, "Emil Roth", "emil@se.example.org", new { purpose = "News", how = "Paper" });
        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        var other = await app.SignedInAsAsync(Role.Secretary, tree.SouthBranch);

        // Without consent the form shows no contacts, and saving it keeps them.
        var form = await page.GetStringAsync($"/supporters/{silent}/edit", Ct);
        Assert.Contains("an edit keeps them as they are", form, StringComparison.Ordinal);
        Assert.DoesNotContain("dora@se.example.org", form, StringComparison.Ordinal);
        var saved = await CadreApp.PostFormAsync(page, $"/supporters/{silent}/edit", new()
        {
            ["Input.Name"] = "Dora Kim-Lee", ["Input.Source"] = "Referral", ["Input.Interests"] = "peace, housing",
            ["ExpectedVersion"] = await VersionAsync(silent),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var dora = await app.WithDbAsync(db => db.Supporters.AsNoTracking().SingleAsync(x => x.Id == silent, Ct));
        Assert.Equal(("Dora Kim-Lee", SupporterSource.Referral, "dora@se.example.org", "+44 20 7946 0958"), (dora.Name, dora.Source, dora.Email, dora.Phone));
        Assert.Equal(["peace", "housing"], dora.InterestList);

        // With consent the contacts are on the form and can be corrected; a stale version is refused and changes nothing.
        Assert.Contains("emil@se.example.org", await page.GetStringAsync($"/supporters/{consenting}/edit", Ct), StringComparison.Ordinal);
        var seen = await VersionAsync(consenting);
        var corrected = await CadreApp.PostFormAsync(page, $"/supporters/{consenting}/edit", new()
        {
            ["Input.Name"] = "Emil Roth", ["Input.Email"] = "emil.roth@se.example.org", ["Input.Source"] = "Event", ["ExpectedVersion"] = seen,
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var stale = await CadreApp.PostFormAsync(page, $"/supporters/{consenting}/edit", new()
        {
            ["Input.Name"] = "Somebody Else", ["Input.Source"] = "Event", ["ExpectedVersion"] = seen,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var emil = await app.WithDbAsync(db => db.Supporters.AsNoTracking().SingleAsync(x => x.Id == consenting, Ct));
        Assert.Equal(("Emil Roth", "emil.roth@se.example.org"), (emil.Name, emil.Email));

        // Another branch sees no form and cannot post one; a post without the antiforgery token is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/supporters/{silent}/edit", Ct)).StatusCode);
        var elsewhere = await CadreApp.PostFormAsync(other, "/supporters/new", new()
        {
            ["Input.Name"] = "Taken Over", ["Input.Source"] = "Event", ["ExpectedVersion"] = await VersionAsync(silent),
        }, $"/supporters/{silent}/edit");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        var forged = await page.PostAsync($"/supporters/{silent}/edit",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Forged", ["ExpectedVersion"] = await VersionAsync(silent) }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Dora Kim-Lee", (await app.WithDbAsync(db => db.Supporters.AsNoTracking().SingleAsync(x => x.Id == silent, Ct))).Name);
    }

    private async Task<string> VersionAsync(int supporter) =>
        (await app.WithDbAsync(db => db.Supporters.Where(x => x.Id == supporter).Select(x => x.Version).SingleAsync(Ct)))
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_supporter_registered_on_the_page_is_turned_into_an_applicant()
    {
        var tree = await app.CreateTreeAsync("SC");
        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        var registered = await CadreApp.PostFormAsync(page, "/supporters/new", new()
        {
            ["Org"] = "SC-N-1-1", ["Input.Name"] = "Dana Kovac", ["Input.Email"] = "dana@sc.example.org", ["Input.Source"] = "Referral",
            ["Input.Interests"] = "youth, housing", ["Purposes"] = "Events", ["How"] = "Paper",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var url = registered.Headers.Location!.OriginalString;
        Assert.Contains("dana@sc.example.org", await page.GetStringAsync(url, Ct), StringComparison.Ordinal);
        var wrong = await CadreApp.PostFormAsync(page, "/supporters/new", new() { ["Org"] = "SC-S-1-1", ["Input.Name"] = "Eve" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        var first = await app.RegisterMemberAsync(tree.NorthBranch, "Olga", "Sponsor");
        var second = await app.RegisterMemberAsync(tree.NorthBranch, "Pavel", "Sponsor");
        var form = await page.GetStringAsync(url + "/apply", Ct);
        Assert.Equal(("Dana", "Kovac", "dana@sc.example.org"), (CadreApp.FormValue(form, "Input.Person.GivenName"), CadreApp.FormValue(form, "Input.Person.FamilyName"),
            CadreApp.FormValue(form, "Input.Person.Email")));
        var noSponsors = await CadreApp.PostFormAsync(page, url + "/apply", new()
        {
            ["Input.Person.GivenName"] = "Dana", ["Input.Person.FamilyName"] = "Kovac", ["Input.OrganizationId"] = tree.NorthBranch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.BadRequest, noSponsors.StatusCode);
        var applied = await CadreApp.PostFormAsync(page, url + "/apply", new()
        {
            ["Input.Person.GivenName"] = "Dana", ["Input.Person.FamilyName"] = "Kovac", ["Input.Person.Email"] = "dana@sc.example.org",
            ["Input.OrganizationId"] = tree.NorthBranch.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Sponsors"] = $"{first.Number} {second.Number}",
        });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.StartsWith("/members/", applied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Dana", await page.GetStringAsync("/members/applications", Ct), StringComparison.Ordinal);
        Assert.Contains("Applied for membership", await page.GetStringAsync(url, Ct), StringComparison.Ordinal);
        var funnel = await page.GetStringAsync("/supporters/funnel?org=SC-N-1-1&months=1", Ct);
        Assert.Matches("id=\"funnel-total\"><th scope=\"row\">Total</th><td class=\"number\">1</td><td class=\"number\">1</td><td class=\"number\">1</td>", funnel);
    }
}
