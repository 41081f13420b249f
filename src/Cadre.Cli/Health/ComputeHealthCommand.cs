using System.ComponentModel;
using System.Globalization;
using Cadre.Cli.Infrastructure;
using Cadre.Data;
using Cadre.Health;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Health;

/// `cadre health compute`: what the daily job does, at once (after an import, or from cron on a server without the web app).
internal sealed class ComputeHealthCommand(CadreDbContext db, IAnsiConsole console) : AsyncCommand<ComputeHealthCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--months <N>")]
        [Description("How many months of flows (joins, lapses, transfers ...) to recount, the current one included (default 12).")]
        public string? Months { get; init; }

        public override ValidationResult Validate() =>
            Months is null || (int.TryParse(Months, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 120)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--months: '{Months}' is not a number of months from 1 to 120.");

        public int FlowMonths => Months is null ? ComputeHealth.DefaultFlowMonths : int.Parse(Months, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;
        console.MarkupLineInterpolated($"Computing the health indicators in the {Output.Describe(db)}");
        ComputeHealth.Computed computed = null!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Indicators", maxValue: IndicatorCatalogue.All.Count);
                var report = new InlineProgress(code =>
                {
                    task.Description = code;
                    task.Increment(1);
                });
                computed = await ComputeHealth.RunAsync(db, cancellationToken, settings.FlowMonths, progress: report);
            });
        console.MarkupLineInterpolated(
            $"[green]Computed[/] {computed.Month:yyyy-MM}: {computed.Statements:N0} indicator-months, {computed.Rows:N0} rows, {computed.Raised:N0} warning(s) raised, in {computed.Took.TotalSeconds:0.0} s.");
        return 0;
    }

    private sealed class InlineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
