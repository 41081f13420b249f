using Cadre.Accounts;
using Cadre.Data;
using Cadre.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Infrastructure;

/// `--demo`: seeds the demo party into an empty database and prints its logins.
internal static class DemoStart
{
    public static async Task SeedAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<CadreDbContext>();
        var organizations = await db.Organizations.CountAsync(ct);
        var users = await db.Users.CountAsync(ct);
        if (organizations > 0 || users > 0)
        {
            // Never mix demo data into a real installation: the demo goes only into a database with nothing in it.
            logger.LogWarning("--demo: the demo party was not seeded because the database is not empty ({Organizations} organization(s), {Users} account(s)). "
                + "Point Data:Directory or ConnectionStrings:Cadre at an empty database to see the demo.", organizations, users);
            return;
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var seed = configuration.GetValue("Demo:Seed", 1);
        db.CurrentActor.Actor = Actor.System("demo");
        var seeded = await DemoParty.SeedAsync(db, services.GetRequiredService<UserManager<CadreUser>>(), seed, null, ct);
        if (!seeded.IsSuccess)
        {
            logger.LogWarning("--demo: the demo party was not seeded: {Reason}", seeded.Error.Message);
            return;
        }

        // Straight to the console rather than through the logger: the logins must show whatever the log level.
        var demo = seeded.Value;
        Console.WriteLine();
        Console.WriteLine($"Demo party seeded (seed {demo.Seed}): {demo.Organizations} organizations, {demo.Members} members. Sign in as:");
        foreach (var login in demo.Accounts) Console.WriteLine("  " + login.Describe());
        Console.WriteLine();
    }
}
