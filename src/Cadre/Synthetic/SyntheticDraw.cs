using System.Globalization;
using Cadre.Common;
using Cadre.Demo;
using Cadre.Dues;
using Cadre.Members;

namespace Cadre.Synthetic;

/// One drawn member with their history: the entities (person, membership with its events, declared income) and the
/// facts the payments need (when they moved, when they stopped paying).
internal sealed record DrawnMember(Person Person, Member Member, DeclaredIncome? Income, int FirstOrganizationId, DateOnly? TransferredOn,
    DateOnly? LapsedOn, DateOnly? StopsPayingAfter);

/// Draws members one after the other from the seed's Random, in a fixed order.
internal sealed class SyntheticDraw(Random random, DateOnly today, DateOnly windowStart, int years, IReadOnlyList<Classifier> classifiers,
    DuesRules rules, MembershipRules membership, IReadOnlyList<SyntheticOrganization> primaries, long firstReceipt)
{
    private readonly Dictionary<string, int> occupations = classifiers.Where(c => c.Kind == ClassifierKind.Occupation).ToDictionary(c => c.Code, c => c.Id);
    private readonly Dictionary<string, int> educations = classifiers.Where(c => c.Kind == ClassifierKind.Education).ToDictionary(c => c.Code, c => c.Id);

    public Random Random => random;

    public DateOnly Today => today;

    public DuesRules Rules => rules;

    public IReadOnlyList<SyntheticOrganization> Primaries => primaries;

    public long NextReceipt { get; set; } = firstReceipt;

    public DrawnMember Draw(SyntheticOrganization primary, string number, int id)
    {
        var (given, family, otherName, female, born, _, occupation, education) = DemoPerson.Draw(random, primary.Culture, today);
        var phone = random.NextDouble() < 0.85 ? $"07{random.Next(10, 100)} {random.Next(100, 1000)} {random.Next(100, 1000)}" : null;
        var email = random.NextDouble() < 0.6
            ? $"{Ascii(given.Latin)}.{Ascii(family.Latin)}{random.Next(1, 1000).ToString(CultureInfo.InvariantCulture)}@example.org"
            : null;
        var address = random.NextDouble() < 0.7
            ? $"{random.Next(1, 200)} {DemoPlaces.Streets[random.Next(DemoPlaces.Streets.Length)]}, {primary.Town}"
            : null;
        var person = Must(Person.Create(new PersonalData
        {
            GivenName = given.Latin, FamilyName = family.Latin, OtherName = otherName, DateOfBirth = born,
            Sex = female ? Sex.Female : Sex.Male, Phone = phone, Email = email, Address = address,
            // A classifier list configured without one of the default codes leaves the field empty rather than wrong.
            OccupationId = occupations.TryGetValue(occupation, out var o) ? o : null, EducationId = educations.TryGetValue(education, out var e) ? e : null,
        }, today));

        Ids.Set(person, nameof(Person.Id), id);
        var member = Join(person, number, primary, born.AddYears(18));
        Ids.Set(member, nameof(Member.Id), id);
        Ids.Set(member, nameof(Member.PersonId), id);
        var firstOrganization = member.OrganizationId;
        var (transferredOn, lapsedOn, stopsPaying) = History(member);
        var income = Income(member, person.OccupationId);
        return new DrawnMember(person, member, income, firstOrganization, transferredOn, lapsedOn, stopsPaying);
    }

    // Most members joined before the window, registered as full members (as an import would); those who joined within it
    // (and everyone who came of age within it) went through application, admission and probation.
    private Member Join(Person person, string number, SyntheticOrganization primary, DateOnly earliest)
    {
        var windowJoiner = earliest > windowStart || random.NextDouble() < AdmissionsShare;
        if (!windowJoiner)
        {
            // People mostly join young: the draw leans towards the earliest possible date.
            var u = random.NextDouble();
            var joined = earliest.AddDays((int)((windowStart.DayNumber - 1 - earliest.DayNumber) * u * u));
            return Must(Member.Enrol(person, number, primary.Organization, isPrimary: true, joined, MemberStatus.Member, today));
        }
        var from = earliest > windowStart ? earliest : windowStart;
        var applied = Between(from, today);
        var member = Must(Member.Apply(person, number, primary.Organization, isPrimary: true, applied, null, today));
        var admitted = Min(applied.AddDays(random.Next(14, 91)), today);
        Must(member.Admit(new Decision(admitted, primary.Id, "Branch meeting minutes"), membership, today));
        var confirm = member.ProbationEndsOn!.Value.AddDays(random.Next(0, 46));
        if (confirm <= today) Must(member.Confirm(new Decision(confirm, primary.Id, "Branch meeting minutes"), today));
        return member;
    }

    private double AdmissionsShare => AdmissionsPerYear * years;

    // Transfers to another primary organization, then lapses of full members (who stopped paying months before).
    private (DateOnly? Transferred, DateOnly? Lapsed, DateOnly? StopsPaying) History(Member member)
    {
        DateOnly? transferred = null, lapsed = null, stops = null;
        if (member.IsCurrent && random.NextDouble() < TransfersPerYear * years && primaries.Count > 1)
        {
            var on = Between(Max(member.LastStepOn ?? member.JoinedOn, windowStart).AddDays(1), today);
            var index = random.Next(primaries.Count);
            if (primaries[index].Id == member.OrganizationId) index = (index + 1) % primaries.Count;
            var to = primaries[index];
            if (on <= today)
            {
                Must(member.TransferTo(to.Organization, isPrimary: true, new Decision(on, to.Id, "Transfer accepted"), today));
                transferred = on;
            }
        }
        if (member.Status == MemberStatus.Member && random.NextDouble() < LapsesPerYear * years)
        {
            var on = Between(Max((member.LastStepOn ?? member.JoinedOn).AddDays(1), windowStart.AddMonths(7)), today);
            if (on <= today)
            {
                Must(member.Lapse(new Decision(on, member.OrganizationId, "Branch meeting minutes", "Dues unpaid for six months"), today));
                lapsed = on;
                stops = Months.Of(on).AddMonths(-7);
            }
        }
        else if (member.IsCurrent && random.NextDouble() < 0.1)
        {
            // One in ten current members is behind: paid nothing for the last one to six months.
            stops = Months.Of(today).AddMonths(-1 - random.Next(1, 7));
        }
        return (transferred, lapsed, stops);
    }

    // Members who pay by income declare it from their first owed month; those of a flat-rate category do not.
    private DeclaredIncome? Income(Member member, int? occupationId)
    {
        if (!Owes(member)) return null;
        if (occupationId is { } occupation && rules.CategoryAmounts.ContainsKey(occupation)) return null;
        var from = rules.FirstOwedMonth(member.JoinedOn);
        return Must(DeclaredIncome.Declare(member.Id, member.OrganizationId, from, 10m * random.Next(40, 450), Max(from, member.JoinedOn)));
    }

    public static bool Owes(Member member) => member.IsCurrent || member.Status == MemberStatus.Lapsed;

    public DateOnly Between(DateOnly from, DateOnly to) => from >= to ? from : from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1));

    // Yearly rates, roughly those of the source of DemoComposition (2.4 % of members admitted a year).
    private const double AdmissionsPerYear = 0.03;
    private const double TransfersPerYear = 0.01;
    private const double LapsesPerYear = 0.005;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Ascii(string name) => new(Text.SearchKey(name).Where(char.IsAsciiLetterLower).ToArray());

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The synthetic party broke a rule: {result.Error.Message}");
}
