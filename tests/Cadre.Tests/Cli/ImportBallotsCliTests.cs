using Cadre.Accounts;
using Cadre.Congresses;
using Cadre.Congresses.Polls;
using Cadre.Elections.Counting;
using Cadre.Organizations;
using Cadre.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Cli;

/// `cadre import ballots FILE.blt --poll ID`, in-process against a temp SQLite file (decision 0029).
public sealed class ImportBallotsCliTests : IAsyncLifetime
{
    private static readonly string[] Linn =
    [
        "Esme H Clark", "Margot Clark", "Sadie Docherty", "Chris Lang", "Harry McArthur", "John McKenzie", "David Ritchie", "Alan Stewart",
        "Chloe Helen Stewart", "Gordon Thomson", "Frank Young",
    ];

    private readonly TempDatabase database = new();
    private int poll;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        await using var scope = database.Scope();
        var db = scope.Db();
        var actor = Actor.System("test");
        var level = await db.Levels.Where(l => l.Rank == 0).Select(l => l.Id).SingleAsync(Ct);
        var centre = (await CreateOrganization.HandleAsync(db, actor,
            new CreateOrganization.Request { Code = "CC", Name = "Central Committee", LevelId = level, FoundedOn = new DateOnly(2000, 1, 1) }, Ct)).Value;
        var congress = (await ConveneCongress.HandleAsync(db, actor, new ConveneCongress.Request
        {
            OrganizationId = centre, Number = 1, OpensOn = new DateOnly(2025, 3, 14), ClosesOn = new DateOnly(2025, 3, 14), CutOffOn = new DateOnly(2025, 3, 1),
            DelegateSeats = 10,
        }, Ct)).Value;
        poll = (await CreatePoll.HandleAsync(db, actor, congress, new CreatePoll.Request
        {
            Title = "Linn", Kind = PollKind.Election, Method = CountMethod.ScottishStv, Seats = 4, PaperOnly = true,
        }, Ct)).Value;
        foreach (var name in Linn) Assert.True((await NominateCandidate.HandleAsync(db, actor, poll, new NominateCandidate.Request(name), Ct)).IsSuccess);
        Assert.True((await OpenPoll.HandleAsync(db, actor, poll, Ct)).IsSuccess);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_bad_line_refuses_the_file_with_its_line_then_the_good_file_elects_the_official_four_and_a_second_import_is_refused()
    {
        var lines = await File.ReadAllLinesAsync(SharedData.File("elections/glasgow-2007-linn.blt"), Ct);
        var bad = Path.Combine(database.Directory, "linn-bad.blt");
        lines[99] = "1 4 12 0";
        await File.WriteAllLinesAsync(bad, lines, Ct);

        var (exit, output) = await RunAsync("import", "ballots", bad, "--poll", $"{poll}");

        Assert.Equal(1, exit);
        Assert.Contains("linn-bad.blt:100: candidate 12 is out of range: the candidates are numbered 1 to 11.", output, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", output, StringComparison.Ordinal);
        await using (var scope = database.Scope())
        {
            Assert.Equal(0, await scope.Db().Ballots.CountAsync(Ct));
            Assert.Null(await scope.Db().Polls.Select(p => p.PaperEnteredAt).SingleAsync(Ct));
        }

        var good = SharedData.File("elections/glasgow-2007-linn.blt");
        (exit, output) = await RunAsync("import", "ballots", good, "--poll", $"{poll}");

        Assert.True(exit == 0, output);
        Assert.Contains("Elected (not yet published): David Ritchie, Sadie Docherty, John McKenzie, Margot Clark.", output, StringComparison.Ordinal);
        await using (var scope = database.Scope())
        {
            var row = await scope.Db().Polls.SingleAsync(Ct);
            Assert.Equal(PollStatus.Closed, row.Status);
            Assert.Equal(row.PaperBallots, await scope.Db().Ballots.CountAsync(b => b.Paper && b.DelegateId == null, Ct));
        }
        (exit, output) = await RunAsync("import", "ballots", good, "--poll", $"{poll}");
        Assert.Equal(1, exit);
        Assert.Contains("already been entered", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_poll_option_a_poll_that_does_not_exist_and_a_missing_file_are_named()
    {
        var good = SharedData.File("elections/glasgow-2007-linn.blt");
        var (exit, output) = await RunAsync("import", "ballots", good);
        Assert.Equal((1, true), (exit, output.Contains("--poll", StringComparison.Ordinal)));
        (exit, output) = await RunAsync("import", "ballots", good, "--poll", "999");
        Assert.Equal((1, true), (exit, output.Contains("There is no such poll", StringComparison.Ordinal)));
        (exit, output) = await RunAsync("import", "ballots", "nowhere.blt", "--poll", $"{poll}");
        Assert.Equal((1, true), (exit, output.Contains("nowhere.blt: there is no such file", StringComparison.Ordinal)));
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
