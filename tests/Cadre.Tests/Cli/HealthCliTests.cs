using Cadre.Accounts;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Cli;

/// `cadre health compute` in-process against a temp SQLite file.
public sealed class HealthCliTests : IAsyncLifetime
{
    private TempDatabase database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => database = await TempDatabase.MigratedAsync(Ct);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Health_compute_stores_the_indicators_and_records_the_run()
    {
        await using (var scope = database.Scope())
        {
            var db = scope.Db();
            var system = Actor.System("test");
            var levels = await db.Levels.OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(Ct);
            var top = (await CreateOrganization.HandleAsync(db, system, new CreateOrganization.Request { Code = "CC", Name = "Centre", LevelId = levels[0] }, Ct)).Value;
            var branch = (await CreateOrganization.HandleAsync(db, system, new CreateOrganization.Request { Code = "B1", Name = "Branch", LevelId = levels[3], ParentId = top }, Ct)).Value;
            Assert.True((await RegisterMember.HandleAsync(db, system, new RegisterMember.Request
            {
                OrganizationId = branch, JoinedOn = new DateOnly(2023, 12, 5), Person = new PersonalData { GivenName = "Ana", FamilyName = "Silva" },
            }, Ct)).IsSuccess);
        }

        var (exit, output) = await RunAsync("health", "compute", "--months", "3");

        Assert.True(exit == 0, output);
        Assert.Contains("Computed", output, StringComparison.Ordinal);
        await using var check = database.Scope();
        var top2 = await check.Db().Organizations.Where(o => o.Code == "CC").Select(o => o.Id).SingleAsync(Ct);
        Assert.Equal(1, await check.Db().IndicatorValues.Where(v => v.OrganizationId == top2 && v.Indicator == "members").Select(v => v.Value).SingleAsync(Ct));
        Assert.Equal(1, await check.Db().HealthRuns.CountAsync(Ct));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("121")]
    public async Task Health_compute_with_a_bad_number_of_months_fails_naming_the_option_and_computes_nothing(string months)
    {
        var (exit, output) = await RunAsync("health", "compute", "--months", months);

        Assert.NotEqual(0, exit);
        Assert.Contains("--months", output, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(0, await scope.Db().HealthRuns.CountAsync(Ct));
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
