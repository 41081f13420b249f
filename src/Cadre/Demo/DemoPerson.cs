namespace Cadre.Demo;

/// Who a generated person is: name in a culture, sex, age, occupation and education following the published shares.
/// Shared by the demo party and the synthetic party, so both draw people the same way.
internal sealed record DemoPerson(
    (string Latin, string? Script) Given, (string Latin, string? Script) Family, string? OtherName,
    bool Female, DateOnly Born, int Age, string Occupation, string Education)
{
    /// culture is the organization's own; over half its members are of it, the rest of every culture.
    /// The order of the draws is part of each generator's determinism: keep it.
    public static DemoPerson Draw(Random random, NameCulture culture, DateOnly today)
    {
        culture = random.NextDouble() < 0.55 ? culture : NameCulture.All[random.Next(NameCulture.All.Count)];
        var female = random.NextDouble() < DemoComposition.Female / DemoComposition.Total;
        var givenNames = female ? culture.FemaleNames : culture.MaleNames;
        var given = givenNames[random.Next(givenNames.Count)];
        var family = culture.FamilyNames[random.Next(culture.FamilyNames.Count)];
        var otherName = given.Script is not null && family.Script is not null
            ? (culture.FamilyNameFirst ? family.Script + given.Script : $"{given.Script} {family.Script}")
            : null;
        var age = DemoComposition.Age(random);
        var born = today.AddYears(-age).AddDays(-random.Next(0, 365));
        var occupation = DemoComposition.Occupation(random, age);
        var education = DemoComposition.Education(random, occupation);
        return new DemoPerson(given, family, otherName, female, born, age, occupation, education);
    }
}
