using Microsoft.Playwright;

namespace Cadre.Browser.Tests.Infrastructure;

/// Screenshots of the main pages for the README, taken by the journeys themselves so they show the real app.
/// Only with CADRE_SCREENSHOTS=1: an ordinary test run must not change files in the working tree.
public static class Screenshots
{
    public static bool Enabled => Environment.GetEnvironmentVariable("CADRE_SCREENSHOTS") == "1";

    public static async Task SaveAsync(IPage page, string name)
    {
        if (!Enabled) return;
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Cadre.slnx"))) return directory.FullName;
        throw new InvalidOperationException($"No Cadre.slnx above {AppContext.BaseDirectory}: cannot tell where docs/screenshots is.");
    }
}
