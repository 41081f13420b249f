using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Health;
using Cadre.Meetings;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Health;

/// The health dashboard, comparison, rows behind a number and warnings over HTTP: scope (404 outside the subtree),
/// permissions (403), bad input as named errors, CSV, and the pages.
public sealed class HealthWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    /// A tree with three members in the north branch (one lapsed today), one in the south, a vacant secretary's office in
    /// the north branch; then the indicators computed.
    private async Task<(CadreApp.Tree Tree, int Lapsed)> PartyAsync(string prefix)
    {
        var tree = await app.CreateTreeAsync(prefix);
        await app.RegisterMemberAsync(tree.NorthBranch, "Ana", prefix + "Stays");
        await app.RegisterMemberAsync(tree.NorthBranch, "Rui", prefix + "Stays");
        var lapsed = (await app.RegisterMemberAsync(tree.NorthBranch, "Lea", prefix + "Lapsed")).MemberId;
        await app.RegisterMemberAsync(tree.SouthBranch, "Zoe", prefix + "South");
        await app.WithDbAsync(async db =>
        {
            var admin = Actor.System("test");
            var done = await RecordLapse.HandleAsync(db, admin, lapsed, new DecisionRequest { Reference = "dues", Reason = "unpaid" }, Ct);
            Assert.True(done.IsSuccess);
            var office = await CreateOffice.HandleAsync(db, admin, tree.NorthBranch, new CreateOffice.Request { Title = "Secretary", Kind = OfficeKind.Secretary }, Ct);
            Assert.True(office.IsSuccess);
        });
        await ComputeAsync();
        return (tree, lapsed);
    }

    private Task<ComputeHealth.Computed> ComputeAsync() => app.WithDbAsync(db => ComputeHealth.RunAsync(db, Ct, flowMonths: 2));

    [Fact]
    public async Task A_district_secretary_reads_the_subtree_health_and_the_rows_behind_it_and_nothing_outside()
    {
        var (tree, lapsed) = await PartyAsync("H1");
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);

        var dashboard = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/health/organizations/{tree.NorthDistrict}", Ct);
        var indicators = dashboard.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("latest"));
        Assert.Equal(2, indicators["members"].GetProperty("value").GetInt32());
        Assert.Equal(1, indicators["lapses"].GetProperty("value").GetInt32());
        Assert.Equal(1, indicators["secretary_vacant"].GetProperty("value").GetInt32());
        Assert.Equal("Dockworkers", dashboard.GetProperty("weakest").EnumerateArray().First(w => w.GetProperty("indicator").GetString() == "lapses")
            .GetProperty("organization").GetProperty("name").GetString()!.Split(' ')[1]);

        var rows = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/health/organizations/{tree.NorthDistrict}/rows?indicator=lapses", Ct);
        Assert.Equal(1, rows.GetProperty("total").GetInt32());
        Assert.Equal(lapsed, rows.GetProperty("rows")[0].GetProperty("id").GetInt32());

        var compare = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/health/organizations/{tree.NorthDistrict}/compare?indicator=members", Ct);
        Assert.Equal(tree.NorthBranch, compare.GetProperty("rows")[0].GetProperty("organizationId").GetInt32());

        // Outside the subtree nothing exists: the south, the centre above, their rows and warnings.
        foreach (var url in new[]
                 {
                     $"/api/v1/health/organizations/{tree.SouthDistrict}", $"/api/v1/health/organizations/{tree.Centre}",
                     $"/api/v1/health/organizations/{tree.SouthBranch}/rows?indicator=members", $"/api/v1/health/organizations/{tree.Centre}/compare?indicator=members",
                     $"/api/v1/health/organizations/{tree.SouthDistrict}/warnings", "/api/v1/health/organizations/999999",
                 })
            Assert.True((await secretary.GetAsync(url, Ct)).StatusCode == HttpStatusCode.NotFound, url);

        // A member reads no health at all.
        var member = await app.ApiClientAsync(Role.Member, tree.NorthBranch);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/v1/health/organizations/{tree.NorthBranch}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_named_error_and_csv_is_served_as_csv()
    {
        var (tree, _) = await PartyAsync("H2");
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var at = $"/api/v1/health/organizations/{tree.NorthDistrict}";
        foreach (var (url, code) in new[]
                 {
                     ($"{at}/compare?indicator=nope", "UnknownIndicator"), ($"{at}/compare", "UnknownIndicator"),
                     ($"{at}/rows?indicator=members&month=2025-13", "NotAMonth"), ($"{at}/rows?indicator=members&month=%3Cscript%3E", "NotAMonth"),
                     ($"{at}/rows?indicator=members&month=2001-01", "InvalidField"), ($"{at}/rows?indicator=members&basis=true", "InvalidField"),
                     ($"{at}?months=0", "InvalidField"), ($"{at}?months=1000", "InvalidField"),
                 })
        {
            var response = await secretary.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(code, await CodeOf(response));
        }
        var csv = await secretary.GetAsync($"{at}/rows?indicator=lapses&format=csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("organization,kind,label,name,date", text, StringComparison.Ordinal);
        Assert.Contains("H2Lapsed", text, StringComparison.Ordinal);
        Assert.StartsWith("organization,indicator,name,month,value,base,share",
            await secretary.GetStringAsync($"{at}?format=csv", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_is_raised_then_seen_acknowledged_and_resolved_with_a_note_within_scope_and_audited()
    {
        var (tree, _) = await PartyAsync("H3");
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var warnings = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/health/organizations/{tree.NorthDistrict}/warnings", Ct);
        var vacant = warnings.EnumerateArray().Single(w => w.GetProperty("indicator").GetString() == "secretary_vacant");
        Assert.Equal(tree.NorthBranch, vacant.GetProperty("organizationId").GetInt32());
        var id = vacant.GetProperty("id").GetInt32();

        // Nobody outside the subtree finds it; the control commission reads but may not act.
        var south = await app.ApiClientAsync(Role.Secretary, tree.SouthDistrict);
        Assert.Equal(HttpStatusCode.NotFound, (await south.PostAsJsonAsync($"/api/v1/health/warnings/{id}/acknowledge", new { note = "x" }, Ct)).StatusCode);
        var control = await app.ApiClientAsync(Role.ControlCommission, tree.Centre);
        Assert.Equal(HttpStatusCode.Forbidden, (await control.PostAsJsonAsync($"/api/v1/health/warnings/{id}/resolve", new { note = "x" }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsync($"/api/v1/health/warnings/{id}/seen", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsJsonAsync($"/api/v1/health/warnings/{id}/acknowledge", new { note = "Election at the next meeting." }, Ct)).StatusCode);
        var twice = await secretary.PostAsJsonAsync($"/api/v1/health/warnings/{id}/acknowledge", new { note = (string?)null }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var noNote = await secretary.PostAsJsonAsync($"/api/v1/health/warnings/{id}/resolve", new { note = "  " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsJsonAsync($"/api/v1/health/warnings/{id}/resolve", new { note = "Elected on the 3rd." }, Ct)).StatusCode);
        Assert.Equal("WarningAlreadyResolved", await CodeOf(await secretary.PostAsJsonAsync($"/api/v1/health/warnings/{id}/resolve", new { note = "again" }, Ct)));

        var stored = await app.WithDbAsync(db => db.HealthWarnings.SingleAsync(w => w.Id == id, Ct));
        Assert.Equal(WarningStatus.Resolved, stored.Status);
        Assert.Contains("Elected on the 3rd.", stored.Note, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(HealthWarning) && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        Assert.True(audited >= 4, $"{audited} audit entries");

        // The office is still vacant: the next run raises a new warning, since the old one is resolved.
        await ComputeAsync();
        var again = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/health/organizations/{tree.NorthDistrict}/warnings", Ct);
        Assert.Contains(again.EnumerateArray(), w => w.GetProperty("indicator").GetString() == "secretary_vacant" && w.GetProperty("id").GetInt32() != id);
    }

    [Fact]
    public async Task Only_an_administrator_sets_the_warning_rules_and_a_bad_threshold_changes_nothing()
    {
        var tree = await app.CreateTreeAsync("H4");
        var admin = await app.ApiClientAsync(Role.Administrator, null);
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var rule = new { name = "Lapses", indicator = "lapses", measure = "PerMember", comparison = "Above", threshold = 0.08m, windowMonths = 12, ownOnly = false, enabled = true };
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PutAsJsonAsync("/api/v1/health/rules/1", rule, Ct)).StatusCode);
        var bad = await admin.PutAsJsonAsync("/api/v1/health/rules/1", rule with { threshold = 5m }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("ValidationFailed", await CodeOf(bad));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/health/rules/1", rule with { indicator = "loyalty" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/health/rules/9999", rule, Ct)).StatusCode);
        Assert.Equal(0.05m, await app.WithDbAsync(db => db.WarningRules.Where(r => r.Id == 1).Select(r => r.Threshold).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/health/rules/1", rule with { threshold = 0.05m }, Ct)).StatusCode);
        var created = await admin.PostAsJsonAsync("/api/v1/health/rules", rule with { name = "Vacancies", indicator = "vacant_offices", measure = "Share", threshold = 0.5m, windowMonths = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task The_pages_show_the_dashboard_comparison_rows_and_warnings_in_scope()
    {
        var (tree, _) = await PartyAsync("H5");
        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var dashboard = await page.GetStringAsync("/dashboard?org=H5-N-1", Ct);
        Assert.Contains("H5 Riverside District", dashboard, StringComparison.Ordinal);
        Assert.Contains("/dashboard/rows?org=H5-N-1&amp;indicator=lapses", dashboard, StringComparison.Ordinal);
        Assert.Contains("chart.umd.min.js", dashboard, StringComparison.Ordinal);
        var compare = await page.GetStringAsync("/dashboard/compare?org=H5-N-1&indicator=lapses", Ct);
        Assert.Contains("H5 Dockworkers Branch", compare, StringComparison.Ordinal);
        Assert.Contains("H5Lapsed", await page.GetStringAsync("/dashboard/rows?org=H5-N-1&indicator=lapses", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/dashboard?org=H5-S-1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/dashboard/rows?org=H5-CC&indicator=members", Ct)).StatusCode);
        Assert.Contains("That is not one of the indicators.", await page.GetStringAsync("/dashboard/rows?org=H5-N-1&indicator=%3Cb%3E", Ct), StringComparison.Ordinal);
        Assert.Contains("Give a month as YYYY-MM.", await page.GetStringAsync("/dashboard/compare?org=H5-N-1&indicator=members&month=soon", Ct), StringComparison.Ordinal);

        var id = await app.WithDbAsync(db => db.HealthWarnings.Where(w => w.OrganizationId == tree.NorthBranch && w.RuleId == 2).Select(w => w.Id).SingleAsync(Ct));
        var acknowledged = await CadreApp.PostFormAsync(page, "/dashboard/warnings?org=H5-N-1", new() { ["Note"] = "On it." },
            $"/dashboard/warnings?handler=Acknowledge&id={id}&org=H5-N-1");
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Contains("Acknowledged.", await acknowledged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(WarningStatus.Acknowledged, await app.WithDbAsync(db => db.HealthWarnings.Where(w => w.Id == id).Select(w => w.Status).SingleAsync(Ct)));
    }

    /// General meetings of the north branch held in the last days, with the statuses given in the roll's order.
    private Task<int> MeetingAsync(int organizationId, int daysAgo, params AttendanceStatus[] statuses) => app.WithDbAsync(async db =>
    {
        var admin = Actor.System("test");
        var kind = await db.MeetingKinds.Where(k => k.Name == "General meeting").Select(k => k.Id).SingleAsync(Ct);
        var scheduled = await ScheduleMeeting.HandleAsync(db, admin, new ScheduleMeeting.Request
        {
            OrganizationId = organizationId, KindId = kind, StartsAt = db.Now.AddDays(-daysAgo).AddMinutes(-1), Place = "Hall",
        }, Ct);
        Assert.True(scheduled.IsSuccess);
        var roll = await db.Attendees.Where(a => a.MeetingId == scheduled.Value).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct);
        var marked = await RecordAttendance.HandleAsync(db, admin, scheduled.Value,
            new RecordAttendance.Request([.. roll.Zip(statuses, (a, st) => new RecordAttendance.Mark(a, st))]), Ct);
        Assert.True(marked.IsSuccess);
        return scheduled.Value;
    });

    [Fact]
    public async Task The_rows_behind_attendance_are_the_meetings_with_their_attendance_and_the_low_attendance_warning_is_raised()
    {
        var tree = await app.CreateTreeAsync("H6");
        await app.RegisterMemberAsync(tree.NorthBranch, "Ana", "H6Member");
        await app.RegisterMemberAsync(tree.NorthBranch, "Rui", "H6Member");
        await app.RegisterMemberAsync(tree.NorthBranch, "Ivo", "H6Member");
        var first = await MeetingAsync(tree.NorthBranch, 0, AttendanceStatus.Present, AttendanceStatus.Absent, AttendanceStatus.Absent);
        await MeetingAsync(tree.NorthBranch, 0, AttendanceStatus.Excused, AttendanceStatus.Absent, AttendanceStatus.Late);
        await ComputeAsync();

        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthDistrict);
        var rows = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/health/organizations/{tree.NorthDistrict}/rows?indicator=attendance_recent", Ct);
        Assert.Equal(2, rows.GetProperty("total").GetInt32());
        var meeting = rows.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == first);
        Assert.Equal(("meeting", 1, 3), (meeting.GetProperty("kind").GetString(), meeting.GetProperty("present").GetInt32(), meeting.GetProperty("entitled").GetInt32()));
        var csv = await secretary.GetStringAsync($"/api/v1/health/organizations/{tree.NorthDistrict}/rows?indicator=attendance&format=csv", Ct);
        Assert.StartsWith("organization,kind,label,name,date,count,present,entitled", csv, StringComparison.Ordinal);

        var warnings = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/health/organizations/{tree.NorthDistrict}/warnings", Ct);
        var low = warnings.EnumerateArray().Single(w => w.GetProperty("indicator").GetString() == "attendance_recent");
        Assert.Equal(tree.NorthBranch, low.GetProperty("organizationId").GetInt32());
        // The south branch has held no general meeting; its district and region, which hold none, are not warned.
        var south = await app.ApiClientAsync(Role.Secretary, tree.South);
        var none = await south.GetFromJsonAsync<JsonElement>($"/api/v1/health/organizations/{tree.South}/warnings", Ct);
        Assert.Equal([tree.SouthBranch], none.EnumerateArray().Where(w => w.GetProperty("indicator").GetString() == "general_meetings")
            .Select(w => w.GetProperty("organizationId").GetInt32()).ToArray());
        Assert.Equal(HttpStatusCode.NotFound,
            (await south.GetAsync($"/api/v1/health/organizations/{tree.NorthBranch}/rows?indicator=attendance_recent", Ct)).StatusCode);

        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthDistrict);
        var html = await page.GetStringAsync("/dashboard/rows?org=H6-N-1&indicator=attendance_recent", Ct);
        Assert.Contains($"/meetings/{first}", html, StringComparison.Ordinal);
        Assert.Contains("1 of 3 (33.3 %)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_adds_and_changes_a_rule_on_the_rules_page_and_a_bad_threshold_changes_nothing()
    {
        var admin = await app.SignedInAsAsync(Role.Administrator, null);
        var rules = await admin.GetStringAsync("/dashboard/rules", Ct);
        Assert.Contains("No general meeting for three months", rules, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "H7 attendance", ["Input.Indicator"] = "attendance", ["Input.Measure"] = "Share", ["Input.Comparison"] = "Below",
            ["Input.Threshold"] = "0.4", ["Input.WindowMonths"] = "3", ["Input.OwnOnly"] = "true", ["Input.Enabled"] = "false",
        };
        var added = await CadreApp.PostFormAsync(admin, "/dashboard/rules", fields, "/dashboard/rules?handler=Add");
        Assert.Contains("The rule was added", await added.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var rule = await app.WithDbAsync(db => db.WarningRules.AsNoTracking().SingleAsync(r => r.Name == "H7 attendance", Ct));
        Assert.Equal((0.4m, 3, true, false), (rule.Threshold, rule.WindowMonths, rule.OwnOnly, rule.Enabled));

        var bad = await CadreApp.PostFormAsync(admin, "/dashboard/rules", new(fields) { ["Input.Threshold"] = "7" }, $"/dashboard/rules?handler=Save&id={rule.Id}");
        Assert.Contains("A share is between 0 and 1", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0.4m, await app.WithDbAsync(db => db.WarningRules.Where(r => r.Id == rule.Id).Select(r => r.Threshold).SingleAsync(Ct)));

        var saved = await CadreApp.PostFormAsync(admin, "/dashboard/rules", new(fields) { ["Input.Threshold"] = "0.45" }, $"/dashboard/rules?handler=Save&id={rule.Id}");
        Assert.Contains("The rule was saved", await saved.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0.45m, await app.WithDbAsync(db => db.WarningRules.Where(r => r.Id == rule.Id).Select(r => r.Threshold).SingleAsync(Ct)));
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(WarningRule)
            && e.EntityId == rule.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        Assert.True(audited >= 2, $"{audited} audit entries");

        var tree = await app.CreateTreeAsync("H7");
        var secretary = await app.SignedInAsAsync(Role.Secretary, tree.Centre);
        var refused = await secretary.GetAsync("/dashboard/rules", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/error/403", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
