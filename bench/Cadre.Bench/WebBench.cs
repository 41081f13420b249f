using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Cadre.Accounts;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

/// The member list page (/members) and API (/api/v1/members) under 50 concurrent connections, beside the trivial
/// /health endpoint of the same server: the real app runs as a child process on loopback against the benchmark
/// database, an administrator's access token authenticates, and an in-process load generator drives it for a fixed time.
internal static class WebBench
{
    private const int Connections = 50;

    public static async Task<List<Figure>> RunAsync(BenchDatabase database, BenchOptions options, CancellationToken ct)
    {
        var secret = await IssueTokenAsync(database.Options(), ct);
        var port = FreePort();
        using var server = StartServer(database.Provider, database.ConnectionString, database.Folder, port);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            await WaitUntilUpAsync(client, server, ct);

            var health = await LoadAsync(client, server, "/health", options, ct);
            var figures = new List<Figure>();
            foreach (var (name, path) in new[] { ("Member list page (HTML)", "/members"), ("Member list API", "/api/v1/members") })
            {
                var load = await LoadAsync(client, server, path, options, ct);
                var ratio = load.RequestsPerSecond / health.RequestsPerSecond;
                figures.Add(new Figure($"{name}, {path}, {Connections} connections",
                    string.Create(CultureInfo.InvariantCulture, $"{load.RequestsPerSecond:N0} req/s, p99 {Report.Ms(load.P99)}, server CPU {load.CpuMsPerRequest:N2} ms/request"),
                    string.Create(CultureInfo.InvariantCulture, $"/health {health.RequestsPerSecond:N0} req/s, p99 {Report.Ms(health.P99)}, server CPU {health.CpuMsPerRequest:N2} ms/request"),
                    ratio, "p99 < 100 ms and ≥ 0.25 of /health", load.P99 < 100 && ratio >= 0.25)
                {
                    Numbers = new()
                    {
                        ["requestsPerSecond"] = load.RequestsPerSecond, ["p50Ms"] = load.P50, ["p99Ms"] = load.P99, ["requests"] = load.Requests,
                        ["healthRequestsPerSecond"] = health.RequestsPerSecond, ["healthP99Ms"] = health.P99,
                        ["serverCpuMsPerRequest"] = load.CpuMsPerRequest, ["healthServerCpuMsPerRequest"] = health.CpuMsPerRequest,
                    },
                });
            }
            var peak = Memory.PeakBytes(server.Id);
            figures.Add(new Figure("Server peak memory (VmHWM) after the loads", Memory.Mb(peak), "", null, "< 1 GB", peak < 1024L * 1024 * 1024)
            {
                Numbers = new() { ["peakBytes"] = peak },
            });
            return figures;
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

    private sealed record Load(double RequestsPerSecond, double P50, double P99, int Requests, double CpuMsPerRequest);

    /// 50 workers, each sending one request after another: a warm-up, then a fixed time measured. Any status other than
    /// 200 fails the run, so a broken page cannot pass as a fast one. The server's CPU time per request is measured too:
    /// on a machine shared with other work the latencies move with the load, the CPU a request costs much less.
    private static async Task<Load> LoadAsync(HttpClient client, Process server, string path, BenchOptions options, CancellationToken ct)
    {
        async Task<List<double>> Drive(TimeSpan duration)
        {
            var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var workers = Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
            {
                var times = new List<double>();
                while (Stopwatch.GetTimestamp() < until)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        var body = await response.Content.ReadAsStringAsync(ct);
                        throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
                    }
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                return times;
            }, ct)).ToList();
            return (await Task.WhenAll(workers)).SelectMany(t => t).ToList();
        }
        await Drive(options.WarmUp);
        server.Refresh();
        var cpu = server.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var measured = await Drive(options.LoadDuration);
        var seconds = watch.Elapsed.TotalSeconds;
        server.Refresh();
        var cpuMs = (server.TotalProcessorTime - cpu).TotalMilliseconds / measured.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {path}: {measured.Count:N0} requests in {seconds:N1} s, server CPU {cpuMs:N2} ms/request"));
        return new Load(measured.Count / seconds, Report.Percentile(measured, 50), Report.Percentile(measured, 99), measured.Count, cpuMs);
    }

    /// An administrator with a personal access token, written straight into the database (no password needed).
    public static async Task<string> IssueTokenAsync(DbContextOptions<CadreDbContext> options, CancellationToken ct)
    {
        await using var db = new CadreDbContext(options);
        const string email = "bench@example.org";
        const string normalized = "BENCH@EXAMPLE.ORG";
        // A database kept by --reuse already has the administrator from the run that seeded it: it gets a new token.
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null)
        {
            user = new CadreUser
            {
                UserName = email, NormalizedUserName = normalized, Email = email, NormalizedEmail = normalized,
                EmailConfirmed = true, CreatedAt = db.Now, SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.RoleGrants.Add(RoleGrant.Create(user.Id, Role.Administrator, null, db.Now));
        }
        var (token, secret) = PersonalAccessToken.Issue(user.Id, "bench", db.Now, null);
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return secret;
    }

    internal static Process StartServer(BenchDatabase database, int port) =>
        StartServer(database.Provider, database.ConnectionString, database.Folder, port);

    public static Process StartServer(DatabaseProvider provider, string connectionString, string dataFolder, int port)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Cadre.Web", "bin", Configuration, "net10.0", "Cadre.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the web app first: {dll} is missing.");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Cadre"] = connectionString;
        start.Environment["Data__Directory"] = dataFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start.");
        // Drained, so a chatty server never blocks on a full pipe; errors are shown.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  [server] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitUntilUpAsync(HttpClient client, Process server, CancellationToken ct, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) throw new InvalidOperationException($"The web app exited with {server.ExitCode}.");
            try
            {
                using var response = await client.GetAsync("/health", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"The web app did not answer /health within {seconds} s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Cadre.slnx"))) return directory.FullName;
        throw new DirectoryNotFoundException("Cadre.slnx not found above the benchmark's folder.");
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
