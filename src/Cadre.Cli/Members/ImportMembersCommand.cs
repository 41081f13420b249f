using System.ComponentModel;
using Cadre.Accounts;
using Cadre.Cli.Infrastructure;
using Cadre.Data;
using Cadre.Members.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Members;

internal sealed class ImportMembersCommand(CadreDbContext db, Actor actor, IAnsiConsole console) : AsyncCommand<ImportMembersCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The CSV file (the columns are in docs/import.md).")]
        public string File { get; init; } = "";

        [CommandOption("--dry-run")]
        [Description("Check every row and report what would happen; write nothing.")]
        public bool DryRun { get; init; }

        [CommandOption("--skip-invalid")]
        [Description("Import the good rows and write the bad ones, with their reasons, to FILE.rejects.csv beside the input.")]
        public bool SkipInvalid { get; init; }

        [CommandOption("--org <CODE>")]
        [Description("Accept only rows of this organization's subtree.")]
        public string? Organization { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.File);
        if (!File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {settings.File}: there is no such file.");
            return 1;
        }
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;

        var rejectsPath = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".rejects.csv");
        ImportMembers.Report? report = null;
        Cadre.Common.Error? error = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var scanning = progress.AddTask("Scanning", maxValue: 1);
                var checking = progress.AddTask(settings.DryRun ? "Checking" : "Checking and importing", autoStart: false, maxValue: 1);
                var options = new ImportMembers.Options
                {
                    DryRun = settings.DryRun,
                    SkipInvalid = settings.SkipInvalid,
                    OrganizationCode = settings.Organization,
                    FileName = Path.GetFileName(path),
                    OpenRejects = () => new StreamWriter(rejectsPath, append: false, new System.Text.UTF8Encoding(false)),
                    Progress = new InlineProgress(p =>
                    {
                        var task = p.Phase == "Scanning" ? scanning : checking;
                        if (p.TotalBytes == 0) return;
                        if (!task.IsStarted) task.StartTask();
                        task.Value = (double)p.BytesRead / p.TotalBytes;
                        task.Description = $"{(p.Phase == "Importing" ? "Checking and importing" : p.Phase)} ({p.Rows:N0} rows)";
                    }),
                };
                var result = await ImportMembers.HandleAsync(db, actor, () => File.OpenRead(path), options, cancellationToken);
                if (result.IsSuccess)
                {
                    report = result.Value;
                    scanning.Value = 1;
                    checking.Value = 1;
                }
                else error = result.Error;
            });
        if (error is not null) return Output.Fail(console, error, new Dictionary<string, string> { ["OrganizationCode"] = "--org" });

        foreach (var problem in report!.Problems)
            console.WriteLine($"{settings.File}:{problem.Line}:{problem.Column}: {problem.Reason}");
        if (report.ProblemCount > report.Problems.Count)
            console.WriteLine($"... and {report.ProblemCount - report.Problems.Count:N0} more problem(s).");

        var table = new Table().AddColumn("Rows").AddColumn("Created").AddColumn("Updated").AddColumn("Unchanged").AddColumn("Rejected").AddColumn("Problems");
        table.AddRow($"{report.Rows:N0}", $"{report.Created:N0}", $"{report.Updated:N0}", $"{report.Unchanged:N0}", $"{report.Rejected:N0}",
            $"{report.ProblemCount:N0}");
        console.Write(table);

        if (report.Refused)
        {
            console.MarkupLineInterpolated($"[red]Refused:[/] {settings.File} has {report.ProblemCount:N0} problem(s); nothing was imported. Correct them, or use --skip-invalid.");
            return 1;
        }
        if (report.DryRun)
        {
            console.MarkupLine("[yellow]Dry run:[/] nothing was written.");
            return 0;
        }
        console.MarkupLineInterpolated($"[green]Imported[/] {settings.File}: {report.Created:N0} created, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged.");
        if (report.Rejected > 0) console.MarkupLineInterpolated($"{report.Rejected:N0} rejected row(s) written to {rejectsPath}.");
        return 0;
    }

    // Reports on the calling thread, as the work goes.
    private sealed class InlineProgress(Action<ImportMembers.ImportProgress> report) : IProgress<ImportMembers.ImportProgress>
    {
        public void Report(ImportMembers.ImportProgress value) => report(value);
    }
}
