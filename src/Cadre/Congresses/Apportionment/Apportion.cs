using System.Globalization;
using System.Numerics;
using Cadre.Common;

namespace Cadre.Congresses.Apportionment;

public enum ApportionmentMethod
{
    /// Highest averages with divisors 1, 2, 3 … (Jefferson).
    DHondt,
    /// Highest averages with divisors 1, 3, 5 … (Webster).
    SainteLague,
    /// Largest remainder: whole quotas of population × seats ÷ total, the seats left to the largest remainders.
    HareNiemeyer,
    /// Highest priority values population ÷ √(n(n + 1)) (the United States House since 1941).
    HuntingtonHill,
}

/// An organization (or state) to give seats to, by its population (members in good standing on the cut-off date).
public sealed record Unit(string Name, long Population);

public sealed record ApportionmentRequest(IReadOnlyList<Unit> Units, int Seats, ApportionmentMethod Method, int MinimumSeats = 0);

/// A seat given by a divisor method: its number, the unit, the unit's seat count after it, and the priority value
/// (quotient) that won it, exact and as a decimal for display.
public sealed record SeatAward(int Seat, int Unit, int UnitSeats, string Priority);

/// Hare–Niemeyer's working for a unit: its exact quotient, the whole seats, the remainder and whether it won a seat.
public sealed record QuotaShare(int Unit, string Quotient, long Whole, string Remainder, bool RemainderSeat, bool RaisedToMinimum);

/// Seats that cannot be given because units are exactly tied for them: the statutes must decide (often by lot).
public sealed record ApportionmentTie(int Seats, IReadOnlyList<int> Units, string Priority);

public sealed record ApportionmentResult
{
    public required ApportionmentMethod Method { get; init; }

    public required int Seats { get; init; }

    public required int MinimumSeats { get; init; }

    public required IReadOnlyList<Unit> Units { get; init; }

    /// Seats per unit, in the order of <see cref="Units"/>; with a tie, the seats in dispute are not in it.
    public required IReadOnlyList<int> Allocation { get; init; }

    /// Divisor methods: every seat given beyond the minimum, in the order given.
    public IReadOnlyList<SeatAward> Awards { get; init; } = [];

    /// Divisor methods: each unit's next priority value (the first it did not win), to show the margins.
    public IReadOnlyList<string> NextPriority { get; init; } = [];

    /// Hare–Niemeyer: the quota (population per seat) and each unit's share.
    public string? Quota { get; init; }

    public IReadOnlyList<QuotaShare> Shares { get; init; } = [];

    /// Set when the last seats are tied between units: a named outcome, never broken silently.
    public ApportionmentTie? Tie { get; init; }

    public static string Name(ApportionmentMethod method) => method switch
    {
        ApportionmentMethod.DHondt => "dhondt",
        ApportionmentMethod.SainteLague => "sainte-lague",
        ApportionmentMethod.HareNiemeyer => "hare",
        ApportionmentMethod.HuntingtonHill => "huntington-hill",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static ApportionmentMethod? Parse(string name) =>
        Enum.GetValues<ApportionmentMethod>().Cast<ApportionmentMethod?>().FirstOrDefault(m => Name(m!.Value).Equals(name, StringComparison.OrdinalIgnoreCase));
}

public sealed record NoUnits() : InvalidField("Units", "There is no organization to apportion seats among.");

public sealed record NoSeatsToApportion(int Seats) : InvalidField("Seats", $"{Seats} seat(s): there must be at least one seat to apportion.");

public sealed record NegativeMinimum(int Minimum) : InvalidField("MinimumSeats", $"The minimum of seats ({Minimum}) cannot be negative.");

public sealed record NegativePopulation(string Unit, long Population)
    : InvalidField("Units", $"{Unit} has a negative population ({Population}).");

public sealed record UnnamedUnit(int Position) : InvalidField("Units", $"The organization at position {Position} has no name.");

public sealed record DuplicateUnit(string Unit) : InvalidField("Units", $"{Unit} is listed twice.");

public sealed record MinimumExceedsSeats(int Minimum, int Units, int Seats)
    : InvalidField("MinimumSeats", $"A minimum of {Minimum} seat(s) for each of {Units} organizations needs {(long)Minimum * Units} seats; there are {Seats}.");

public sealed record NoPopulation() : InvalidField("Units", "The total population is zero: there is nothing to apportion the seats by.");

/// Apportions seats among units in exact integer arithmetic (no floating point decides anything): divisor methods
/// compare priority values by cross-multiplication, Hare–Niemeyer compares remainders over one common denominator.
/// Every unit first gets the minimum; a divisor method then goes on from there (as the US House does with one seat
/// each), Hare–Niemeyer raises any unit whose share falls below the minimum to it and shares the rest among the others.
public static class Apportion
{
    private const int DisplayDecimals = 6;

