using Cadre.Cli;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Cadre.Tests.Cli;

/// Runs the cadre command line in the test's process, against the test's database, and returns its exit code and what it
/// printed: a plain console (no colours, no prompts), wide enough that no message is wrapped in the middle of what a test
/// looks for.
internal static class CliRun
{
    public static async Task<(int Exit, string Output)> RunAsync(IConfiguration configuration, CancellationToken ct, params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 500;
        var exit = await CadreCli.RunAsync(args, configuration, console, ct);
        return (exit, writer.ToString());
    }
}
