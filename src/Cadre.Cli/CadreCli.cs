using Cadre.Accounts;
using Cadre.Cli.Accounts;
using Cadre.Cli.Congresses;
using Cadre.Cli.Data;
using Cadre.Cli.Demo;
using Cadre.Cli.Elections;
using Cadre.Cli.Synthetic;
using Cadre.Cli.Dues;
using Cadre.Cli.Infrastructure;
using Cadre.Cli.Members;
using Cadre.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli;

/// The `cadre` tool: a second host over the same use cases as the web app, reading the same configuration
/// (appsettings.json in the current directory, then environment variables such as ConnectionStrings__Cadre).
public static class CadreCli
{
    /// Runs one command. Tests pass their configuration and a console of their own; the tool passes neither.
    public static async Task<int> RunAsync(string[] args, IConfiguration? overrides = null, IAnsiConsole? console = null, CancellationToken ct = default)
    {
        console ??= AnsiConsole.Console;
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables();
        if (overrides is not null) builder.AddConfiguration(overrides);
        var configuration = builder.Build();

        var services = new ServiceCollection();
        try
        {
            services.AddCadreDatabase(configuration);
        }
        catch (InvalidOperationException e)
        {
            // A wrong provider or a missing connection string: say so plainly, before any command runs.
            console.MarkupLineInterpolated($"[red]Configuration:[/] {e.Message}");
            return 1;
        }
        // Every change the tool saves is recorded in the audit trail under the name of the operating-system user.
        var actor = Actor.System("cli:" + Environment.UserName);
        services.AddScoped(_ => new CurrentActor { Actor = actor });
        services.AddSingleton(actor);
        services.AddLogging();
        services.AddCadreIdentity();
        services.AddSingleton(console);

        await using var registrar = new TypeRegistrar(services);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("cadre");
            config.ConfigureConsole(console);
            config.AddCommand<MigrateCommand>("migrate")
                .WithDescription("Applies the database migrations that are not applied yet.");
            config.AddBranch("seed", seed =>
            {
                seed.SetDescription("Fills an empty database with sample data.");
                seed.AddCommand<SeedDemoCommand>("demo")
                    .WithDescription("Seeds a demo party (3 regions, 12 districts, about 60 primary organizations, 1,500 members) and its demo accounts.")
                    .WithExample("seed", "demo", "--seed", "7");
                seed.AddCommand<SeedSyntheticCommand>("synthetic")
                    .WithDescription("Seeds a large synthetic party (about 22 members a primary organization) with years of history, for benchmarks.")
                    .WithExample("seed", "synthetic", "--members", "100000", "--seed", "1", "--years", "2");
            });
            config.AddBranch("users", users =>
            {
                users.SetDescription("Manages accounts.");
                users.AddCommand<AddUserCommand>("add")
                    .WithDescription("Creates an account holding a role at an organization.")
                    .WithExample("users", "add", "--email", "ana@example.org", "--role", "secretary", "--org", "R1-D2");
            });
            config.AddBranch("import", import =>
            {
                import.AddCommand<ImportMembersCommand>("members")
                    .WithDescription("Imports members from a CSV file: every row is checked first; with any bad row nothing is imported.")
                    .WithExample("import", "members", "members.csv", "--dry-run");
                import.AddCommand<Cadre.Cli.Education.ImportLibraryCommand>("library")
                    .WithDescription("Imports a folder of Markdown files with front matter into the library: one broken file and nothing is imported; re-runs change nothing.")
                    .WithExample("import", "library", "library/", "--org", "CC");
                import.AddCommand<Cadre.Cli.International.ImportPartiesCommand>("parties")
                    .WithDescription("Imports the Party Facts table of parties worldwide into the international registry: one bad row and nothing is imported; re-runs update, never duplicate.")
                    .WithExample("import", "parties", "partyfacts-core-parties.csv");
                import.AddCommand<Cadre.Cli.Supporters.ImportSupportersCommand>("supporters")
                    .WithDescription("Imports supporters with their consents from a CSV file: one bad row and nothing is imported; an address already registered is left as it is.")
                    .WithExample("import", "supporters", "supporters.csv");
                import.AddCommand<ImportBallotsCommand>("ballots")
                    .WithDescription("Imports an election's ranked paper ballots from a BLT file into its poll and counts them with the others: one bad line and nothing is imported; a poll takes its paper once.")
                    .WithExample("import", "ballots", "tellers.blt", "--poll", "12");
            });
            config.AddBranch("export", export =>
            {
                export.SetDescription("Writes data to CSV files; every export is audited.");
                export.AddCommand<ExportMembersCommand>("members")
                    .WithDescription("Exports members to a CSV file in the import format.")
                    .WithExample("export", "members", "--org", "R1-D2", "--out", "members.csv");
                export.AddCommand<ExportDuesCommand>("dues")
                    .WithDescription("Exports the dues (due, paid, outstanding per member and month) of an organization's subtree.")
                    .WithExample("export", "dues", "--org", "R1-D2", "--from", "2025-01", "--to", "2025-06", "--out", "dues.csv");
            });
            config.AddBranch("health", health =>
            {
                health.SetDescription("Organizational health indicators and warnings.");
                health.AddCommand<Cadre.Cli.Health.ComputeHealthCommand>("compute")
                    .WithDescription("Computes every health indicator for every organization (the current month, and the last months of flows) and raises warnings.")
                    .WithExample("health", "compute", "--months", "12");
            });
            config.AddCommand<CountCommand>("count")
                .WithDescription("Counts a BLT ballot file stage by stage (Scottish STV, ERS97, Meek, Wright, instant runoff, plurality, block, approval).")
                .WithExample("count", "ballots.blt", "--method", "meek", "--json");
            config.AddCommand<ApportionCommand>("apportion")
                .WithDescription("Apportions seats among organizations by population (D'Hondt, Sainte-Laguë, Hare–Niemeyer, Huntington–Hill).")
                .WithExample("apportion", "units.csv", "--method", "huntington-hill", "--seats", "435", "--min", "1");
            config.SetExceptionHandler((e, _) =>
            {
                console.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
                return 1;
            });
        });
        return await app.RunAsync(args, ct);
    }
}
