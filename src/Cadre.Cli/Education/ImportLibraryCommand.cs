using System.ComponentModel;
using Cadre.Accounts;
using Cadre.Cli.Infrastructure;
using Cadre.Data;
using Cadre.Education.Library;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Education;

internal sealed class ImportLibraryCommand(CadreDbContext db, Actor actor, IAnsiConsole console) : AsyncCommand<ImportLibraryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("The folder of .md (or .txt, .html) files, each with front matter (see docs/education.md); subfolders too.")]
        public string Directory { get; init; } = "";

        [CommandOption("--org <CODE>")]
        [Description("The organization whose library the new documents belong to (the top organization when omitted).")]
        public string? Organization { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;
        var files = await ImportLibrary.ReadFolderAsync(Path.GetFullPath(settings.Directory), cancellationToken);
        if (!files.IsSuccess) return Output.Fail(console, files.Error, new Dictionary<string, string> { ["Directory"] = "", ["File"] = "" });

        int? organizationId;
        if (settings.Organization is { } code)
        {
            var normalized = Organization.NormalizeCode(code);
            organizationId = await db.Organizations.Where(o => o.Code == normalized).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (organizationId is null)
            {
                console.MarkupLineInterpolated($"[red]Error[/] in --org: there is no organization with the code {code}.");
                return 1;
            }
        }
        else organizationId = await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (organizationId is null)
        {
            console.MarkupLine("[red]Error:[/] the database has no organization yet; create the top organization first.");
            return 1;
        }

        ImportLibrary.Report? report = null;
        Cadre.Common.Error? error = null;
        await console.Status().StartAsync($"Importing {files.Value.Count:N0} file(s)", async _ =>
        {
            var result = await ImportLibrary.HandleAsync(db, actor, organizationId.Value, files.Value, cancellationToken);
            if (result.IsSuccess) report = result.Value;
            else error = result.Error;
        });
        if (error is not null)
        {
            Output.Fail(console, error, new Dictionary<string, string> { ["File"] = "" });
            console.MarkupLine("[red]Refused:[/] nothing was imported.");
            return 1;
        }
        console.MarkupLineInterpolated(
            $"[green]Imported[/] {report!.Files:N0} file(s): {report.Created:N0} new document(s), {report.Revised:N0} revised, {report.Unchanged:N0} unchanged.");
        return 0;
    }
}
