using System.Globalization;

namespace Cadre.Dues;

/// Dues are owed per calendar month; a month is held as its first day.
public static class Months
{
    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);

    public static bool IsMonth(DateOnly day) => day.Day == 1;

    /// Reads "YYYY-MM"; null for anything else (2020-13, 20-01, 2020-1-1).
    public static DateOnly? Parse(string? text)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : null;
    }

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IEnumerable<DateOnly> Range(DateOnly from, DateOnly to)
    {
        for (var m = Of(from); m <= to; m = m.AddMonths(1)) yield return m;
    }

    public static int Between(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
