using System.Text.Json;
using Cadre.Tests.Congresses;
using Cadre.Tests.Demo;

namespace Cadre.Tests.Cli;

/// `cadre count` and `cadre apportion` in-process: pure computation, no database touched.
public sealed class CountAndApportionCliTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Count_json_prints_the_Linn_count_in_the_documented_shape()
    {
        var (exit, output) = await RunAsync("count", SharedData.File("elections/glasgow-2007-linn.blt"), "--json");

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["method", "seats", "quota", "elected", "stages"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("scottish-stv", root.GetProperty("method").GetString());
        Assert.Equal(4, root.GetProperty("seats").GetInt32());
        Assert.Equal("1914.00000", root.GetProperty("quota").GetString());
        Assert.Equal(["David Ritchie", "Sadie Docherty", "John McKenzie", "Margot Clark"], root.GetProperty("elected").EnumerateArray().Select(e => e.GetString()));
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(10, stages.Count);
        Assert.Equal(["votes", "elected", "excluded", "exhausted"], stages[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("898.00000", stages[0].GetProperty("votes").GetProperty("Esme H Clark").GetString());
        Assert.Equal("36.18420", stages[1].GetProperty("exhausted").GetString());
        Assert.Equal(JsonValueKind.Null, stages[3].GetProperty("votes").GetProperty("Gordon Thomson").ValueKind);
        Assert.Equal(["Gordon Thomson"], stages[2].GetProperty("excluded").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Count_of_the_vegetables_by_meek_prints_nine_decimals_and_the_withdrawn_as_null()
    {
        var (exit, output) = await RunAsync("count", SharedData.File("elections/vegetables.blt"), "--method", "meek", "--json");

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("meek", json.RootElement.GetProperty("method").GetString());
        Assert.Equal(["Grape", "Hazelnut", "Jalapeno", "Eggplant"], json.RootElement.GetProperty("elected").EnumerateArray().Select(e => e.GetString()));
        var first = json.RootElement.GetProperty("stages")[0].GetProperty("votes");
        Assert.Equal("13.000000000", first.GetProperty("Grape").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("Banana").ValueKind);
    }

    [Fact]
    public async Task Count_prints_the_stages_as_a_table_and_the_elected_in_order()
    {
        var (exit, output) = await RunAsync("count", SharedData.File("elections/glasgow-2007-linn.blt"));

        Assert.True(exit == 0, output);
        Assert.Contains("quota 1914.00000", output, StringComparison.Ordinal);
        Assert.Contains("1866.00174", output, StringComparison.Ordinal);
        Assert.Contains("Stage 2: Surplus of David Ritchie (129.00000) transferred.", output, StringComparison.Ordinal);
        Assert.Contains("Elected in order: David Ritchie, Sadie Docherty, John McKenzie, Margot Clark.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3 2\n1 1 4 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n", ":2: candidate 4 is out of range")]
    [InlineData("3 2\n1 1 2 1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n", ":2: the ranking names candidate 1 more than once")]
    [InlineData("3 2\n1 1 2 0\n0\n\"A\"\n\"B\"\n", ":6: the name of candidate 3 is missing")]
    [InlineData("3 2\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n", ":7: the quoted title")]
    [InlineData("2 3\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n", ":1: 3 seats cannot be filled from 2 candidate(s)")]
    public async Task Count_of_a_bad_ballot_file_fails_naming_the_line_and_the_problem(string blt, string expected)
    {
        var file = Path.Combine(database.Directory, "bad.blt");
        await File.WriteAllTextAsync(file, blt, Ct);

        var (exit, output) = await RunAsync("count", file);

        Assert.Equal(1, exit);
        Assert.Contains("bad.blt" + expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_with_an_unknown_method_or_too_many_seats_fails()
    {
        var vegetables = SharedData.File("elections/vegetables.blt");

        var (exit, output) = await RunAsync("count", vegetables, "--method", "borda");
        Assert.Equal(1, exit);
        Assert.Contains("'borda' is not a method", output, StringComparison.Ordinal);

        (exit, output) = await RunAsync("count", vegetables, "--seats", "8");
        Assert.Equal(1, exit);
        Assert.Contains("--seats", output, StringComparison.Ordinal);
        Assert.Contains("8 seat(s) cannot be filled from 7 candidate(s) standing", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apportion_json_reproduces_the_2010_House()
    {
        var states = ApportionmentTests.States2010(out var official);
        var file = Path.Combine(database.Directory, "states.csv");
        await File.WriteAllLinesAsync(file, states.Select(s => $"\"{s.Name}\",{s.Population}").Prepend("name,population"), Ct);

        var (exit, output) = await RunAsync("apportion", file, "--method", "huntington-hill", "--seats", "435", "--min", "1", "--json");

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["method", "seats", "allocation"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("huntington-hill", json.RootElement.GetProperty("method").GetString());
        Assert.Equal(435, json.RootElement.GetProperty("seats").GetInt32());
        var allocation = json.RootElement.GetProperty("allocation").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(official.OrderBy(p => p.Key), allocation.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Apportion_prints_the_calculation_and_reports_a_tie_with_its_own_exit_code()
    {
        var file = Path.Combine(database.Directory, "tie.csv");
        await File.WriteAllTextAsync(file, "name,population\nNorth,300\nSouth,300\n", Ct);

        var (exit, output) = await RunAsync("apportion", file, "--method", "dhondt", "--seats", "3");

        Assert.Equal(3, exit);
        Assert.Contains("Seats in the order given", output, StringComparison.Ordinal);
        Assert.Contains("Tie: 1 seat(s) between North, South (equal at 150.000000)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name,population\nA,10\nB,-3\n", new[] { "--seats", "5" }, "pop.csv:3: population: -3 is negative.")]
    [InlineData("name,population\nA,10\nB,x\n", new[] { "--seats", "5" }, "pop.csv:3: population: 'x' is not a whole number.")]
    [InlineData("name,population\nA,10\nB,3\n", new[] { "--seats", "3", "--min", "2" }, "Error in --min: A minimum of 2 seat(s) for each of 2 organizations needs 4 seats; there are 3.")]
    [InlineData("name,population\nA,10\nB,3\n", new[] { "--seats", "0" }, "Error in --seats: 0 seat(s)")]
    public async Task Apportion_with_bad_input_fails_naming_it(string csv, string[] options, string expected)
    {
        var file = Path.Combine(database.Directory, "pop.csv");
        await File.WriteAllTextAsync(file, csv, Ct);

        var (exit, output) = await RunAsync(["apportion", file, "--method", "sainte-lague", .. options]);

        Assert.Equal(1, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(database.Configuration, Ct, args);
}
