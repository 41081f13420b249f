using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Health;

/// Computes the health indicators every few hours (Health:IntervalHours, default 6) and raises warnings. With several
/// web instances, an instance skips its turn when another finished a run less than half an interval ago.
public sealed class ComputeHealthJob(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ComputeHealthJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = configuration.GetValue("Health:IntervalHours", 6.0);
        if (hours <= 0) return;
        var interval = TimeSpan.FromHours(hours);
        using var timer = new PeriodicTimer(interval);
        // As the lapse job: the first run waits, so that starting the app (and its migrations) is never slowed by it.
        await Task.Delay(TimeSpan.FromMinutes(configuration.GetValue("Health:FirstRunAfterMinutes", 3.0)), stoppingToken);
        do
        {
            try
            {
                await RunOnceAsync(interval / 2, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The health computation failed; it runs again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(TimeSpan recent, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
        db.CurrentActor.Actor = Actor.System("health job");
        var since = db.Now - recent;
        if (await db.HealthRuns.AnyAsync(r => r.FinishedAt > since, ct)) return;
        var computed = await ComputeHealth.RunAsync(db, ct);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Health computed for {Month}: {Rows} rows, {Raised} warning(s) raised, in {Seconds:0.0} s.",
                computed.Month, computed.Rows, computed.Raised, computed.Took.TotalSeconds);
    }
}
