using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Congresses;
using Cadre.Congresses.Apportionment;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

/// A congress vote at scale (issue 7, section 7): 5,000 delegates, each with their own access token, cast one ballot each in an
/// STV election within one minute against the real web server (a child process on loopback, as in WebBench). Arrivals are paced
/// evenly over the minute (open loop), and 1% of the delegates send their ballot twice at the same moment. Measured: the p99 of
/// the ballot POST beside the p99 of /health under the same pacing; checked: every delegate's ballot is counted exactly once
/// (ballots, voters and the poll's counter all equal the delegates, every receipt handed out is in the published list once,
/// every second ballot was refused with 409).
internal static class CongressVotingBench
{
    private const int Regions = 5;
    private static readonly int[] Ranking = [1, 2, 3];

    public static async Task<List<Figure>> RunAsync(BenchDatabase database, BenchOptions options, CancellationToken ct)
    {
        var delegates = options.Smoke ? 250 : 5_000;
        var window = options.Smoke ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(60);
        var watch = Stopwatch.StartNew();
        var (congress, admin, tokens) = await ArrangeAsync(database, delegates, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {delegates:N0} delegates elected, checked and present in {watch.Elapsed.TotalSeconds:N1} s"));

        var port = WebBench.FreePort();
        using var server = WebBench.StartServer(database, port);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            // A machine busy with the arrangement's aftermath (WAL checkpoint, other work) may take longer to start the server.
            await WebBench.WaitUntilUpAsync(client, server, ct, seconds: 180);
            var poll = await SetUpPollAsync(client, admin, congress, ct);

            // Warm up the ballot path on a poll of its own, so the minute measures the vote and not the first compile.
            var warm = await SetUpPollAsync(client, admin, congress, ct);
            foreach (var token in tokens.Take(20)) await CastAsync(client, token, warm, ct);

            var health = await PacedAsync(delegates, window, i => GetHealthAsync(client, ct));
            var receipts = new ConcurrentBag<string>();
            var refused = 0;
            var doubles = new HashSet<int>(Enumerable.Range(0, delegates).Where(i => i % 100 == 7));
            var started = Stopwatch.StartNew();
            var times = await PacedAsync(delegates, window, async i =>
            {
                var sent = Stopwatch.GetTimestamp();
                if (!doubles.Contains(i))
                {
                    var (status, receipt) = await CastAsync(client, tokens[i], poll, ct);
                    if (status != HttpStatusCode.OK) throw new InvalidOperationException($"Delegate {i}'s ballot answered {(int)status}.");
                    receipts.Add(receipt!);
                    return Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                }
                // The same delegate twice at once: exactly one ballot stands, the other is AlreadyVoted.
                var both = await Task.WhenAll(CastAsync(client, tokens[i], poll, ct), CastAsync(client, tokens[i], poll, ct));
                var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (both.Count(b => b.Status == HttpStatusCode.OK) != 1 || both.Count(b => b.Status == HttpStatusCode.Conflict) != 1)
                    throw new InvalidOperationException($"Delegate {i}'s two ballots answered {(int)both[0].Status} and {(int)both[1].Status}.");
                receipts.Add(both.Single(b => b.Status == HttpStatusCode.OK).Receipt!);
                Interlocked.Increment(ref refused);
                return elapsed;
            });
            var seconds = started.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {delegates:N0} ballots in {seconds:N1} s, {refused} second ballots refused"));

            var exact = await CheckCountedOnceAsync(client, admin, database, poll, delegates, receipts, ct);
            var p99 = Report.Percentile(times, 99);
            var healthP99 = Report.Percentile(health, 99);
            var full = !options.Smoke;
            var peak = Memory.PeakBytes(server.Id);
            return
            [
                new Figure($"Ballot POST, {delegates:N0} delegates voting within {window.TotalSeconds:N0} s (STV, 3 preferences, 1% sending twice at once)",
                    string.Create(CultureInfo.InvariantCulture, $"p99 {Report.Ms(p99)}, p50 {Report.Ms(Report.Percentile(times, 50))}, all cast in {seconds:N1} s"),
                    $"/health at the same pace: p99 {Report.Ms(healthP99)}", p99 / Math.Max(healthP99, 0.001),
                    full ? "p99 < 200 ms, within 60 s" : "p99 < 200 ms at 5,000 in 60 s (smoke: 250 in 10 s)",
                    full ? p99 < 200 && seconds <= 61 : null)
                {
                    Numbers = new()
                    {
                        ["delegates"] = delegates, ["p50Ms"] = Report.Percentile(times, 50), ["p99Ms"] = p99, ["seconds"] = seconds, ["healthP99Ms"] = healthP99,
                        ["secondBallotsRefused"] = refused, ["serverPeakBytes"] = peak,
                    },
                },
                new Figure("Every ballot counted exactly once", exact ?? "yes", "", null, "ballots = voters = counter = count = delegates; every receipt once",
                    exact is null),
            ];
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    /// Starts action(i) for i = 0 .. count-1 evenly over the window without waiting for the earlier ones (open loop), and returns the times.
    private static async Task<List<double>> PacedAsync(int count, TimeSpan window, Func<int, Task<double>> action)
    {
        var tasks = new List<Task<double>>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = window * i / count;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var index = i;
            tasks.Add(Task.Run(() => action(index)));
        }
        return (await Task.WhenAll(tasks)).ToList();
    }

    private static async Task<double> GetHealthAsync(HttpClient client, CancellationToken ct)
    {
        var sent = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync("/health", ct);
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
    }

    private static async Task<(HttpStatusCode Status, string? Receipt)> CastAsync(HttpClient client, string token, int poll, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/polls/{poll}/ballots") { Content = JsonContent.Create(new { ranking = Ranking }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return (response.StatusCode, body.GetProperty("receipt").GetString());
    }

    private static async Task<int> SetUpPollAsync(HttpClient client, string admin, int congress, CancellationToken ct)
    {
        async Task<JsonElement> PostAsync(string path, object? body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await client.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        var poll = (await PostAsync($"/api/v1/congresses/{congress}/polls", new { title = "Central committee", kind = "Election", method = "ScottishStv", seats = 3 }))
            .GetProperty("id").GetInt32();
        foreach (var name in (string[])["Ana", "Ben", "Cai", "Dee", "Eli"]) await PostAsync($"/api/v1/polls/{poll}/candidates", new { name });
        await PostAsync($"/api/v1/polls/{poll}/open", null);
        return poll;
    }

    /// Null when every check holds; otherwise what did not.
    private static async Task<string?> CheckCountedOnceAsync(HttpClient client, string admin, BenchDatabase database, int poll, int delegates,
        ConcurrentBag<string> receipts, CancellationToken ct)
    {
        using var close = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/polls/{poll}/close");
        close.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var closed = await client.SendAsync(close, ct);
        var result = await closed.Content.ReadFromJsonAsync<JsonElement>(ct);
        var counted = result.GetProperty("ballots").GetInt32();
        await using var db = new CadreDbContext(database.Options());
        var ballots = await db.Ballots.CountAsync(b => b.PollId == poll, ct);
        var voters = await db.PollVoters.CountAsync(v => v.PollId == poll, ct);
        var counter = await db.Polls.Where(p => p.Id == poll).Select(p => p.BallotsCast).SingleAsync(ct);
        var stored = (await db.Ballots.Where(b => b.PollId == poll).Select(b => b.Receipt).ToListAsync(ct)).ToHashSet();
        var handedOut = receipts.Select(Cadre.Congresses.Polls.Ballot.Normalize).ToList();
        var problems = new List<string>();
        if (new[] { ballots, voters, counter, counted, handedOut.Count }.Any(n => n != delegates))
            problems.Add($"{delegates} delegates, {ballots} ballots, {voters} voters, counter {counter}, {counted} counted, {handedOut.Count} receipts");
        if (handedOut.Distinct().Count() != handedOut.Count || !handedOut.All(stored.Contains)) problems.Add("a receipt is missing or repeated");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// The centre's congress with delegates from five regions (one branch each), every one with a confirmed mandate, checked in,
    /// and an account with an access token. Arranged through the use cases, as the presidium would.
    private static async Task<(int Congress, string Admin, string[] Tokens)> ArrangeAsync(BenchDatabase database, int delegates, CancellationToken ct)
    {
        var system = Actor.System("bench");
        await using var db = new CadreDbContext(database.Options());
        var levels = await db.Levels.OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(ct);
        async Task<int> OrganizationAsync(string code, string name, int rank, int? parent) =>
            (await CreateOrganization.HandleAsync(db, system, new CreateOrganization.Request
            {
                Code = code, Name = name, LevelId = levels[rank], ParentId = parent, FoundedOn = new DateOnly(2000, 1, 1),
            }, ct)).Value;
        var centre = await OrganizationAsync("VC", "Voting Centre", 0, null);
        var regions = new int[Regions];
        var branches = new int[Regions];
        for (var r = 0; r < Regions; r++)
        {
            regions[r] = await OrganizationAsync($"VC-{r + 1}", $"Voting Region {r + 1}", 1, centre);
            var district = await OrganizationAsync($"VC-{r + 1}-1", $"Voting District {r + 1}", 2, regions[r]);
            branches[r] = await OrganizationAsync($"VC-{r + 1}-1-1", $"Voting Branch {r + 1}", 3, district);
        }
        var members = new List<(RegisterMember.Registered Member, int Region)>(delegates);
        for (var i = 0; i < delegates; i++)
        {
            var r = i % Regions;
            var registered = await RegisterMember.HandleAsync(db, system, new RegisterMember.Request
            {
                OrganizationId = branches[r], JoinedOn = new DateOnly(2020, 1, 1),
                Person = new PersonalData { GivenName = "Delegate", FamilyName = $"Voter{Letters(i)}", DateOfBirth = new DateOnly(1980, 1, 1), Sex = Sex.Female },
            }, ct);
            members.Add((registered.IsSuccess ? registered.Value : throw new InvalidOperationException(registered.Error.Message), regions[r]));
            if (i % 500 == 499) db.ChangeTracker.Clear();
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var congress = (await ConveneCongress.HandleAsync(db, system, new ConveneCongress.Request
        {
            OrganizationId = centre, Number = 1, OpensOn = today, ClosesOn = today, CutOffOn = today, DelegateSeats = delegates,
            Method = ApportionmentMethod.HareNiemeyer, MinimumSeats = 0,
        }, ct)).Value;
        var apportioned = await ApportionDelegates.HandleAsync(db, system, congress, ct);
        if (!apportioned.IsSuccess) throw new InvalidOperationException(apportioned.Error.Message);
        var ids = new List<int>(delegates);
        // One transaction for the delegates, mandates and check-ins: thousands of small commits would cost more than the work.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (member, region) in members)
        {
            db.ChangeTracker.Clear();
            var elected = await ElectDelegate.HandleAsync(db, system, congress, new ElectDelegate.Request
            {
                OrganizationId = region, MemberNumber = member.Number, ElectedAt = "Regional conference", ElectedOn = today,
            }, ct);
            ids.Add(elected.IsSuccess ? elected.Value : throw new InvalidOperationException(elected.Error.Message));
        }
        db.ChangeTracker.Clear();
        var checkedMandates = await CheckMandates.HandleAsync(db, system, congress, ct);
        if (!checkedMandates.IsSuccess) throw new InvalidOperationException(checkedMandates.Error.Message);
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var checkedIn = await CheckInDelegate.HandleAsync(db, system, congress, id, CheckInDelegate.Action.CheckIn, ct);
            if (!checkedIn.IsSuccess) throw new InvalidOperationException(checkedIn.Error.Message);
        }
        await transaction.CommitAsync(ct);

        // Accounts: one per delegate (a member of their branch, linked to their person) with a token, and the presidium's.
        db.ChangeTracker.Clear();
        var tokens = new string[delegates];
        for (var i = 0; i < delegates; i++)
            tokens[i] = AddUser(db, $"delegate{i}@bench.example.org", Role.Member, branches[i % Regions], members[i].Member.PersonId);
        var admin = AddUser(db, "presidium@bench.example.org", Role.Administrator, null, null);
        await db.SaveChangesAsync(ct);
        return (congress, admin, tokens);
    }

    private static string AddUser(CadreDbContext db, string email, Role role, int? organization, int? person)
    {
        var user = new CadreUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, CreatedAt = db.Now, SecurityStamp = Guid.NewGuid().ToString("N"), PersonId = person,
        };
        db.Users.Add(user);
        db.RoleGrants.Add(RoleGrant.Create(user.Id, role, organization, db.Now));
        var (token, secret) = PersonalAccessToken.Issue(user.Id, "bench", db.Now, null);
        db.AccessTokens.Add(token);
        return secret;
    }

    // Names are letters only (family names are searched by prefix).
    private static string Letters(int i)
    {
        var chars = new char[4];
        for (var k = 3; k >= 0; k--, i /= 26) chars[k] = (char)('a' + i % 26);
        return new string(chars);
    }
}
