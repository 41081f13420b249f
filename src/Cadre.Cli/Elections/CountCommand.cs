using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Elections.Counting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Elections;

/// `cadre count FILE.blt [--method …] [--seats N] [--seed S] [--json]`: counts a BLT ballot file stage by stage.
internal sealed class CountCommand(IAnsiConsole console) : Command<CountCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The ballots in BLT (docs/elections.md describes the dialect read).")]
        public string File { get; init; } = "";

        [CommandOption("--method <METHOD>")]
        [Description("scottish-stv (default), ers97, meek, wright, irv, plurality, block or approval.")]
        public string Method { get; init; } = "scottish-stv";

        [CommandOption("--seats <N>")]
        [Description("The seats to fill; the file's own number by default.")]
        public int? Seats { get; init; }

        [CommandOption("--seed <S>")]
        [Description("The seed of any draw by lot (0 by default); the report names it.")]
        public long Seed { get; init; }

        [CommandOption("--json")]
        [Description("Print the count as JSON: method, seats, quota, elected, and every stage's votes, elected, excluded, exhausted.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (Count.Parse(settings.Method) is not { } method)
        {
            console.MarkupLineInterpolated($"[red]Error[/] in --method: '{settings.Method}' is not a method; use {string.Join(", ", Enum.GetValues<CountMethod>().Select(Count.Name))}.");
            return 1;
        }
        if (!System.IO.File.Exists(settings.File))
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {settings.File}: there is no such file.");
            return 1;
        }
        var ballots = BltReader.Read(settings.File);
        if (!ballots.IsSuccess)
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {settings.File}:{((BallotFileError)ballots.Error).Line}: {((BallotFileError)ballots.Error).Problem}");
            return 1;
        }
        var result = Count.Run(ballots.Value, method, new CountOptions { Seats = settings.Seats, Seed = settings.Seed });
        if (!result.IsSuccess) return Output.Fail(console, result.Error, new Dictionary<string, string> { ["Seats"] = "--seats", ["File"] = settings.File });
        if (settings.Json) WriteJson(console, result.Value);
        else WriteTables(console, result.Value);
        return 0;
    }

    private static void WriteJson(IAnsiConsole console, CountResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("method", Count.Name(result.Method));
            json.WriteNumber("seats", result.Seats);
            if (result.Quota is { } quota) json.WriteString("quota", result.Format(quota));
            else json.WriteNull("quota");
            json.WriteStartArray("elected");
            foreach (var name in result.ElectedNames) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteStartArray("stages");
            foreach (var stage in result.Stages)
            {
                json.WriteStartObject();
                json.WriteStartObject("votes");
                for (var c = 0; c < result.Candidates.Count; c++)
                {
                    if (stage.Votes[c] is { } v) json.WriteString(result.Candidates[c].Name, result.Format(v));
                    else json.WriteNull(result.Candidates[c].Name);
                }
                json.WriteEndObject();
                json.WriteStartArray("elected");
                foreach (var c in stage.Elected) json.WriteStringValue(result.Candidates[c].Name);
                json.WriteEndArray();
                json.WriteStartArray("excluded");
                foreach (var c in stage.Excluded) json.WriteStringValue(result.Candidates[c].Name);
                json.WriteEndArray();
                json.WriteString("exhausted", result.Format(stage.Exhausted));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        // Straight to the output: Spectre would wrap long lines of JSON at the console's width.
        console.Profile.Out.Writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        console.Profile.Out.Writer.Flush();
    }

    private static void WriteTables(IAnsiConsole console, CountResult result)
    {
        var quota = result.Quota is { } q ? $", quota {result.Format(q)}" : "";
        console.MarkupLineInterpolated($"[bold]{result.Title}[/]: {Count.Name(result.Method)}, {result.Seats} seat(s), {result.Format(result.ValidVotes)} valid votes{quota}.");
        if (result.InvalidBallots > 0) console.MarkupLineInterpolated($"{result.InvalidBallots:N0} ballot(s) not counted (no valid first preference).");
        var table = new Table().AddColumn("Candidate");
        foreach (var stage in result.Stages) table.AddColumn(new TableColumn($"{stage.Number}").RightAligned());
        for (var c = 0; c < result.Candidates.Count; c++)
        {
            var cells = new List<string> { Markup.Escape(result.Candidates[c].Name) };
            foreach (var stage in result.Stages)
            {
                var cell = stage.Votes[c] is { } v ? result.Format(v) : "";
                if (stage.Elected.Contains(c)) cell = $"[green]{cell}*[/]";
                else if (stage.Excluded.Contains(c)) cell = $"[red]{cell}x[/]";
                cells.Add(cell);
            }
            table.AddRow(cells.ToArray());
        }
        table.AddRow([.. result.Stages.Select(s => result.Format(s.Exhausted)).Prepend("Exhausted")]);
        if (result.Stages.Any(s => s.Quota is not null) && result.Method is CountMethod.Meek or CountMethod.InstantRunoff or CountMethod.Ers97)
            table.AddRow([.. result.Stages.Select(s => s.Quota is { } sq ? result.Format(sq) : "").Prepend("Quota")]);
        console.Write(table);
        console.MarkupLine("* elected at the stage, x excluded at the stage; an empty cell is a candidate out of the count.");
        foreach (var stage in result.Stages) console.MarkupLineInterpolated($"Stage {stage.Number}: {stage.Description}");
        foreach (var tie in result.TieBreaks) console.MarkupLineInterpolated($"[yellow]Tie:[/] stage {tie.Stage}: {tie.Description}");
        console.MarkupLineInterpolated($"[green]Elected[/] in order: {string.Join(", ", result.ElectedNames)}.");
    }
}
