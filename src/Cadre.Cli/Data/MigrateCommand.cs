using Cadre.Cli.Infrastructure;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Data;

internal sealed class MigrateCommand(CadreDbContext db, IAnsiConsole console) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        console.MarkupLineInterpolated($"Migrating the {Output.Describe(db)}");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        if (pending.Count == 0)
        {
            console.MarkupLine("[green]The database is up to date[/]: no migration to apply.");
            return 0;
        }
        foreach (var migration in pending) console.MarkupLineInterpolated($"  applied [blue]{migration}[/]");
        console.MarkupLineInterpolated($"[green]Applied {pending.Count} migration(s).[/]");
        return 0;
    }
}
