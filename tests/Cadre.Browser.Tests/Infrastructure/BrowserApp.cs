using System.Net;
using Cadre.Web.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Infrastructure;

/// The real Cadre app on a real Kestrel port over its own SQLite file, and one Chromium to drive it.
/// A test class owns one (IClassFixture); each test opens its own browser context, so cookies never leak between tests.
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly SemaphoreSlim starting = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// Arrange data through the same intent methods as the HTTP tests.
    public CadreApp App { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// Starts the app before any test arranges data through App: the server kind can only be chosen before first use.
    public ValueTask InitializeAsync()
    {
        // Port 0: the operating system picks a free port, so parallel test classes never collide.
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());
        return ValueTask.CompletedTask;
    }

    /// A fresh page in a fresh context (no cookies), with relative URLs resolved against the app.
    /// Skips the test when Chromium is absent (fails it when CI requires Chromium).
    public async Task<IPage> NewPageAsync()
    {
        Chromium.EnsurePresent();
        await LaunchBrowserAsync();
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
        });
        // Pages that hang are a failure to report, not a test run to stall.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    private async Task LaunchBrowserAsync()
    {
        await starting.WaitAsync();
        try
        {
            if (browser is not null) return;
            // The .NET package ships its Node driver in bin/.playwright; it never needs the network with an ExecutablePath.
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath,
                Headless = true,
                Args = Chromium.Arguments,
                Timeout = 60_000,
            });
        }
        finally
        {
            starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
        starting.Dispose();
    }
}