    public static Result<ApportionmentResult> Run(ApportionmentRequest request)
    {
        var units = request.Units;
        if (units.Count == 0) return new NoUnits();
        if (request.Seats <= 0) return new NoSeatsToApportion(request.Seats);
        if (request.MinimumSeats < 0) return new NegativeMinimum(request.MinimumSeats);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(units[i].Name)) return new UnnamedUnit(i + 1);
            if (!names.Add(units[i].Name)) return new DuplicateUnit(units[i].Name);
            if (units[i].Population < 0) return new NegativePopulation(units[i].Name, units[i].Population);
        }
        if ((long)request.MinimumSeats * units.Count > request.Seats) return new MinimumExceedsSeats(request.MinimumSeats, units.Count, request.Seats);
        var left = request.Seats - request.MinimumSeats * units.Count;
        if (left > 0 && units.All(u => u.Population == 0)) return new NoPopulation();
        return request.Method == ApportionmentMethod.HareNiemeyer ? Hare(request) : Divisor(request);
    }

    private static ApportionmentResult Divisor(ApportionmentRequest request)
    {
        var units = request.Units;
        var seats = Enumerable.Repeat(request.MinimumSeats, units.Count).ToArray();
        var awards = new List<SeatAward>();
        var given = request.MinimumSeats * units.Count;
        ApportionmentTie? tie = null;
        while (given < request.Seats)
        {
            var best = new List<int> { 0 };
            for (var u = 1; u < units.Count; u++)
            {
                var order = Compare(Priority(request.Method, units[u].Population, seats[u]), Priority(request.Method, units[best[0]].Population, seats[best[0]]));
                if (order > 0) best = [u];
                else if (order == 0) best.Add(u);
            }
            var left = request.Seats - given;
            if (best.Count > left)
            {
                tie = new ApportionmentTie(left, best, Display(Priority(request.Method, units[best[0]].Population, seats[best[0]])));
                break;
            }
            // Units with the same priority value all get a seat when seats remain for all of them: the order among
            // them changes nothing.
            foreach (var u in best)
            {
                var priority = Display(Priority(request.Method, units[u].Population, seats[u]));
                seats[u]++;
                given++;
                awards.Add(new SeatAward(given, u, seats[u], priority));
            }
        }
        return new ApportionmentResult
        {
            Method = request.Method,
            Seats = request.Seats,
            MinimumSeats = request.MinimumSeats,
            Units = units,
            Allocation = seats,
            Awards = awards,
            NextPriority = [.. Enumerable.Range(0, units.Count).Select(u => Display(Priority(request.Method, units[u].Population, seats[u])))],
            Tie = tie,
        };
    }

    /// The priority value of a unit holding `held` seats, for its next seat, as a fraction (a zero denominator is an
    /// infinite priority: Huntington–Hill's first seat). Huntington–Hill's is kept squared: population² ÷ n(n + 1).
    private static (BigInteger Numerator, BigInteger Denominator, bool Squared) Priority(ApportionmentMethod method, long population, int held) => method switch
    {
        ApportionmentMethod.DHondt => (population, held + 1, false),
        ApportionmentMethod.SainteLague => (population, 2 * held + 1, false),
        ApportionmentMethod.HuntingtonHill => ((BigInteger)population * population, (BigInteger)held * (held + 1), true),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    private static int Compare((BigInteger N, BigInteger D, bool) a, (BigInteger N, BigInteger D, bool) b)
    {
        // n/0 is an infinite priority; 0/0 (no population, no seat yet) is none.
        var aInfinite = a.D.IsZero && !a.N.IsZero;
        var bInfinite = b.D.IsZero && !b.N.IsZero;
        if (aInfinite || bInfinite) return aInfinite.CompareTo(bInfinite);
        var (an, ad) = a.D.IsZero ? (BigInteger.Zero, BigInteger.One) : (a.N, a.D);
        var (bn, bd) = b.D.IsZero ? (BigInteger.Zero, BigInteger.One) : (b.N, b.D);
        return (an * bd).CompareTo(bn * ad);
    }

    /// The priority value truncated to six decimals (for Huntington–Hill, the integer square root of the squared
    /// fraction scaled by 10^12, which is exactly the truncated root).
    private static string Display((BigInteger N, BigInteger D, bool Squared) p)
    {
        if (p.D.IsZero) return p.N.IsZero ? "0" : "∞";
        var scale = BigInteger.Pow(10, DisplayDecimals);
        var scaled = p.Squared ? Sqrt(p.N * scale * scale / p.D) : p.N * scale / p.D;
        return Decimal(scaled);
    }

    private static string Decimal(BigInteger scaled)
    {
        var scale = BigInteger.Pow(10, DisplayDecimals);
        var whole = BigInteger.DivRem(scaled, scale, out var fraction);
        return string.Create(CultureInfo.InvariantCulture, $"{whole}.{fraction.ToString(CultureInfo.InvariantCulture).PadLeft(DisplayDecimals, '0')}");
    }

    private static BigInteger Sqrt(BigInteger value)
    {
        if (value < 2) return value;
        var x = (BigInteger)Math.Sqrt((double)value);
        while (x * x > value) x--;
        while ((x + 1) * (x + 1) <= value) x++;
        return x;
    }

    private static ApportionmentResult Hare(ApportionmentRequest request)
    {
        var units = request.Units;
        var raised = new bool[units.Count];
        while (true)
        {
            var active = Enumerable.Range(0, units.Count).Where(u => !raised[u]).ToList();
            var seatsToShare = request.Seats - request.MinimumSeats * (units.Count - active.Count);
            var total = active.Aggregate(BigInteger.Zero, (sum, u) => sum + units[u].Population);
            var whole = new long[units.Count];
            var remainder = new BigInteger[units.Count];
            foreach (var u in active)
            {
                if (total.IsZero) continue;
                whole[u] = (long)BigInteger.DivRem(units[u].Population * (BigInteger)seatsToShare, total, out var r);
                remainder[u] = r;
            }
            var left = seatsToShare - (int)active.Sum(u => whole[u]);
            // The largest remainders get the seats left; remainders share the denominator `total`, so they compare as integers.
            var byRemainder = active.OrderByDescending(u => remainder[u]).ThenBy(u => u).ToList();
            var extra = new bool[units.Count];
            ApportionmentTie? tie = null;
            if (left > 0)
            {
                var line = remainder[byRemainder[left - 1]];
                var above = byRemainder.Where(u => remainder[u] > line).ToList();
                var atLine = byRemainder.Where(u => remainder[u] == line).ToList();
                foreach (var u in above) extra[u] = true;
                var disputed = left - above.Count;
                if (atLine.Count > disputed) tie = new ApportionmentTie(disputed, atLine, Fraction(line, total));
                else foreach (var u in atLine) extra[u] = true;
            }
            var below = active.Where(u => whole[u] + (extra[u] ? 1 : 0) < request.MinimumSeats).ToList();
            if (below.Count > 0 && active.Count > below.Count)
            {
                foreach (var u in below) raised[u] = true;
                continue;
            }
            var allocation = Enumerable.Range(0, units.Count).Select(u => raised[u] ? request.MinimumSeats : (int)whole[u] + (extra[u] ? 1 : 0)).ToArray();
            var shares = Enumerable.Range(0, units.Count).Select(u => raised[u]
                ? new QuotaShare(u, "", request.MinimumSeats, "", false, true)
                : new QuotaShare(u, Fraction(units[u].Population * (BigInteger)seatsToShare, total), whole[u], Fraction(remainder[u], total), extra[u], false)).ToList();
            return new ApportionmentResult
            {
                Method = ApportionmentMethod.HareNiemeyer,
                Seats = request.Seats,
                MinimumSeats = request.MinimumSeats,
                Units = units,
                Allocation = allocation,
                Quota = seatsToShare == 0 ? null : Fraction(total, seatsToShare),
                Shares = shares,
                Tie = tie,
            };
        }
    }

    private static string Fraction(BigInteger numerator, BigInteger denominator) =>
        denominator.IsZero ? "0" : Decimal(numerator * BigInteger.Pow(10, DisplayDecimals) / denominator);
}
