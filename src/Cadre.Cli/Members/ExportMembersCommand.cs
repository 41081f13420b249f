using System.ComponentModel;
using Cadre.Accounts;
using Cadre.Cli.Infrastructure;
using Cadre.Data;
using Cadre.Members.Import;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Members;

internal sealed class ExportMembersCommand(CadreDbContext db, Actor actor, IAnsiConsole console) : AsyncCommand<ExportMembersCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--org <CODE>")]
        [Description("The organization whose members (its whole subtree) are exported; all members when left out.")]
        public string? Organization { get; init; }

        [CommandOption("--out <FILE>", isRequired: true)]
        [Description("The CSV file to write, in the import format (docs/import.md).")]
        public string Out { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;
        int? organizationId = null;
        if (!string.IsNullOrWhiteSpace(settings.Organization))
        {
            var code = Organization.NormalizeCode(settings.Organization);
            organizationId = await db.Organizations.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (organizationId is null)
            {
                console.MarkupLineInterpolated($"[red]Error[/] in --org: there is no organization with the code \"{code}\".");
                return 1;
            }
        }
        var path = Path.GetFullPath(settings.Out);
        var temporary = path + ".part";
        Cadre.Common.Result<ExportMembers.Exported> exported;
        await using (var file = File.Create(temporary))
            exported = await ExportMembers.WriteAsync(db, actor, organizationId, file, cancellationToken);
        if (!exported.IsSuccess)
        {
            File.Delete(temporary);
            return Output.Fail(console, exported.Error);
        }
        // Written beside and renamed, so a failed export never leaves half a file under the name asked for.
        File.Move(temporary, path, overwrite: true);
        console.MarkupLineInterpolated($"[green]Exported[/] {exported.Value.Rows:N0} member(s) to {settings.Out}.");
        return 0;
    }
}
