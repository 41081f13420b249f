using System.ComponentModel;
using Cadre.Accounts;
using Cadre.Cli.Infrastructure;
using Cadre.Congresses.Polls;
using Cadre.Data;
using Cadre.Elections.Counting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Congresses;

/// `cadre import ballots FILE.blt --poll ID`: the tellers' ranked paper ballots into an election, all or nothing (decision 0029).
internal sealed class ImportBallotsCommand(CadreDbContext db, Actor actor, IAnsiConsole console) : AsyncCommand<ImportBallotsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The paper ballots in BLT (docs/elections.md describes the dialect); the candidates named as in the poll.")]
        public string File { get; init; } = "";

        [CommandOption("--poll <ID>")]
        [Description("The election poll (closed, or a paper-only poll that is open or closed), not yet published.")]
        public int? Poll { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Poll is not { } poll)
        {
            console.MarkupLine("[red]Error[/] in --poll: give the poll's id (it is in the poll page's address, /polls/ID).");
            return 1;
        }
        var path = Path.GetFullPath(settings.File);
        if (!System.IO.File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {settings.File}: there is no such file.");
            return 1;
        }
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;
        string blt;
        await using (var file = System.IO.File.OpenRead(path))
        {
            var read = await ImportPaperBallots.ReadFileAsync(file, cancellationToken);
            if (!read.IsSuccess) return Output.Fail(console, read.Error, new Dictionary<string, string> { ["File"] = settings.File });
            blt = read.Value;
        }
        var result = await ImportPaperBallots.HandleAsync(db, actor, poll, blt, cancellationToken);
        if (result.Error is BallotFileError bad)
        {
            console.WriteLine($"{settings.File}:{bad.Line}: {bad.Problem}");
            console.MarkupLine("[red]Refused:[/] nothing was imported.");
            return 1;
        }
        if (!result.IsSuccess) return Output.Fail(console, result.Error, new Dictionary<string, string> { ["File"] = settings.File, ["Paper"] = settings.File });
        var imported = result.Value;
        console.MarkupLineInterpolated($"[green]Imported[/] {imported.Ballots:N0} paper ballot(s), {imported.Votes:N0} vote(s), into poll {poll}; counted by {imported.Result.Method}.");
        if (imported.Result.Error is { } problem) console.MarkupLineInterpolated($"[yellow]Count:[/] {problem}");
        else console.MarkupLineInterpolated($"Elected (not yet published): {string.Join(", ", imported.Result.Elected)}.");
        return 0;
    }
}
