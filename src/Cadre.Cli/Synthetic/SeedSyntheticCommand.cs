using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Cadre.Cli.Infrastructure;
using Cadre.Common;
using Cadre.Data;
using Cadre.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Synthetic;

internal sealed class SeedSyntheticCommand(CadreDbContext db, IAnsiConsole console) : AsyncCommand<SeedSyntheticCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        // Strings, parsed here, so a bad value gets a message that names the option (Spectre's own names only the type).
        [CommandOption("--members <N>")]
        [Description("How many members (required), e.g. 100000.")]
        public string? Members { get; init; }

        [CommandOption("--seed <S>")]
        [Description("The seed of the random draw (default 1): the same seed always gives the same party.")]
        public string? Seed { get; init; }

        [CommandOption("--years <Y>")]
        [Description("Years of history: admissions, transfers, lapses, monthly dues (default 2).")]
        public string? Years { get; init; }

        public override ValidationResult Validate()
        {
            if (Members is null) return ValidationResult.Error("--members: say how many members to generate.");
            foreach (var (name, value) in new[] { ("--members", Members), ("--seed", Seed), ("--years", Years) })
                if (value is not null && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                    return ValidationResult.Error($"{name}: '{value}' is not a whole number.");
            return ValidationResult.Success();
        }

        public SyntheticOptions Options => new(Parse(Members) ?? 0, Parse(Seed) ?? 1, Parse(Years) ?? 2);

        private static int? Parse(string? value) => value is null ? null : int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;
        var options = settings.Options;
        console.MarkupLineInterpolated(
            $"Seeding a synthetic party of {options.Members:N0} members, {options.Years} year(s) of history (seed {options.Seed}) into the {Output.Describe(db)}");
        var watch = Stopwatch.StartNew();
        Result<SyntheticCounts> seeded = default;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Checking the database", maxValue: 100);
                var report = new InlineProgress(step =>
                {
                    task.Description = step.Step;
                    task.Value = step.Total == 0 ? 0 : 100.0 * step.Done / step.Total;
                });
                seeded = await SyntheticParty.SeedAsync(db, options, report, cancellationToken);
                task.Value = 100;
            });
        if (!seeded.IsSuccess) return Output.Fail(console, seeded.Error);

        var counts = seeded.Value;
        var table = new Table().AddColumn("Rows").AddColumn(new TableColumn("Count").RightAligned());
        foreach (var (name, count) in new (string, long)[]
                 {
                     ("Organizations", counts.Organizations), ("Closure rows", counts.OrganizationPaths), ("Members", counts.Members),
                     ("of whom candidates", counts.Candidates), ("Transfers", counts.Transfers), ("Lapses", counts.Lapses),
                     ("Membership events", counts.MembershipEvents), ("Declared incomes", counts.DeclaredIncomes),
                     ("Dues payments", counts.Payments), ("Payment allocations", counts.PaymentAllocations),
                 })
            table.AddRow(name, count.ToString("N0", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLineInterpolated($"[green]Seeded[/] in {watch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    // Reports on the calling thread; Progress<T> would post to the thread pool and lag behind the work.
    private sealed class InlineProgress(Action<SyntheticProgress> report) : IProgress<SyntheticProgress>
    {
        public void Report(SyntheticProgress value) => report(value);
    }
}
