using Cadre.Accounts;
using Cadre.Dues;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Cli;

/// `cadre export dues` in-process against a temp SQLite file.
public sealed class ExportDuesCliTests : IAsyncLifetime
{
    private TempDatabase database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => database = await TempDatabase.MigratedAsync(Ct);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Export_dues_writes_the_csv_and_audits_the_export()
    {
        await ArrangeBranchAsync();
        var file = Path.Combine(database.Directory, "dues.csv");

        var (exit, output) = await RunAsync("export", "dues", "--org", "r1", "--from", "2024-01", "--to", "2024-03", "--out", file);

        Assert.True(exit == 0, output);
        Assert.Contains("Exported 3 row(s) of dues for R1", output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file, Ct);
        Assert.Equal(string.Join(',', ExportDues.Columns), lines[0]);
        Assert.EndsWith(",Silva,Ana,2024-02,Income,20.00,5.00,15.00,EUR", lines[2], StringComparison.Ordinal);
        await using var scope = database.Scope();
        var entry = await scope.Db().AuditEntries.SingleAsync(e => e.EntityType == "DuesExport", Ct);
        Assert.Equal("cli:" + Environment.UserName, entry.UserName);
    }

    [Theory]
    [InlineData("NOWHERE", "2024-01", "2024-03", "no such organization")]
    [InlineData("R1", "2024-13", "2024-03", "--from")]
    [InlineData("R1", "2024-01", "31/02/2020", "--to")]
    public async Task Export_dues_with_bad_input_fails_naming_it_and_writes_no_file(string org, string from, string to, string named)
    {
        await ArrangeBranchAsync();
        var file = Path.Combine(database.Directory, "dues.csv");

        var (exit, output) = await RunAsync("export", "dues", "--org", org, "--from", from, "--to", to, "--out", file);

        Assert.NotEqual(0, exit);
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.Empty(System.IO.Directory.GetFiles(database.Directory, "*.partial"));
        await using var scope = database.Scope();
        Assert.False(await scope.Db().AuditEntries.AnyAsync(e => e.EntityType == "DuesExport", Ct));
    }

    /// A centre, a region R1 and a branch B1 with one member who declared 2,000 a month (1 %: 20.00) and paid 5.00 for 2024-02.
    private async Task ArrangeBranchAsync()
    {
        await using var scope = database.Scope();
        var db = scope.Db();
        var system = Actor.System("test");
        var levels = await db.Levels.OrderBy(l => l.Rank).Select(l => l.Id).ToListAsync(Ct);
        var top = (await CreateOrganization.HandleAsync(db, system, new CreateOrganization.Request { Code = "CC", Name = "Centre", LevelId = levels[0] }, Ct)).Value;
        var region = (await CreateOrganization.HandleAsync(db, system, new CreateOrganization.Request { Code = "R1", Name = "Region", LevelId = levels[1], ParentId = top }, Ct)).Value;
        var branch = (await CreateOrganization.HandleAsync(db, system, new CreateOrganization.Request { Code = "B1", Name = "Branch", LevelId = levels[3], ParentId = region }, Ct)).Value;
        var member = (await RegisterMember.HandleAsync(db, system, new RegisterMember.Request
        {
            OrganizationId = branch, JoinedOn = new DateOnly(2023, 12, 5), Person = new PersonalData { GivenName = "Ana", FamilyName = "Silva" },
        }, Ct)).Value.MemberId;
        (await ChangeDuesRules.HandleAsync(db, system, new ChangeDuesRules.Request { Bands = [new(0, 1m)] }, Ct)).Value.ToString();
        (await DeclareIncome.HandleAsync(db, system, new DeclareIncome.Request(member, new DateOnly(2023, 12, 1), 2000m), Ct)).Value.ToString();
        var paid = await RecordPayment.HandleAsync(db, system, new RecordPayment.Request { MemberId = member, Months = [new(new DateOnly(2024, 2, 1), 5m)] }, Ct);
        Assert.True(paid.IsSuccess, paid.Error?.Message);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
