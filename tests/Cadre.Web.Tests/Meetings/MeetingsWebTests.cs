using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Meetings;
using Cadre.Members;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Meetings;

/// Meetings over HTTP and on their pages: invitations through SMTP, attendance and quorum, decisions refused without
/// it, subtree scoping (another branch's meeting is 404 and nothing changes), forged input, calendar feeds.
public sealed class MeetingsWebTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

    private Task<int> KindAsync(string name = "General meeting") => app.WithDbAsync(db => db.MeetingKinds.Where(k => k.Name == name).Select(k => k.Id).SingleAsync(Ct));

    private Task<RegisterMember.Registered> MemberAsync(int organizationId, string given, string family, string? email = null, MemberStatus status = MemberStatus.Member) =>
        app.WithDbAsync(async db => (await RegisterMember.HandleAsync(db, Actor.System("test"), new RegisterMember.Request
        {
            OrganizationId = organizationId, JoinedOn = new DateOnly(2020, 5, 1), Status = status,
            Person = new PersonalData { GivenName = given, FamilyName = family, DateOfBirth = new DateOnly(1980, 3, 4), Sex = Sex.Female, Email = email },
        }, Ct)).Value);

    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    private async Task<int> ScheduleAsync(HttpClient client, int organizationId, DateTime startsAt, params string[] agenda) =>
        await IdOf(await client.PostAsJsonAsync("/api/v1/meetings", new { organizationId, kindId = await KindAsync(), startsAt, place = "Union hall", agenda }, Ct));

    private static async Task<JsonElement> MeetingAsync(HttpClient client, int id) => await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}", Ct);

    private static readonly string[] ReachedFigure = ["members reached"];

    private static int AttendeeId(JsonElement meeting, string name) =>
        meeting.GetProperty("roll").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();

    [Fact]
    public async Task A_secretary_schedules_over_the_api_the_roll_is_invited_by_mail_and_a_decision_needs_quorum()
    {
        await using var sink = new SmtpSink();
        using var mailing = app.WithWebHostBuilder(b => b.UseSetting("Smtp:Host", "127.0.0.1").UseSetting("Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Smtp:Security", "None").UseSetting("Smtp:From", "secretary@cadre.example.org"));
        var tree = await app.CreateTreeAsync("M1");
        await MemberAsync(tree.NorthBranch, "Ana", "Alves", "ana@example.org");
        await MemberAsync(tree.NorthBranch, "Bo", "Berg", "bo@example.org");
        await MemberAsync(tree.NorthBranch, "Cy", "Cruz");
        await MemberAsync(tree.NorthBranch, "Flo", "Fern", "flo@example.org", MemberStatus.Candidate);
        var secret = await TokenAsync(Role.Secretary, tree.NorthBranch);
        var secretary = mailing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        secretary.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);

        var id = await ScheduleAsync(secretary, tree.NorthBranch, DateTime.UtcNow.AddMinutes(-30), "Report", "The campaign");
        Assert.Equal(["ana@example.org", "bo@example.org", "flo@example.org"], sink.Messages.SelectMany(m => m.To).Order().ToList());
        var invitation = sink.Messages.First(m => m.To.Contains("ana@example.org"));
        Assert.StartsWith("Invitation: General meeting", invitation.Parse().Subject, StringComparison.Ordinal);
        Assert.Contains("2. The campaign", invitation.Parse().TextBody, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST", invitation.Calendar(), StringComparison.Ordinal);
        Assert.Contains($"UID:meeting-{id}@cadre", invitation.Calendar(), StringComparison.Ordinal);

        var meeting = await MeetingAsync(secretary, id);
        var marks = new[] { ("Ana Alves", "Present"), ("Flo Fern", "Present"), ("Cy Cruz", "Excused") }
            .Select(m => new { attendeeId = AttendeeId(meeting, m.Item1), status = m.Item2 }).ToArray();
        var quorum = await (await secretary.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { marks }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((3, 1, 2, false), (quorum.GetProperty("entitled").GetInt32(), quorum.GetProperty("present").GetInt32(), quorum.GetProperty("required").GetInt32(),
            quorum.GetProperty("reached").GetBoolean()));
        var refused = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/decisions", new { text = "We join.", votesFor = 1, adopted = true }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("QuorumNotReached", await CodeOf(refused));
        Assert.Equal(0, await app.WithDbAsync(db => db.Decisions.CountAsync(d => d.MeetingId == id, Ct)));

        (await secretary.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { marks = new[] { new { attendeeId = AttendeeId(meeting, "Bo Berg"), status = "Late" } } }, Ct)).EnsureSuccessStatusCode();
        var item = meeting.GetProperty("agenda")[1].GetProperty("id").GetInt32();
        // The decision implements a directive the centre issued to its subtree, the branch among it.
        var centre = app.CreateClient();
        centre.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(Role.Secretary, tree.Centre));
        var issued = await centre.PostAsJsonAsync("/api/v1/directives", new
        {
            issuerOrganizationId = tree.Centre, title = "Recruitment drive", text = "Hold a meeting.",
            dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), target = "Subtree", figures = ReachedFigure,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var directive = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("directiveId").GetInt32();
        var decided = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/decisions", new { text = "We join.", votesFor = 2, agendaItemId = item, directiveId = directive }, Ct);
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        Assert.Equal($"{DateTime.UtcNow.Year}/1", (await decided.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString());
        (await secretary.PutAsJsonAsync($"/api/v1/meetings/{id}/minutes", new { minutes = "# Minutes\n\nThe branch joined." }, Ct)).EnsureSuccessStatusCode();
        var decisions = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/decisions?organizationId={tree.NorthBranch}", Ct);
        Assert.Equal(directive, decisions[0].GetProperty("directiveId").GetInt32());

        // Moving a planned meeting tells the roll; cancelling it too.
        var next = await ScheduleAsync(secretary, tree.NorthBranch, DateTime.UtcNow.AddDays(10));
        var start = DateTime.UtcNow.Date.AddDays(11).AddHours(18);
        (await secretary.PutAsJsonAsync($"/api/v1/meetings/{next}", new { title = "General meeting", startsAt = start, endsAt = start.AddHours(2), place = "Dock hall" }, Ct)).EnsureSuccessStatusCode();
        var change = sink.Messages.Single(m => m.Parse().Subject!.StartsWith("Changed:", StringComparison.Ordinal) && m.To.Contains("bo@example.org"));
        Assert.Contains("SEQUENCE:1", change.Calendar(), StringComparison.Ordinal);
        Assert.Contains("Where: Dock hall", change.Parse().TextBody, StringComparison.Ordinal);
        (await secretary.PostAsync($"/api/v1/meetings/{next}/cancel", null, Ct)).EnsureSuccessStatusCode();
        Assert.Contains("METHOD:CANCEL", sink.Messages.Single(m => m.Parse().Subject!.StartsWith("Cancelled:", StringComparison.Ordinal) && m.To.Contains("ana@example.org")).Calendar(),
            StringComparison.Ordinal);
        Assert.Equal("MeetingCancelled", await CodeOf(await secretary.PostAsync($"/api/v1/meetings/{next}/cancel", null, Ct)));
    }

    [Fact]
    public async Task Another_branchs_meeting_is_not_found_readers_may_not_keep_it_and_forged_input_changes_nothing()
    {
        var tree = await app.CreateTreeAsync("M2");
        await MemberAsync(tree.NorthBranch, "Ana", "Alves");
        await MemberAsync(tree.SouthBranch, "Gus", "Gray");
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var id = await ScheduleAsync(secretary, tree.NorthBranch, DateTime.UtcNow.AddHours(-1));
        var ana = AttendeeId(await MeetingAsync(secretary, id), "Ana Alves");
        var southSecretary = await app.ApiClientAsync(Role.Secretary, tree.SouthBranch);
        var south = await ScheduleAsync(southSecretary, tree.SouthBranch, DateTime.UtcNow.AddHours(-1));
        var gus = AttendeeId(await MeetingAsync(southSecretary, south), "Gus Gray");

        Assert.Equal(HttpStatusCode.NotFound, (await southSecretary.GetAsync($"/api/v1/meetings/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southSecretary.GetAsync($"/api/v1/meetings?organizationId={tree.NorthBranch}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southSecretary.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance",
            new { marks = new[] { new { attendeeId = ana, status = "Present" } } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southSecretary.PostAsJsonAsync($"/api/v1/meetings/{id}/decisions", new { text = "x", votesFor = 0, adopted = false }, Ct)).StatusCode);
        var control = await app.ApiClientAsync(Role.ControlCommission, tree.North);
        Assert.Equal(HttpStatusCode.OK, (await control.GetAsync($"/api/v1/meetings/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await control.PutAsJsonAsync($"/api/v1/meetings/{id}/minutes", new { minutes = "x" }, Ct)).StatusCode);
        var member = await app.ApiClientAsync(Role.Member, tree.NorthBranch);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/v1/meetings/{id}", Ct)).StatusCode);

        // Forged: an attendee of the south meeting marked at the north one; a status that does not exist; a body that is not the branch's.
        var forged = await secretary.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance", new { marks = new[] { new { attendeeId = gus, status = "Present" } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("NotOnTheRoll", await CodeOf(forged));
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance",
            new { marks = new[] { new { attendeeId = ana, status = "Asleep" } } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance",
            new { marks = new[] { new { attendeeId = ana, status = 0 } } }, Ct)).StatusCode);
        var badBody = await secretary.PostAsJsonAsync("/api/v1/meetings", new { organizationId = tree.NorthBranch, bodyId = 999999, kindId = await KindAsync(), startsAt = DateTime.UtcNow, place = "x" }, Ct);
        Assert.Equal("MeetingBodyNotFound", await CodeOf(badBody));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/api/v1/meetings/999999", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.GetAsync($"/api/v1/meetings?organizationId={tree.NorthBranch}&cursor=forged", Ct)).StatusCode);
        Assert.Equal(AttendanceStatus.NotRecorded, await app.WithDbAsync(db => db.Attendees.Where(a => a.Id == ana).Select(a => a.Status).SingleAsync(Ct)));
        Assert.Equal(AttendanceStatus.NotRecorded, await app.WithDbAsync(db => db.Attendees.Where(a => a.Id == gus).Select(a => a.Status).SingleAsync(Ct)));

        // The pages: the south secretary finds nothing, and a forged tick changes nothing.
        var southPage = await app.SignedInAsAsync(Role.Secretary, tree.SouthBranch);
        Assert.Equal(HttpStatusCode.NotFound, (await southPage.GetAsync($"/meetings/{id}", Ct)).StatusCode);
        var post = await CadreApp.PostFormAsync(southPage, $"/meetings/{south}", new() { ["attendeeId"] = ana.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "Present" },
            $"/meetings/{id}?handler=Mark");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        var bogus = await CadreApp.PostFormAsync(page, $"/meetings/{id}", new() { ["attendeeId"] = ana.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "Bogus" },
            $"/meetings/{id}?handler=Mark");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        var stranger = await CadreApp.PostFormAsync(page, $"/meetings/{id}", new() { ["attendeeId"] = gus.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "Present" },
            $"/meetings/{id}?handler=Mark");
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("neither entitled to this meeting nor invited", await stranger.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var votes = await CadreApp.PostFormAsync(page, $"/meetings/{id}", new() { ["text"] = "x", ["votesFor"] = "many", ["adopted"] = "true" }, $"/meetings/{id}?handler=Decision");
        Assert.Equal(HttpStatusCode.BadRequest, votes.StatusCode);
        Assert.Equal(AttendanceStatus.NotRecorded, await app.WithDbAsync(db => db.Attendees.Where(a => a.Id == ana).Select(a => a.Status).SingleAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Decisions.CountAsync(d => d.MeetingId == id, Ct)));
    }

    [Fact]
    public async Task The_pages_schedule_tick_attendance_in_place_and_list_missed_schedules()
    {
        var tree = await app.CreateTreeAsync("M3");
        await MemberAsync(tree.NorthBranch, "Ana", "Alves");
        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        foreach (var url in new[] { "/meetings", "/meetings?org=M3-N-1-1", "/meetings/new?org=M3-N-1-1", "/meetings/missed", "/meetings/calendars" })
            Assert.True((await page.GetAsync(url, Ct)).StatusCode == HttpStatusCode.OK, url);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/meetings?org=M3-S-1-1", Ct)).StatusCode);

        var bad = await CadreApp.PostFormAsync(page, "/meetings/new?org=M3-N-1-1", new()
        {
            ["Org"] = "M3-N-1-1", ["KindId"] = (await KindAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), ["StartsAt"] = "2025-01-01T18:00", ["EndsAt"] = "2025-01-01T17:00",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Equal("The meeting ends after it starts.", CadreApp.FieldError(html, "EndsAt"));
        Assert.Equal("Give a place or an online link.", CadreApp.FieldError(html, "Place"));
        var created = await CadreApp.PostFormAsync(page, "/meetings/new?org=M3-N-1-1", new()
        {
            ["Org"] = "M3-N-1-1", ["KindId"] = (await KindAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), ["StartsAt"] = MeetingInput(DateTime.UtcNow.AddHours(-1)),
            ["Place"] = "Dock hall", ["Agenda"] = "Report\nThe campaign",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url2 = created.Headers.Location!.ToString();
        var meetingHtml = await page.GetStringAsync(url2, Ct);
        Assert.Contains("No quorum", meetingHtml, StringComparison.Ordinal);
        var id = int.Parse(url2.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var ana = await app.WithDbAsync(db => db.Attendees.Where(a => a.MeetingId == id).Select(a => a.Id).SingleAsync(Ct));

        // What htmx sends: the checklist comes back alone with the quorum reached.
        var token = System.Text.RegularExpressions.Regex.Match(meetingHtml, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var tick = new HttpRequestMessage(HttpMethod.Post, $"/meetings/{id}?handler=Mark")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["attendeeId"] = ana.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "Present" }),
        };
        tick.Headers.Add("HX-Request", "true");
        tick.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        var answer = await page.SendAsync(tick, Ct);
        var fragment = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.StartsWith("<section id=\"checklist\"", fragment.Trim(), StringComparison.Ordinal);
        Assert.Contains("Quorum reached", fragment, StringComparison.Ordinal);

        // The general meeting was held an hour ago; the quarterly study meeting never.
        var missed = await page.GetStringAsync("/meetings/missed?org=M3-N-1-1", Ct);
        Assert.DoesNotContain("<td>General meeting</td>", missed, StringComparison.Ordinal);
        Assert.Contains("<td>Study meeting</td>", missed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/meetings/missed?org=M3-N-1", Ct)).StatusCode);
        var member = await app.SignedInAsAsync(Role.Member, tree.NorthBranch);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/meetings", Ct)).StatusCode); // to the access-denied page
    }

    [Fact]
    public async Task A_calendar_address_serves_the_feed_without_signing_in_until_it_is_revoked()
    {
        var tree = await app.CreateTreeAsync("M4");
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var id = await ScheduleAsync(secretary, tree.NorthBranch, DateTime.UtcNow.AddDays(3));
        var issued = await secretary.PostAsJsonAsync("/api/v1/meetings/calendars", new { organizationId = tree.NorthBranch }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var url = new Uri(body.GetProperty("url").GetString()!).PathAndQuery;
        Assert.Equal("MeetingOrganizationNotFound", await CodeOf(await secretary.PostAsJsonAsync("/api/v1/meetings/calendars", new { organizationId = tree.SouthBranch }, Ct)));
        Assert.Equal("NoMemberCalendar", await CodeOf(await secretary.PostAsJsonAsync("/api/v1/meetings/calendars", new { }, Ct)));

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var feed = await anonymous.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"UID:meeting-{id}@cadre", await feed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/cadre_cal_guessed.ics", Ct)).StatusCode);

        var other = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var calendarId = body.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/meetings/calendars/{calendarId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.DeleteAsync($"/api/v1/meetings/calendars/{calendarId}", Ct)).StatusCode);
        var revoked = await anonymous.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal("CalendarTokenNotFound", await CodeOf(revoked));
    }

    [Fact]
    public async Task The_decision_form_offers_the_directives_the_branch_was_assigned_and_refuses_another()
    {
        var tree = await app.CreateTreeAsync("M6");
        await MemberAsync(tree.NorthBranch, "Ana", "Alves");
        var centre = await app.ApiClientAsync(Role.Secretary, tree.Centre);
        var south = await app.ApiClientAsync(Role.Secretary, tree.South);
        async Task<int> IssueAsync(HttpClient client, int issuer, string title)
        {
            var issued = await client.PostAsJsonAsync("/api/v1/directives", new
            {
                issuerOrganizationId = issuer, title, text = "Discuss it.", dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), target = "Subtree",
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            return (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("directiveId").GetInt32();
        }
        var ours = await IssueAsync(centre, tree.Centre, "M6 Study the programme");
        var theirs = await IssueAsync(south, tree.South, "M6 Southern harvest");
        var secretary = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var id = await ScheduleAsync(secretary, tree.NorthBranch, DateTime.UtcNow.AddMinutes(-20), "The programme");
        var meeting = await MeetingAsync(secretary, id);
        (await secretary.PutAsJsonAsync($"/api/v1/meetings/{id}/attendance",
            new { marks = new[] { new { attendeeId = AttendeeId(meeting, "Ana Alves"), status = "Present" } } }, Ct)).EnsureSuccessStatusCode();

        var page = await app.SignedInAsAsync(Role.Secretary, tree.NorthBranch);
        var html = await page.GetStringAsync($"/meetings/{id}", Ct);
        Assert.Matches($"<option value=\"{ours}\">M6 Study the programme \\(due [0-9-]+, received\\)</option>", html);
        Assert.DoesNotContain("M6 Southern harvest", html, StringComparison.Ordinal);
        Assert.Equal(ours, Assert.Single((await MeetingAsync(secretary, id)).GetProperty("directives").EnumerateArray()).GetProperty("directiveId").GetInt32());

        Dictionary<string, string> Form(int directiveId) => new()
        {
            ["text"] = "We study the programme.", ["votesFor"] = "1", ["votesAgainst"] = "0", ["abstaining"] = "0", ["adopted"] = "true",
            ["directiveId"] = directiveId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var refused = await CadreApp.PostFormAsync(page, $"/meetings/{id}", Form(theirs), $"/meetings/{id}?handler=Decision");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"Directive {theirs} was not assigned to this organization", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Decisions.CountAsync(d => d.MeetingId == id, Ct)));

        var recorded = await CadreApp.PostFormAsync(page, $"/meetings/{id}", Form(ours), $"/meetings/{id}?handler=Decision");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(ours, await app.WithDbAsync(db => db.Decisions.Where(d => d.MeetingId == id).Select(d => d.DirectiveId).SingleAsync(Ct)));
        Assert.Contains("Implements <a href=\"/directives/assignments/", await page.GetStringAsync($"/meetings/{id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_reschedule_a_meeting_and_tell_the_roll_edit_a_kind_and_show_a_members_own_meetings()
    {
        await using var sink = new SmtpSink();
        using var mailing = app.WithWebHostBuilder(b => b.UseSetting("Smtp:Host", "127.0.0.1").UseSetting("Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Smtp:Security", "None").UseSetting("Smtp:From", "secretary@cadre.example.org"));
        var tree = await app.CreateTreeAsync("M7");
        var ana = await MemberAsync(tree.NorthBranch, "Ana", "Alves", "ana.m7@example.org");
        var api = await app.ApiClientAsync(Role.Secretary, tree.NorthBranch);
        var coming = await ScheduleAsync(api, tree.NorthBranch, DateTime.UtcNow.Date.AddDays(5).AddHours(18), "Report");
        var held = await ScheduleAsync(api, tree.NorthBranch, DateTime.UtcNow.AddMinutes(-30));
        (await api.PutAsJsonAsync($"/api/v1/meetings/{held}/attendance",
            new { marks = new[] { new { attendeeId = AttendeeId(await MeetingAsync(api, held), "Ana Alves"), status = "Present" } } }, Ct)).EnsureSuccessStatusCode();

        // Rescheduling on the page: a bad time changes nothing; a good one moves the meeting and tells the roll.
        var email = $"m7-secretary-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Role.Secretary, tree.NorthBranch);
        var page = mailing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await CadreApp.PostFormAsync(page, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = CadreApp.Password })).StatusCode);
        var start = DateTime.UtcNow.Date.AddDays(6).AddHours(17);
        Dictionary<string, string> Move(DateTime starts, DateTime ends) => new()
        {
            ["title"] = "General meeting", ["startsAt"] = MeetingInput(starts), ["endsAt"] = MeetingInput(ends), ["place"] = "Dock hall",
        };
        var bad = await CadreApp.PostFormAsync(page, $"/meetings/{coming}", Move(start, start.AddHours(-1)), $"/meetings/{coming}?handler=Reschedule");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("The meeting ends after it starts.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var unmoved = await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == coming).Select(m => new { m.Sequence, m.Place }).SingleAsync(Ct));
        Assert.Equal((0, "Union hall"), (unmoved.Sequence, unmoved.Place));
        var moved = await CadreApp.PostFormAsync(page, $"/meetings/{coming}", Move(start, start.AddHours(2)), $"/meetings/{coming}?handler=Reschedule");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == coming).Select(m => new { m.Sequence, m.Place, m.StartsAt }).SingleAsync(Ct));
        Assert.Equal((1, "Dock hall", start), (after.Sequence, after.Place, after.StartsAt));
        var change = sink.Messages.Single(m => m.Parse().Subject!.StartsWith("Changed:", StringComparison.Ordinal) && m.To.Contains("ana.m7@example.org"));
        Assert.Contains("SEQUENCE:1", change.Calendar(), StringComparison.Ordinal);

        // The kinds: an administrator defines one and changes its quorum and frequency; a taken name is refused; a secretary may not.
        var admin = await app.SignedInAsAsync(Role.Administrator, null);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/meetings/kinds", Ct)).StatusCode);
        Dictionary<string, string> Kind(string name, string quorum, string every) => new() { ["name"] = name, ["quorum"] = quorum, ["everyMonths"] = every, ["levelId"] = "" };
        Assert.Equal(HttpStatusCode.Redirect, (await CadreApp.PostFormAsync(admin, "/meetings/kinds", Kind("M7 Cell meeting", "MoreThanHalf", ""), "/meetings/kinds?handler=Define")).StatusCode);
        var cell = await KindAsync("M7 Cell meeting");
        var rename = Kind("General meeting", "MoreThanHalf", "1");
        rename["id"] = cell.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var taken = await CadreApp.PostFormAsync(admin, "/meetings/kinds", rename, "/meetings/kinds?handler=Change");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("There is already a kind of meeting called General meeting.", WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var changed = Kind("M7 Cell meeting", "AtLeastTwoThirds", "2");
        changed["id"] = cell.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await CadreApp.PostFormAsync(admin, "/meetings/kinds", changed, "/meetings/kinds?handler=Change")).StatusCode);
        var kind = await app.WithDbAsync(db => db.MeetingKinds.AsNoTracking().SingleAsync(k => k.Id == cell, Ct));
        Assert.Equal(("M7 Cell meeting", QuorumRule.AtLeastTwoThirds, (int?)2), (kind.Name, kind.Quorum, kind.EveryMonths));
        Assert.Equal(HttpStatusCode.Redirect, (await page.GetAsync("/meetings/kinds", Ct)).StatusCode); // to the access-denied page

        // The member's own meetings: the coming one where it now is, and the one held with their attendance.
        var member = await app.SignedInAsAsync(Role.Member, tree.NorthBranch, ana.PersonId);
        Assert.Contains("<a href=\"/meetings/mine\">My meetings</a>", await member.GetStringAsync("/", Ct), StringComparison.Ordinal);
        var mine = await member.GetStringAsync("/meetings/mine", Ct);
        Assert.Contains("Dock hall", mine, StringComparison.Ordinal);
        Assert.Contains("Attended 1 of 1 meetings.", mine, StringComparison.Ordinal);
        Assert.Contains("<td>present</td>", mine, StringComparison.Ordinal);
        Assert.Contains("not linked to a member", await admin.GetStringAsync("/meetings/mine", Ct), StringComparison.Ordinal);
    }

    private static string MeetingInput(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> TokenAsync(Role role, int organizationId)
    {
        var userId = await app.CreateUserAsync($"{role}-{Guid.NewGuid():N}@example.org".ToLowerInvariant(), role, organizationId);
        return await app.WithDbAsync(async db =>
        {
            var (token, secret) = PersonalAccessToken.Issue(userId, "test", DateTime.UtcNow, null);
            db.AccessTokens.Add(token);
            await db.SaveChangesAsync(Ct);
            return secret;
        });
    }
}
