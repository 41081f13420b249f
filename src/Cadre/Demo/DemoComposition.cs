namespace Cadre.Demo;

/// The make-up of the demo membership: the published 2023 shares of the Communist Party of China
/// (sex, age band, occupation, education), as given in shared/data/membership/cpc_structure_by_year.csv,
/// source: People's Daily, 1 July 2024, http://paper.people.com.cn/rmrb/html/2024-07/01/nw.D110000renmrb_20240701_4-04.htm
/// Hard-coded because an installed Cadre has no shared/ folder. Counts are in thousands of members (total 99,185).
internal static class DemoComposition
{
    public const double Total = 99_185;

    public const double Female = 30_185;

    /// Age bands (lowest age, highest age, members). The source has "30 or under" and "61 or over";
    /// the demo takes 18 and 95 as the outer limits.
    public static readonly (int From, int To, double Members)[] AgeBands =
    [
        (18, 30, 12_412),
        (31, 35, 11_196),
        (36, 40, 10_864),
        (41, 45, 9_459),
        (46, 50, 9_071),
        (51, 55, 9_405),
        (56, 60, 8_907),
        (61, 95, 27_872),
    ];

    /// Occupations by classifier code (Classifier.DefaultOccupations); the source has no "unemployed" category.
    public static readonly (string Code, double Members)[] Occupations =
    [
        ("worker", 6_643),
        ("farmer", 26_075),
        ("professional", 16_190),
        ("manager", 11_453),
        ("public-servant", 7_645),
        ("student", 2_771),
        ("other", 7_764),
        ("retired", 20_644),
    ];

    /// The source publishes only "junior college or above" (55,786 of 99,185). How that and the remainder
    /// split between the finer levels of Classifier.DefaultEducation is the demo's assumption.
    public const double CollegeOrAbove = 55_786;

    public static readonly (string Code, double Share)[] EducationAboveCollege =
    [
        ("college", 0.40),
        ("university", 0.52),
        ("postgraduate", 0.08),
    ];

    public static readonly (string Code, double Share)[] EducationBelowCollege =
    [
        ("primary", 0.12),
        ("lower-secondary", 0.33),
        ("upper-secondary", 0.37),
        ("vocational", 0.18),
    ];

    /// Students are young and the retired old, so occupation is drawn given the age while keeping the published
    /// totals: every retired member is 56 or over, every student 30 or under, and the other occupations keep their
    /// proportions in every band.
    public static string Occupation(Random random, int age)
    {
        var retired = Members("retired");
        var students = Members("student");
        var over60 = AgeBands[^1].Members;
        var late50s = AgeBands[^2].Members;
        var under31 = AgeBands[0].Members;
        // Seven in ten of those over 60 are retired; the rest of the retired come from the 56-60 band.
        var retiredOver60 = 0.70;
        var retiredLate50s = (retired - (retiredOver60 * over60)) / late50s;
        var studentUnder31 = students / under31;

        var draw = random.NextDouble();
        if (age >= 61 && draw < retiredOver60) return "retired";
        if (age is >= 56 and <= 60 && draw < retiredLate50s) return "retired";
        if (age <= 30 && draw < studentUnder31) return "student";
        return Pick(random, Occupations.Where(o => o.Code is not "retired" and not "student").ToArray());
    }

    public static string Education(Random random, string occupation)
    {
        // A student is studying at college or university; everyone else follows the published share.
        var above = occupation == "student" || random.NextDouble() < CollegeOrAbove / Total;
        return Pick(random, above ? EducationAboveCollege : EducationBelowCollege);
    }

    public static int Age(Random random)
    {
        var band = AgeBands[Index(random, AgeBands.Select(b => b.Members).ToArray())];
        if (band.To - band.From <= 10) return random.Next(band.From, band.To + 1);
        // The oldest band thins out with age (a falling triangle): more members in their sixties than in their nineties.
        return band.From + (int)((band.To - band.From) * (1 - Math.Sqrt(1 - random.NextDouble())));
    }

    public static T Pick<T>(Random random, IReadOnlyList<(T Value, double Weight)> weighted) =>
        weighted[Index(random, weighted.Select(w => w.Weight).ToArray())].Value;

    private static int Index(Random random, double[] weights)
    {
        var point = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            point -= weights[i];
            if (point < 0) return i;
        }
        return weights.Length - 1;
    }

    private static double Members(string occupation) => Occupations.Single(o => o.Code == occupation).Members;
}
