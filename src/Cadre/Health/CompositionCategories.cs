using System.Globalization;

namespace Cadre.Health;

/// The days composition is counted on and the age bands it is counted in (decision 0073).
public static class CompositionCategories
{
    public const int Years = 5;

    /// The party statistics' bands (the organization department's annual figures): 30 or under, five-year bands, 61 or
    /// over. Category n (1–8) is the band starting at AgeFrom[n - 1]; 0 is "date of birth not recorded".
    public static readonly int[] AgeFrom = [0, 31, 36, 41, 46, 51, 56, 61];

    public const int NotRecorded = 0;

    /// The last Years year ends before today, then today: the change is read from one column to the next.
    public static IReadOnlyList<DateOnly> Points(DateOnly today) =>
        [.. Enumerable.Range(1, Years).Reverse().Select(back => new DateOnly(today.Year - back, 12, 31)), today];

    /// Born after this day: younger than the band starting at this age on the day (no engine's date functions are needed).
    public static DateOnly BornAfter(DateOnly on, int age) => on.AddYears(-age);

    public static string AgeBand(int category) => category switch
    {
        NotRecorded => "Not recorded",
        1 => $"{AgeFrom[1] - 1} or under",
        8 => $"{AgeFrom[7]} or over",
        _ when category is > 1 and < 8 => string.Create(CultureInfo.InvariantCulture, $"{AgeFrom[category - 1]}–{AgeFrom[category] - 1}"),
        _ => "?",
    };

    /// The band of a date of birth on a day, as the SQL and the LINQ of ComputeComposition and CompositionQueries compute it.
    public static int BandOf(DateOnly? born, DateOnly on)
    {
        if (born is not { } b) return NotRecorded;
        for (var band = AgeFrom.Length - 1; band >= 1; band--)
            if (b <= BornAfter(on, AgeFrom[band])) return band + 1;
        return 1;
    }
}
