namespace Cadre.Web.Infrastructure;

/// `--demo`: seeds the demo party into an empty database and prints its logins.
internal static class DemoStart
{
    public static Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        _ = services;
        logger.LogWarning("--demo is not wired yet.");
        return Task.CompletedTask;
    }
}
