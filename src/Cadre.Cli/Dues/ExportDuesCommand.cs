using System.ComponentModel;
using System.Text;
using Cadre.Accounts;
using Cadre.Cli.Infrastructure;
using Cadre.Data;
using Cadre.Dues;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Dues;

/// `cadre export dues`: the dues ledger of an organization's subtree as CSV, audited like the web export.
internal sealed class ExportDuesCommand(CadreDbContext db, Actor actor, IAnsiConsole console) : AsyncCommand<ExportDuesCommand.Settings>
{
    private static readonly Dictionary<string, string> Options = new()
    {
        ["OrganizationCode"] = "--org",
        ["From"] = "--from",
        ["To"] = "--to",
    };

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--org <CODE>", isRequired: true)]
        [Description("The code of the organization whose subtree is exported.")]
        public string Organization { get; init; } = "";

        [CommandOption("--from <YYYY-MM>", isRequired: true)]
        [Description("The first month.")]
        public string From { get; init; } = "";

        [CommandOption("--to <YYYY-MM>", isRequired: true)]
        [Description("The last month.")]
        public string To { get; init; } = "";

        [CommandOption("--out <FILE>", isRequired: true)]
        [Description("The CSV file to write (UTF-8); replaced if it exists.")]
        public string Out { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;
        var target = Path.GetFullPath(settings.Out);
        // Written beside the target and moved into place only when complete: a refused export leaves no file behind.
        var partial = target + ".partial";
        Cadre.Common.Result<ExportDues.Exported> result;
        await using (var writer = new StreamWriter(partial, false, new UTF8Encoding(false)))
        {
            result = await ExportDues.HandleAsync(db, actor, new ExportDues.Request(settings.Organization, settings.From, settings.To), writer, cancellationToken);
        }
        if (!result.IsSuccess)
        {
            File.Delete(partial);
            return Output.Fail(console, result.Error, Options);
        }
        File.Move(partial, target, overwrite: true);
        var r = result.Value;
        console.MarkupLineInterpolated($"[green]Exported[/] {r.Rows} row(s) of dues for {r.OrganizationCode}, {Months.Format(r.From)} to {Months.Format(r.To)}, to {target}.");
        return 0;
    }
}
