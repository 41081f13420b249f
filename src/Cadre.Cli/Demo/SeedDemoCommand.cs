using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Cadre.Accounts;
using Cadre.Cli.Infrastructure;
using Cadre.Common;
using Cadre.Data;
using Cadre.Demo;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Demo;

internal sealed class SeedDemoCommand(CadreDbContext db, UserManager<CadreUser> users, IAnsiConsole console) : AsyncCommand<SeedDemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        // A string, parsed here, so a bad value gets a message that names --seed (Spectre's own names only the type).
        [CommandOption("--seed <N>")]
        [Description("The seed of the random draw (a whole number, default 1): the same seed always gives the same party.")]
        public string? Seed { get; init; }

        public override ValidationResult Validate() =>
            Seed is null || int.TryParse(Seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--seed: '{Seed}' is not a whole number.");

        public int SeedValue => Seed is null ? 1 : int.Parse(Seed, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;
        console.MarkupLineInterpolated($"Seeding the demo party (seed {settings.SeedValue}) into the {Output.Describe(db)}");
        var watch = Stopwatch.StartNew();
        Result<DemoLogins> seeded = default;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Checking the database", maxValue: 100);
                var report = new InlineProgress(step =>
                {
                    task.Description = step.Step;
                    task.Value = step.Percent;
                });
                seeded = await DemoParty.SeedAsync(db, users, settings.SeedValue, report, cancellationToken);
            });
        if (!seeded.IsSuccess) return Output.Fail(console, seeded.Error);

        var demo = seeded.Value;
        console.MarkupLineInterpolated(
            $"[green]Seeded[/] {demo.Organizations} organizations and {demo.Members:N0} members in {watch.Elapsed.TotalSeconds:0.0} s.");
        console.MarkupLine("Demo logins:");
        foreach (var login in demo.Accounts) console.WriteLine("  " + login.Describe());
        return 0;
    }

    // Reports on the calling thread; Progress<T> would post to the thread pool and lag behind the work.
    private sealed class InlineProgress(Action<DemoProgress> report) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => report(value);
    }
}
