using Cadre.Accounts;
using Cadre.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Tests.Demo;

/// A SQLite file in a temporary folder of its own, configured the way the web app and the CLI read configuration.
/// The demo and the CLI are about files on disk (a fresh data directory, a second process-like run), hence not in memory.
public sealed class TempDatabase : IAsyncDisposable
{
    private ServiceProvider? services;

    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cadre-tests-" + Path.GetRandomFileName());
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string File => Path.Combine(Directory, "cadre.db");

    /// Overrides whatever the environment says (CI may point ConnectionStrings__Cadre at PostgreSQL): this file, SQLite.
    public IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Cadre"] = "",
            ["Data:Directory"] = Directory,
        })
        .Build();

    public static async Task<TempDatabase> MigratedAsync(CancellationToken ct)
    {
        var database = new TempDatabase();
        await using var scope = database.Scope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<CadreDbContext>(), ct);
        return database;
    }

    /// A unit of work, as one request of the web app: its own context and user manager.
    public AsyncServiceScope Scope()
    {
        if (services is null)
        {
            var collection = new ServiceCollection();
            collection.AddCadreDatabase(Configuration);
            collection.AddLogging();
            collection.AddCadreIdentity();
            services = collection.BuildServiceProvider();
        }
        return services.CreateAsyncScope();
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}

public static class ScopeExtensions
{
    public static CadreDbContext Db(this AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CadreDbContext>();

    public static Microsoft.AspNetCore.Identity.UserManager<CadreUser> Users(this AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CadreUser>>();
}
