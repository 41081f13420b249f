using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Cadre.Cli.Infrastructure;

internal static class Output
{
    /// Prints a named error, each field under the name of the option the user typed, and gives the exit code.
    public static int Fail(IAnsiConsole console, Error error, IReadOnlyDictionary<string, string>? options = null)
    {
        var fields = error switch
        {
            ValidationFailed v => v.Errors,
            InvalidField f => [f],
            _ => [],
        };
        if (fields.Count == 0)
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {error.Message}");
            return 1;
        }
        foreach (var field in fields)
        {
            var name = options is not null && options.TryGetValue(field.FieldName, out var option) ? option : field.FieldName;
            if (string.IsNullOrEmpty(name)) console.MarkupLineInterpolated($"[red]Error:[/] {field.Message}");
            else console.MarkupLineInterpolated($"[red]Error[/] in {name}: {field.Message}");
        }
        return 1;
    }

    /// The commands that write need the current schema; migrating is left to `cadre migrate`, so it is never a surprise.
    public static async Task<bool> EnsureMigratedAsync(IAnsiConsole console, CadreDbContext db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return true;
        console.MarkupLineInterpolated($"[red]Error:[/] the database is not up to date ({pending.Count} migration(s) pending): run `cadre migrate` first.");
        return false;
    }

    public static string Describe(CadreDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return db.IsPostgres ? $"PostgreSQL database {connection.Database} on {connection.DataSource}" : $"SQLite database {connection.DataSource}";
    }
}
