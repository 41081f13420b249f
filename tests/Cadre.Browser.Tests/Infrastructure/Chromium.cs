namespace Cadre.Browser.Tests.Infrastructure;

/// Where the browser tests find Chromium: Debian's package, never a browser downloaded by Playwright.
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CADRE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// CI sets CADRE_REQUIRE_CHROMIUM=1 so that a missing browser fails the run instead of skipping silently.
    public static bool IsRequired => Environment.GetEnvironmentVariable("CADRE_REQUIRE_CHROMIUM") == "1";

    public static string[] Arguments =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// Skips the calling test when Chromium is absent, or fails it when CI requires the browser.
    public static void EnsurePresent()
    {
        if (File.Exists(ExecutablePath)) return;
        var message = $"Browser tests skipped: Chromium not found at {ExecutablePath} (apt-get install chromium, or set CADRE_CHROMIUM).";
        if (IsRequired) Assert.Fail($"CADRE_REQUIRE_CHROMIUM=1 but Chromium was not found at {ExecutablePath}.");
        Assert.Skip(message);
    }
}
