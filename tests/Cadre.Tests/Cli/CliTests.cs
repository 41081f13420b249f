using Cadre.Accounts;
using Cadre.Organizations;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Cli;

/// Runs the `cadre` tool in-process, as `dotnet run --project src/Cadre.Cli -- ...` would, against a temp SQLite file.
public sealed class CliTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Migrate_creates_a_usable_database_in_the_data_directory()
    {
        Assert.False(File.Exists(database.File));

        var (exit, output) = await RunAsync("migrate");

        Assert.Equal(0, exit);
        Assert.True(File.Exists(database.File));
        Assert.Contains("_Initial", output, StringComparison.Ordinal);
        Assert.Contains("_AuditEntriesAreImmutable", output, StringComparison.Ordinal);
        Assert.Matches(@"Applied \d+ migration\(s\)", output);
        await using var scope = database.Scope();
        var db = scope.Db();
        Assert.Equal(4, await db.Levels.CountAsync(Ct));
        var top = await db.Levels.SingleAsync(l => l.Rank == 0, Ct);
        Assert.True((await CreateOrganization.HandleAsync(db, Actor.System("test"), new CreateOrganization.Request { Code = "P", Name = "Party", LevelId = top.Id }, Ct)).IsSuccess);

        var (again, said) = await RunAsync("migrate");
        Assert.Equal(0, again);
        Assert.Contains("up to date", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_with_an_unknown_organization_code_fails_naming_the_code_and_creates_no_user()
    {
        await MigrateAsync();

        var (exit, output) = await RunAsync("users", "add", "--email", "ana@example.org", "--role", "secretary", "--org", "nowhere", "--password", "a long enough password");

        Assert.NotEqual(0, exit);
        Assert.Contains("--org", output, StringComparison.Ordinal);
        Assert.Contains("NOWHERE", output, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(0, await scope.Db().Users.CountAsync(Ct));
        Assert.Equal(0, await scope.Db().RoleGrants.CountAsync(Ct));
    }

    [Fact]
    public async Task Users_add_with_an_unknown_role_fails_naming_the_role_and_creates_no_user()
    {
        await MigrateAsync();
        await CreateRegionAsync("R9");

        var (exit, output) = await RunAsync("users", "add", "--email", "ana@example.org", "--role", "chairman", "--org", "R9");

        Assert.NotEqual(0, exit);
        Assert.Contains("--role", output, StringComparison.Ordinal);
        Assert.Contains("chairman", output, StringComparison.Ordinal);
        Assert.Contains("control-commission", output, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(0, await scope.Db().Users.CountAsync(Ct));
    }

    [Fact]
    public async Task Users_add_creates_a_user_who_holds_the_role_at_the_organization_and_the_audit_names_the_cli()
    {
        await MigrateAsync();
        var regionId = await CreateRegionAsync("R9");

        var (exit, output) = await RunAsync("users", "add", "--email", "Ana@Example.org", "--role", "Control-Commission", "--org", "r9");

        Assert.Equal(0, exit);
        // No --password: a strong one is generated and printed once.
        var password = output.Split('\n').Single(l => l.StartsWith("Password", StringComparison.Ordinal)).Split(':')[1].Trim();
        Assert.True(password.Length >= 16, password);
        await using var scope = database.Scope();
        var db = scope.Db();
        var user = await scope.Users().FindByEmailAsync("Ana@Example.org");
        Assert.NotNull(user);
        Assert.True(await scope.Users().CheckPasswordAsync(user, password));
        var actor = (await ActorLoader.LoadAsync(db, user.Id, Ct))!;
        Assert.Equal([(Role.ControlCommission, (int?)regionId)], actor.Grants);
        var grantAudit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(RoleGrant), Ct);
        Assert.Equal("cli:" + Environment.UserName, grantAudit.UserName);
    }

    [Fact]
    public async Task Seed_demo_on_a_database_with_organizations_is_refused_and_changes_nothing()
    {
        await MigrateAsync();
        await CreateRegionAsync("R9");

        var (exit, output) = await RunAsync("seed", "demo", "--seed", "5");

        Assert.NotEqual(0, exit);
        Assert.Contains("already has 2 organization(s)", output, StringComparison.Ordinal);
        await using var scope = database.Scope();
        var db = scope.Db();
        Assert.Equal(2, await db.Organizations.CountAsync(Ct));
        Assert.Equal(0, await db.Members.CountAsync(Ct));
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task Seed_demo_fills_an_empty_database_and_prints_the_demo_logins()
    {
        await MigrateAsync();

        var (exit, output) = await RunAsync("seed", "demo", "--seed", "3");

        Assert.True(exit == 0, output);
        Assert.Contains("1,500 members", output, StringComparison.Ordinal);
        Assert.Contains("member@cadre.example / cadre-demo-member", output, StringComparison.Ordinal);
        await using var scope = database.Scope();
        var db = scope.Db();
        Assert.Equal(1_500, await db.Members.CountAsync(Ct));
        Assert.Equal(4, await db.Users.CountAsync(Ct));
        Assert.True(await db.AuditEntries.AllAsync(a => a.UserName == "cli:" + Environment.UserName, Ct));
    }

    [Fact]
    public async Task Seed_demo_with_a_seed_that_is_not_a_number_fails_naming_the_option()
    {
        await MigrateAsync();

        var (exit, output) = await RunAsync("seed", "demo", "--seed", "many");

        Assert.NotEqual(0, exit);
        Assert.Contains("--seed", output, StringComparison.Ordinal);
        Assert.Contains("many", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_that_write_refuse_a_database_that_is_not_migrated()
    {
        var (exit, output) = await RunAsync("users", "add", "--email", "ana@example.org", "--role", "administrator");

        Assert.NotEqual(0, exit);
        Assert.Contains("cadre migrate", output, StringComparison.Ordinal);
    }

    private async Task MigrateAsync()
    {
        var (exit, output) = await RunAsync("migrate");
        Assert.True(exit == 0, output);
    }

    /// A central committee with one region under it; returns the region's id.
    private async Task<int> CreateRegionAsync(string code)
    {
        await using var scope = database.Scope();
        var db = scope.Db();
        var levels = await db.Levels.OrderBy(l => l.Rank).ToListAsync(Ct);
        var system = Actor.System("test");
        var top = await CreateOrganization.HandleAsync(db, system, new CreateOrganization.Request { Code = "CC", Name = "Centre", LevelId = levels[0].Id }, Ct);
        var region = await CreateOrganization.HandleAsync(db, system,
            new CreateOrganization.Request { Code = code, Name = "Region " + code, LevelId = levels[1].Id, ParentId = top.Value }, Ct);
        return region.Value;
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
