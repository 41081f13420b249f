using Cadre.Accounts;
using Cadre.Organizations;
using Cadre.Supporters;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Cli;

/// `cadre import supporters FILE`, in-process against a temp SQLite file.
public sealed class ImportSupportersCliTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        await using var scope = database.Scope();
        var db = scope.Db();
        var level = await db.Levels.Where(l => l.Rank == 0).Select(l => l.Id).SingleAsync(Ct);
        var created = await CreateOrganization.HandleAsync(db, Actor.System("test"),
            new CreateOrganization.Request { Code = "CC", Name = "Central Committee", LevelId = level, FoundedOn = new DateOnly(2000, 1, 1) }, Ct);
        Assert.True(created.IsSuccess);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Supporters_import_with_their_consents_and_a_rerun_adds_nothing_twice()
    {
        var file = Path.Combine(database.Directory, "supporters.csv");
        await File.WriteAllTextAsync(file, "name,organization,email,source,interests,consents,consent_on,consent_how\n"
            + "Ana Petrova,cc,ana@example.org,event,\"housing;peace\",news;events,2024-05-01,paper\n"
            + "Boris Ivanov,CC,boris@example.org,referral,,,,\n", Ct);

        var (exit, output) = await RunAsync("import", "supporters", file);
        var (againExit, again) = await RunAsync("import", "supporters", file);

        Assert.True(exit == 0, output);
        Assert.Contains("Imported 2 supporter(s) of 2 row(s); 0 already registered", output, StringComparison.Ordinal);
        Assert.True(againExit == 0, again);
        Assert.Contains("Imported 0 supporter(s) of 2 row(s); 2 already registered", again, StringComparison.Ordinal);
        await using var scope = database.Scope();
        var ana = await scope.Db().Supporters.Include(s => s.Consents).SingleAsync(s => s.Name == "Ana Petrova", Ct);
        Assert.Equal(("housing,peace", new DateOnly(2024, 5, 1), 2), (ana.Interests, ana.RegisteredOn, ana.Consents.Count));
        Assert.All(ana.Consents, c => Assert.Equal(ConsentMethod.Paper, c.How));
    }

    [Fact]
    public async Task A_bad_row_is_named_with_file_line_and_column_and_nothing_is_imported()
    {
        var file = Path.Combine(database.Directory, "supporters.csv");
        await File.WriteAllTextAsync(file, "organization,name,email,consents\nCC,Ana Petrova,ana@example.org,news\nCC,Boris Ivanov,not-an-address,gossip\nXX,Chen Li,,\n", Ct);

        var (exit, output) = await RunAsync("import", "supporters", file);

        Assert.Equal(1, exit);
        Assert.Contains("supporters.csv:3:email: The email address is not valid.", output, StringComparison.Ordinal);
        Assert.Contains("supporters.csv:3:consents: \"gossip\" is not a purpose", output, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", output, StringComparison.Ordinal);
        await using var scope = database.Scope();
        Assert.Equal(0, await scope.Db().Supporters.CountAsync(Ct));

        await File.WriteAllTextAsync(file, "organization,name\nXX,Chen Li\n", Ct);
        (exit, output) = await RunAsync("import", "supporters", file);
        Assert.Equal(1, exit);
        Assert.Contains("supporters.csv:2:organization: There is no organization XX.", output, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
