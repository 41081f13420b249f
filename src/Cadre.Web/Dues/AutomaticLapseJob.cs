using Cadre.Accounts;
using Cadre.Data;
using Cadre.Dues;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Dues;

/// Once a day, when the dues rules turn automatic lapse on, lapses the members proposed for lapse across the whole
/// tree. Safe with several web instances: a member already lapsed is refused by the lifecycle and counted nowhere.
public sealed class AutomaticLapseJob(IServiceScopeFactory scopes, ILogger<AutomaticLapseJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24));
        // The first run waits a few minutes so that starting the app (and its migrations) is never slowed by it.
        await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The automatic lapse run failed; it runs again tomorrow.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
        var actor = Actor.System("automatic lapse");
        db.CurrentActor.Actor = actor;
        foreach (var root in await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).ToListAsync(ct))
        {
            var result = await LapseForArrears.HandleAsync(db, actor, root, ct);
            var lapsed = result.IsSuccess ? result.Value.Numbers.Count : 0;
            if (lapsed > 0 && logger.IsEnabled(LogLevel.Information)) logger.LogInformation("Automatic lapse: {Count} member(s) lapsed for unpaid dues.", lapsed);
        }
    }
}
