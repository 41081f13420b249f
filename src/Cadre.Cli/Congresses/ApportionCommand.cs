using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cadre.Cli.Infrastructure;
using Cadre.Congresses.Apportionment;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Congresses;

/// `cadre apportion FILE.csv --method … --seats N [--min K] [--json]`: seats among organizations by population.
internal sealed class ApportionCommand(IAnsiConsole console) : Command<ApportionCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("CSV with a header and the columns name,population.")]
        public string File { get; init; } = "";

        [CommandOption("--method <METHOD>")]
        [Description("dhondt, sainte-lague, hare (Hare–Niemeyer) or huntington-hill.")]
        public string Method { get; init; } = "";

        [CommandOption("--seats <N>")]
        [Description("The seats to apportion.")]
        public int Seats { get; init; }

        [CommandOption("--min <K>")]
        [Description("The minimum of seats of every organization (0 by default).")]
        public int Minimum { get; init; }

        [CommandOption("--json")]
        [Description("Print {\"method\", \"seats\", \"allocation\": {name: seats}} instead of the tables.")]
        public bool Json { get; init; }
    }

    /// Exit code when the last seats are tied: not an error of the input, but no complete result either.
    public const int TieExitCode = 3;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (ApportionmentResult.Parse(settings.Method) is not { } method)
        {
            console.MarkupLineInterpolated($"[red]Error[/] in --method: '{settings.Method}' is not a method; use dhondt, sainte-lague, hare or huntington-hill.");
            return 1;
        }
        if (!System.IO.File.Exists(settings.File))
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {settings.File}: there is no such file.");
            return 1;
        }
        Cadre.Common.Result<List<Unit>> units;
        using (var stream = System.IO.File.OpenRead(settings.File)) units = ApportionmentCsv.Read(stream, settings.File);
        if (!units.IsSuccess) return Output.Fail(console, units.Error);
        var result = Apportion.Run(new ApportionmentRequest(units.Value, settings.Seats, method, settings.Minimum));
        if (!result.IsSuccess)
            return Output.Fail(console, result.Error, new Dictionary<string, string> { ["Seats"] = "--seats", ["MinimumSeats"] = "--min", ["Units"] = settings.File });

        var apportionment = result.Value;
        if (settings.Json) WriteJson(console, apportionment);
        else WriteTables(console, apportionment);
        if (apportionment.Tie is { } tie)
        {
            if (!settings.Json)
                console.MarkupLineInterpolated($"[yellow]Tie:[/] {tie.Seats} seat(s) between {string.Join(", ", tie.Units.Select(u => apportionment.Units[u].Name))} (equal at {tie.Priority}); the statutes decide, for example by lot.");
            return TieExitCode;
        }
        return 0;
    }

    private static void WriteJson(IAnsiConsole console, ApportionmentResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("method", ApportionmentResult.Name(result.Method));
            json.WriteNumber("seats", result.Seats);
            json.WriteStartObject("allocation");
            for (var u = 0; u < result.Units.Count; u++) json.WriteNumber(result.Units[u].Name, result.Allocation[u]);
            json.WriteEndObject();
            if (result.Tie is { } tie)
            {
                json.WriteStartObject("tie");
                json.WriteNumber("seats", tie.Seats);
                json.WriteStartArray("between");
                foreach (var u in tie.Units) json.WriteStringValue(result.Units[u].Name);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // Straight to the output: Spectre would wrap long lines of JSON at the console's width.
        console.Profile.Out.Writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        console.Profile.Out.Writer.Flush();
    }

    private static void WriteTables(IAnsiConsole console, ApportionmentResult result)
    {
        var method = ApportionmentResult.Name(result.Method);
        var table = new Table().Title($"{method}: {result.Seats:N0} seats, minimum {result.MinimumSeats}")
            .AddColumn("Organization").AddColumn(new TableColumn("Population").RightAligned()).AddColumn(new TableColumn("Seats").RightAligned());
        if (result.Method == ApportionmentMethod.HareNiemeyer)
        {
            table.AddColumn(new TableColumn("Quotient").RightAligned()).AddColumn(new TableColumn("Whole").RightAligned())
                .AddColumn(new TableColumn("Remainder").RightAligned()).AddColumn("Remainder seat");
            foreach (var share in result.Shares)
            {
                var unit = result.Units[share.Unit];
                table.AddRow(Markup.Escape(unit.Name), $"{unit.Population:N0}", $"{result.Allocation[share.Unit]}",
                    share.RaisedToMinimum ? "(minimum)" : share.Quotient, $"{share.Whole}", share.Remainder, share.RemainderSeat ? "yes" : "");
            }
            console.Write(table);
            if (result.Quota is { } quota) console.WriteLine($"Quota (population per seat): {quota}");
            return;
        }
        table.AddColumn(new TableColumn("Last priority won").RightAligned()).AddColumn(new TableColumn("Next priority").RightAligned());
        var lastWon = result.Awards.GroupBy(a => a.Unit).ToDictionary(g => g.Key, g => g.Last().Priority);
        for (var u = 0; u < result.Units.Count; u++)
        {
            var unit = result.Units[u];
            table.AddRow(Markup.Escape(unit.Name), $"{unit.Population:N0}", $"{result.Allocation[u]}", lastWon.GetValueOrDefault(u, "(minimum)"), result.NextPriority[u]);
        }
        console.Write(table);
        var order = new Table().Title("Seats in the order given").AddColumn(new TableColumn("Seat").RightAligned()).AddColumn("Organization")
            .AddColumn(new TableColumn("Its seats").RightAligned()).AddColumn(new TableColumn("Priority value").RightAligned());
        foreach (var award in result.Awards) order.AddRow($"{award.Seat}", Markup.Escape(result.Units[award.Unit].Name), $"{award.UnitSeats}", award.Priority);
        console.Write(order);
    }
}
