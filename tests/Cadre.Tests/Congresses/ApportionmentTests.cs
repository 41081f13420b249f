using System.Globalization;
using Cadre.Congresses.Apportionment;

namespace Cadre.Tests.Congresses;

public sealed class ApportionmentTests
{
    /// The 2010 census (resident + overseas) among the 50 states the official result lists.
    internal static List<Unit> States2010(out Dictionary<string, int> official)
    {
        var census = File.ReadAllLines(SharedData.File("apportionment/GPHemsley_2010_census.csv")).Skip(1).Select(Fields)
            .ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture) + long.Parse(f[2], CultureInfo.InvariantCulture));
        var rows = File.ReadAllLines(SharedData.File("apportionment/GPHemsley_2010_435_result.csv")).Skip(1).Select(Fields).ToList();
        // The last row is the total.
        Assert.Equal(("TOTAL", "435"), (rows[^1][0], rows[^1][2]));
        var result = rows[..^1];
        official = result.ToDictionary(f => f[0], f => int.Parse(f[2], CultureInfo.InvariantCulture));
        foreach (var f in result) Assert.Equal(long.Parse(f[1], CultureInfo.InvariantCulture), census[f[0]]);
        return [.. result.Select(f => new Unit(f[0], census[f[0]]))];
    }

    private static string[] Fields(string line) => [.. line.Split(',').Select(f => f.Trim('"'))];

    [Fact]
    public void Huntington_Hill_reproduces_the_2010_House_apportionment_for_every_state()
    {
        var states = States2010(out var official);

        var result = Apportion.Run(new ApportionmentRequest(states, 435, ApportionmentMethod.HuntingtonHill, MinimumSeats: 1)).Value;

        Assert.Null(result.Tie);
        Assert.Equal(50, official.Count);
        for (var u = 0; u < states.Count; u++) Assert.True(official[states[u].Name] == result.Allocation[u], $"{states[u].Name}: {result.Allocation[u]}, officially {official[states[u].Name]}");
        Assert.Equal(435, result.Allocation.Sum());
        // Seat 435 goes to Minnesota, just ahead of North Carolina, which has the next priority value.
        var last = result.Awards[^1];
        Assert.Equal((435, "Minnesota"), (last.Seat, states[last.Unit].Name));
        Assert.Equal(385, result.Awards.Count);
        var next = Enumerable.Range(0, states.Count).MaxBy(u => decimal.Parse(result.NextPriority[u], CultureInfo.InvariantCulture));
        Assert.Equal("North Carolina", states[next].Name);
        Assert.True(decimal.Parse(last.Priority, CultureInfo.InvariantCulture) > decimal.Parse(result.NextPriority[next], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_first_priority_value_of_California_is_its_population_over_the_square_root_of_two_truncated()
    {
        var result = Apportion.Run(new ApportionmentRequest([new("California", 37_341_989), new("Wyoming", 568_300)], 3, ApportionmentMethod.HuntingtonHill, 1)).Value;

        // 37,341,989 / √2 = 26,404,773.644893464…
        Assert.Equal("26404773.644893", result.Awards[0].Priority);
        Assert.Equal([2, 1], result.Allocation);
    }

    [Fact]
    public void DHondt_gives_the_classic_example_its_seats_and_the_quotients_in_order()
    {
        // The textbook case: 100,000 / 80,000 / 30,000 / 20,000 votes, 8 seats: 4, 3, 1, 0.
        var units = new List<Unit> { new("A", 100_000), new("B", 80_000), new("C", 30_000), new("D", 20_000) };

        var result = Apportion.Run(new ApportionmentRequest(units, 8, ApportionmentMethod.DHondt)).Value;

        Assert.Equal([4, 3, 1, 0], result.Allocation);
        Assert.Equal(["100000.000000", "80000.000000", "50000.000000", "40000.000000", "33333.333333", "30000.000000", "26666.666666", "25000.000000"],
            result.Awards.Select(a => a.Priority));
        Assert.Equal(["A", "B", "A", "B", "A", "C", "B", "A"], result.Awards.Select(a => units[a.Unit].Name));
    }

    [Fact]
    public void Sainte_Lague_divides_by_odd_numbers_and_favours_the_small_more_than_DHondt()
    {
        var units = new List<Unit> { new("A", 100_000), new("B", 80_000), new("C", 30_000), new("D", 20_000) };

        var result = Apportion.Run(new ApportionmentRequest(units, 8, ApportionmentMethod.SainteLague)).Value;

        Assert.Equal([3, 3, 1, 1], result.Allocation);
        Assert.Equal("20000.000000", result.Awards.Single(a => a.Unit == 3).Priority);
    }

    [Fact]
    public void Hare_Niemeyer_gives_whole_quotas_then_the_largest_remainders()
    {
        // Quota 1,000 for 10 seats: 4.65, 3.45, 1.9 → 4, 3, 1, and the two seats left go to .9 and .65.
        var units = new List<Unit> { new("A", 4_650), new("B", 3_450), new("C", 1_900) };

        var result = Apportion.Run(new ApportionmentRequest(units, 10, ApportionmentMethod.HareNiemeyer)).Value;

        Assert.Equal([5, 3, 2], result.Allocation);
        Assert.Equal("1000.000000", result.Quota);
        Assert.Equal(["4.650000", "3.450000", "1.900000"], result.Shares.Select(s => s.Quotient));
        Assert.Equal(["0.650000", "0.450000", "0.900000"], result.Shares.Select(s => s.Remainder));
        Assert.Equal([true, false, true], result.Shares.Select(s => s.RemainderSeat));
    }

    [Fact]
    public void Hare_Niemeyer_raises_a_unit_below_the_minimum_and_shares_the_rest_among_the_others()
    {
        var units = new List<Unit> { new("Big", 9_000), new("Middle", 900), new("Small", 100) };

        var result = Apportion.Run(new ApportionmentRequest(units, 10, ApportionmentMethod.HareNiemeyer, MinimumSeats: 1)).Value;

        // Unconstrained: 9, 1 (0.9 → a remainder seat), 0 (0.1). Small is raised to 1; 9 seats shared by 9,900: 8.18, 0.82 → 8, 1.
        Assert.Equal([8, 1, 1], result.Allocation);
        Assert.True(result.Shares[2].RaisedToMinimum);
    }

    [Fact]
    public void Divisor_methods_start_every_unit_at_the_minimum()
    {
        var units = new List<Unit> { new("A", 1_000), new("B", 10), new("C", 10) };

        var result = Apportion.Run(new ApportionmentRequest(units, 7, ApportionmentMethod.DHondt, MinimumSeats: 2)).Value;

        Assert.Equal([3, 2, 2], result.Allocation);
        Assert.Single(result.Awards);
    }

    [Theory]
    [InlineData(ApportionmentMethod.DHondt)]
    [InlineData(ApportionmentMethod.SainteLague)]
    [InlineData(ApportionmentMethod.HuntingtonHill)]
    [InlineData(ApportionmentMethod.HareNiemeyer)]
    public void Equal_units_competing_for_the_last_seat_are_reported_as_a_tie_not_decided(ApportionmentMethod method)
    {
        var units = new List<Unit> { new("A", 300), new("B", 300) };

        var result = Apportion.Run(new ApportionmentRequest(units, 3, method)).Value;

        var tie = Assert.IsType<ApportionmentTie>(result.Tie);
        Assert.Equal(1, tie.Seats);
        Assert.Equal([0, 1], tie.Units);
        Assert.Equal([1, 1], result.Allocation);
    }

    [Fact]
    public void Equal_units_are_not_a_tie_when_seats_remain_for_all_of_them()
    {
        var units = new List<Unit> { new("A", 300), new("B", 300) };

        var result = Apportion.Run(new ApportionmentRequest(units, 4, ApportionmentMethod.DHondt)).Value;

        Assert.Null(result.Tie);
        Assert.Equal([2, 2], result.Allocation);
    }

    [Fact]
    public void Bad_requests_are_refused_with_named_errors()
    {
        static object? Error(ApportionmentRequest request) => Apportion.Run(request).Error;
        var two = new List<Unit> { new("A", 10), new("B", 20) };

        Assert.IsType<NoUnits>(Error(new([], 5, ApportionmentMethod.DHondt)));
        Assert.IsType<NoSeatsToApportion>(Error(new(two, 0, ApportionmentMethod.DHondt)));
        Assert.IsType<NegativePopulation>(Error(new([new("A", 10), new("B", -1)], 5, ApportionmentMethod.SainteLague)));
        Assert.IsType<DuplicateUnit>(Error(new([new("A", 10), new("A", 20)], 5, ApportionmentMethod.HareNiemeyer)));
        var tooMany = Assert.IsType<MinimumExceedsSeats>(Error(new(two, 3, ApportionmentMethod.HuntingtonHill, MinimumSeats: 2)));
        Assert.Contains("needs 4 seats; there are 3", tooMany.Message, StringComparison.Ordinal);
        Assert.IsType<NegativeMinimum>(Error(new(two, 3, ApportionmentMethod.DHondt, MinimumSeats: -1)));
        Assert.IsType<NoPopulation>(Error(new([new("A", 0), new("B", 0)], 3, ApportionmentMethod.DHondt)));
        Assert.IsType<UnnamedUnit>(Error(new([new(" ", 1)], 3, ApportionmentMethod.DHondt)));
    }

    [Fact]
    public void The_csv_reader_names_file_line_and_field_of_a_bad_value()
    {
        static string Problem(string text) =>
            ApportionmentCsv.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "units.csv").Error!.Message;

        Assert.Equal("units.csv:3: population: 'many' is not a whole number.", Problem("name,population\nA,10\nB,many\n"));
        Assert.Equal("units.csv:2: population: -4 is negative.", Problem("name,population\nA,-4\n"));
        Assert.Equal("units.csv:3: name: 'A' is listed twice (also at line 2).", Problem("name,population\nA,1\nA,2\n"));
        Assert.Equal("units.csv:1: population: the header has no column 'population'.", Problem("name,members\nA,1\n"));
        Assert.Equal("units.csv:2: there is no row after the header.", Problem("name,population\n"));
        Assert.Equal("units.csv:3: name: the name is empty.", Problem("Population,Name\n1,A\n2,\n"));
    }

    [Fact]
    public void The_csv_reader_reads_quoted_names_in_any_column_order_with_a_byte_order_mark()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("population,name,note\n10,\"Île-de-France, Paris\",x\n5,Łódź,\n")).ToArray();

        var units = ApportionmentCsv.Read(new MemoryStream(bytes), "u.csv").Value;

        Assert.Equal([new Unit("Île-de-France, Paris", 10), new Unit("Łódź", 5)], units);
    }
}
