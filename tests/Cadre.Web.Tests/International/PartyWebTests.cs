using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cadre.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.International;

/// The registry of parties over HTTP and on its pages: import, search in any script, who may keep it, bad input.
public sealed class PartyWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private const string File = "country,partyfacts_id,technical,name_short,name,name_english,name_other,year_first,year_last\n"
        + "BGR,4798,,,Атака,Attack,,2005,\nVNM,4898,,CPV,Dang Cong san Viet Nam,Communist Party of Vietnam,Vietnamese: Đảng Cộng sản Việt Nam,1930,\n"
        + "CUB,99001,12,,alliance,,,,\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    [Fact]
    public async Task The_central_department_imports_and_anyone_reading_finds_parties_by_any_name()
    {
        var tree = await app.CreateTreeAsync("P1");
        var central = await app.ApiClientAsync(Role.InternationalOfficer, tree.Centre);
        var regional = await app.ApiClientAsync(Role.InternationalOfficer, tree.North);
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var treasurer = await app.ApiClientAsync(Role.Treasurer, tree.Centre);

        var refused = await regional.PostAsync("/api/v1/parties/import", Csv(File), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("RegistryNotPermitted", await CodeOf(refused));
        var imported = await central.PostAsync("/api/v1/parties/import", Csv(File), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var report = await imported.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((2, 1), (report.GetProperty("created").GetInt32(), report.GetProperty("skipped").GetInt32()));

        var found = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/parties?q=" + Uri.EscapeDataString("АТАКА"), Ct);
        Assert.Equal("Attack", found.GetProperty("items")[0].GetProperty("nameEnglish").GetString());
        var vietnam = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/parties?q=cong%20san&country=vnm&status=Active", Ct);
        var id = vietnam.GetProperty("items")[0].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.GetAsync("/api/v1/parties", Ct)).StatusCode);
        Assert.Equal("UnknownCountry", await CodeOf(await secretary.GetAsync("/api/v1/parties?country=XX", Ct)));
        Assert.Equal("InvalidCursor", await CodeOf(await secretary.GetAsync("/api/v1/parties?cursor=bad", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/api/v1/parties/999999", Ct)).StatusCode);

        var change = await central.PutAsJsonAsync($"/api/v1/parties/{id}", new
        {
            details = new { countryCode = "VNM", name = "Dang Cong san Viet Nam", nameEnglish = "Communist Party of Vietnam", foundedYear = 1930 },
            family = "communist", website = "https://dangcongsan.vn",
        }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        var family = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/parties?family=Communist", Ct);
        Assert.Equal(id, Assert.Single(family.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var bad = await central.PutAsJsonAsync($"/api/v1/parties/{id}", new { details = new { countryCode = "XYZ", name = "" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("countryCode", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_names_its_line_and_column_and_imports_nothing()
    {
        var tree = await app.CreateTreeAsync("P2");
        var central = await app.ApiClientAsync(Role.InternationalOfficer, tree.Centre);
        var before = await app.WithDbAsync(db => db.Parties.CountAsync(Ct));

        var response = await central.PostAsync("/api/v1/parties/import", Csv("country,partyfacts_id,technical,name\nCUB,77001,,Good Party\nQQQ,77002,,Bad Party\n"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PartyFileRefused", await CodeOf(response));
        Assert.Contains("3:country", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Parties.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_pages_import_search_and_describe_a_party()
    {
        var tree = await app.CreateTreeAsync("P3");
        var page = await app.SignedInAsAsync(Role.InternationalOfficer, tree.Centre);
        var html = await page.GetStringAsync("/international/parties/import", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("country,partyfacts_id,technical,name,name_english\nLAO,5203,,ພັກປະຊາຊົນປະຕິວັດລາວ,Lao People's Revolutionary Party\n")), "file", "parties.csv" },
        };
        var imported = await page.PostAsync("/international/parties/import", form, Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("1 new", await imported.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var list = await page.GetStringAsync("/international/parties?q=" + Uri.EscapeDataString("ປະຊາຊົນ"), Ct);
        var id = System.Text.RegularExpressions.Regex.Match(list, "/international/parties/([0-9]+)\"").Groups[1].Value;
        Assert.Contains("Lao People&#x27;s Revolutionary Party", list, StringComparison.Ordinal);
        var party = await page.GetStringAsync($"/international/parties/{id}", Ct);
        Assert.Contains("Party Facts 5203", party, StringComparison.Ordinal);
        var saved = await CadreApp.PostFormAsync(page, $"/international/parties/{id}", new()
        {
            ["Family"] = "communist", ["Website"] = "not a web address", ["Notes"] = "", ["Version"] = CadreApp.FormValue(party, "Version")!,
        }, $"/international/parties/{id}?handler=Describe");
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Contains("starting with http", await saved.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var reader = await app.SignedInAsAsync(Role.Secretary, tree.North);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/international/parties/{id}", Ct)).StatusCode);
        Assert.Contains("/error/403", (await reader.GetAsync("/international/parties/import", Ct)).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/international/parties/999999", Ct)).StatusCode);
    }
}
