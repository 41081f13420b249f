using System.ComponentModel;
using Cadre.Accounts;
using Cadre.Cli.Infrastructure;
using Cadre.Data;
using Cadre.International;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.International;

internal sealed class ImportPartiesCommand(CadreDbContext db, Actor actor, IAnsiConsole console) : AsyncCommand<ImportPartiesCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The Party Facts core table (partyfacts-core-parties.csv); its columns may come in any order.")]
        public string File { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.File);
        if (!System.IO.File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {settings.File}: there is no such file.");
            return 1;
        }
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;

        ImportParties.Report? report = null;
        Cadre.Common.Error? error = null;
        await console.Status().StartAsync($"Importing the parties of {Path.GetFileName(path)}", async _ =>
        {
            await using var file = System.IO.File.OpenRead(path);
            var result = await ImportParties.HandleAsync(db, actor, file, cancellationToken);
            if (result.IsSuccess) report = result.Value;
            else error = result.Error;
        });
        if (error is PartyFileRefused refused)
        {
            foreach (var problem in refused.Problems) console.WriteLine($"{settings.File}:{problem}");
            if (refused.Problems.Count >= ImportParties.MaxProblems) console.WriteLine($"(only the first {ImportParties.MaxProblems} problems are shown)");
            console.MarkupLine("[red]Refused:[/] nothing was imported.");
            return 1;
        }
        if (error is not null) return Output.Fail(console, error);
        console.MarkupLineInterpolated(
            $"[green]Imported[/] {report!.Rows - report.Skipped:N0} parties in {report.Countries:N0} countries: {report.Created:N0} new, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged; {report.Skipped:N0} technical row(s) left out.");
        return 0;
    }
}
