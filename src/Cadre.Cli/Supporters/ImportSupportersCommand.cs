using System.ComponentModel;
using Cadre.Accounts;
using Cadre.Cli.Infrastructure;
using Cadre.Data;
using Cadre.Supporters;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Supporters;

internal sealed class ImportSupportersCommand(CadreDbContext db, Actor actor, IAnsiConsole console) : AsyncCommand<ImportSupportersCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A CSV with the columns organization, name and optionally email, phone, address, source, interests, notes, consents, consent_on, consent_how.")]
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
        await using var file = System.IO.File.OpenRead(path);
        var result = await ImportSupporters.HandleAsync(db, actor, file, cancellationToken);
        if (result.Error is SupporterFileRefused refused)
        {
            foreach (var problem in refused.Problems) console.WriteLine($"{settings.File}:{problem}");
            console.MarkupLine("[red]Refused:[/] nothing was imported.");
            return 1;
        }
        if (!result.IsSuccess) return Output.Fail(console, result.Error);
        var report = result.Value;
        console.MarkupLineInterpolated($"[green]Imported[/] {report.Created:N0} supporter(s) of {report.Rows:N0} row(s); {report.AlreadyRegistered:N0} already registered, left as they were.");
        return 0;
    }
}
