using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Members;

public sealed partial class ImportPagesTests(CadreApp app) : IClassFixture<CadreApp>
{
    private const string Header = "member_number,given_name,family_name,date_of_birth,sex,occupation,education,email,phone,address,organization_code,joined_on,status";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_with_a_bad_row_shows_the_rows_and_the_problem_and_offers_nothing_to_confirm()
    {
        var tree = await app.CreateTreeAsync("IMB");
        var family = CadreApp.UniqueName("Imported");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var html = await UploadAsync(browser, $"{Header}\n,Ana,{family},,,,,,,,IMB-N-1-1,2020-05-01,member\n,Rui,{family},,,,,,,,IMB-N-1-1,2020-13-01,member\n");

        Assert.Contains("id=\"import-refused\"", html, StringComparison.Ordinal);
        Assert.Matches(@"<td>3</td><td>joined_on</td><td>&quot;2020-13-01&quot; is not a date", html);
        Assert.Contains($"<td>{family}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm-import", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family, Ct)));
    }

    [Fact]
    public async Task A_clean_upload_is_previewed_then_imported_on_confirmation()
    {
        var tree = await app.CreateTreeAsync("IMG");
        var family = CadreApp.UniqueName("Uploaded");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var preview = await UploadAsync(browser, $"{Header}\n,Ana,{family},,,,,,,,IMG-N-1-1,2020-05-01,member\n,Rui,{family},,,,,,,,IMG-N-1-1,2020-05-01,candidate\n");
        Assert.Contains("2 to create", preview, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family, Ct)));

        var uploadId = CadreApp.FormValue(preview, "UploadId")!;
        var stranger = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var stolen = await ConfirmAsync(stranger, uploadId);
        Assert.Contains("no longer there", stolen, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family, Ct)));

        var done = await ConfirmAsync(browser, uploadId);

        Assert.Contains("id=\"import-done\"", done, StringComparison.Ordinal);
        Assert.Contains("2 created", done, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family, Ct)));
    }

    [Fact]
    public async Task With_skip_invalid_the_good_rows_are_imported_and_the_bad_ones_listed()
    {
        var tree = await app.CreateTreeAsync("IMS");
        var family = CadreApp.UniqueName("Skipping");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var preview = await UploadAsync(browser, $"{Header}\n,Ana,{family},,,,,,,,IMS-N-1-1,2020-05-01,member\n,Rui,{family},,,,,,,,NOWHERE,2020-05-01,member\n",
            skipInvalid: true);
        Assert.Contains("will be left out", preview, StringComparison.Ordinal);
        Assert.Contains("Import 1 row(s)", preview, StringComparison.Ordinal);

        var done = await ConfirmAsync(browser, CadreApp.FormValue(preview, "UploadId")!, skipInvalid: true);

        Assert.Contains("1 created", done, StringComparison.Ordinal);
        Assert.Contains("1 rejected", done, StringComparison.Ordinal);
        Assert.Equal(["Ana"], await app.WithDbAsync(db => db.People.Where(p => p.FamilyName == family).Select(p => p.GivenName).ToListAsync(Ct)));
    }

    [Fact]
    public async Task A_file_over_50_mb_is_refused_with_a_clear_message()
    {
        var tree = await app.CreateTreeAsync("IMX");
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var big = new string('x', (50 * 1024 * 1024) + 10);

        var html = await UploadAsync(browser, big);

        Assert.Contains("uploads can be at most 50 MB", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_a_bad_file_with_422_naming_line_and_column_and_imports_a_good_one()
    {
        var tree = await app.CreateTreeAsync("IMA");
        var family = CadreApp.UniqueName("Api");
        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);

        var bad = await api.PostAsync("/api/v1/members/import", Csv($"{Header}\n,Ana,{family},,,,,,,,IMA-S-1-1,2020-05-01,member\n"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var report = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct)).RootElement;
        var problem = report.GetProperty("problems")[0];
        Assert.Equal((2, "organization_code", "OrganizationOutsideScope"),
            (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("code").GetString()));

        var dry = await api.PostAsync("/api/v1/members/import?dryRun=true", Csv($"{Header}\n,Ana,{family},,,,,,555 0101,,IMA-N-1-1,2020-05-01,member\n"), Ct);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.FamilyName == family, Ct)));

        using var multipart = new MultipartFormDataContent();
        multipart.Add(Csv($"{Header}\n,Ana,{family},,,,,,555 0101,,IMA-N-1-1,2020-05-01,member\n"), "file", "register.csv");
        var good = await api.PostAsync("/api/v1/members/import", multipart, Ct);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await good.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("created").GetInt32());

        var found = await api.GetStringAsync($"/api/v1/members?organizationId={tree.NorthDistrict}&phone=5550", Ct);
        Assert.Contains(family, found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_gives_the_own_subtree_as_csv_and_another_districts_organization_is_not_found()
    {
        var tree = await app.CreateTreeAsync("IME");
        var north = CadreApp.UniqueName("Exportnorth");
        var south = CadreApp.UniqueName("Exportsouth");
        await app.RegisterMemberAsync(tree.NorthBranch, "Ana", north);
        await app.RegisterMemberAsync(tree.SouthBranch, "Eva", south);
        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var browser = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);

        var csv = await api.GetStringAsync($"/api/v1/members/export?organizationId={tree.NorthDistrict}", Ct);
        Assert.StartsWith(Header, csv, StringComparison.Ordinal);
        Assert.Contains($",Ana,{north},1980-03-04,female,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(south, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/members/export?organizationId={tree.SouthDistrict}", Ct)).StatusCode);

        var list = await browser.GetStringAsync($"/members?organizationId={tree.NorthDistrict}", Ct);
        Assert.Contains($"href=\"/members/export?organizationId={tree.NorthDistrict}\"", list, StringComparison.Ordinal);
        var page = await browser.GetAsync($"/members/export?organizationId={tree.NorthDistrict}", Ct);
        Assert.Equal("text/csv", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains(north, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/members/export?organizationId={tree.SouthDistrict}", Ct)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "MemberExport" && a.OrganizationId == tree.NorthDistrict, Ct)));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<string> UploadAsync(HttpClient browser, string csv, bool skipInvalid = false)
    {
        var page = await browser.GetStringAsync("/members/import", Ct);
        var token = Token().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "members.csv");
        if (skipInvalid) form.Add(new StringContent("true"), "SkipInvalid");
        var response = await browser.PostAsync("/members/import?handler=Upload", form, Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<string> ConfirmAsync(HttpClient browser, string uploadId, bool skipInvalid = false)
    {
        var response = await CadreApp.PostFormAsync(browser, "/members/import",
            new() { ["UploadId"] = uploadId, ["SkipInvalid"] = skipInvalid ? "true" : "false", ["fileName"] = "members.csv" },
            "/members/import?handler=Confirm");
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
