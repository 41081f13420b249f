using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Data;

/// Every model change must come with a migration for each provider (STYLE.md habit 5).
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    // No server is needed: the model is compared with the migrations' snapshot, no connection is opened.
    [InlineData(DatabaseProvider.Postgres, "Host=localhost")]
    public void The_model_has_no_changes_that_no_migration_covers(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<CadreDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        using var db = new CadreDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes no migration covers: run scripts/add-migration.sh <Name>.");
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_fresh_database_migrates_and_has_the_default_levels(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();

        var levels = await db.Levels.OrderBy(l => l.Rank).Select(l => l.Name).ToListAsync(TestDatabase.Ct);
        Assert.Equal(["Central committee", "Regional", "District", "Primary organization"], levels);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestDatabase.Ct));
    }
}
