using Cadre.Audit;
using Cadre.Common;
using Cadre.Organizations;

namespace Cadre.Members;

/// A person's membership: the number Cadre gave them, their primary organization, since when and in what status.
public sealed class Member : IAudited
{
    private Member()
    {
    }

    public int Id { get; private set; }

    public int PersonId { get; private set; }

    public Person Person { get; private set; } = null!;

    public string Number { get; private set; } = "";

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; } = null!;

    public DateOnly JoinedOn { get; private set; }

    public MemberStatus Status { get; private set; }

    /// Incremented on every change: two secretaries editing one member cannot overwrite each other.
    public int Version { get; private set; }

    public bool IsCurrent => Status != MemberStatus.Former;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<Member> Enrol(Person person, string number, Organization organization, bool isPrimary, DateOnly joinedOn, MemberStatus status, DateOnly today)
    {
        if (!organization.IsActive) return new MemberOrganizationNotActive();
        if (!isPrimary) return new MemberOrganizationNotPrimary();
        if (joinedOn > today) return new JoinedInFuture();
        if (person.DateOfBirth is { } born && joinedOn < born) return new JoinedBeforeBirth();
        return new Member
        {
            Person = person,
            Number = number,
            Organization = organization,
            OrganizationId = organization.Id,
            JoinedOn = joinedOn,
            Status = status,
        };
    }

    public Result<Done> Update(DateOnly joinedOn, MemberStatus status, DateOnly today)
    {
        if (joinedOn > today) return new JoinedInFuture();
        if (Person.DateOfBirth is { } born && joinedOn < born) return new JoinedBeforeBirth();
        JoinedOn = joinedOn;
        Status = status;
        Version++;
        return Done.Value;
    }

    public Result<Done> MoveTo(Organization organization, bool isPrimary)
    {
        if (!organization.IsActive) return new MemberOrganizationNotActive();
        if (!isPrimary) return new MemberOrganizationNotPrimary();
        if (organization.Id == OrganizationId) return Done.Value;
        Organization = organization;
        OrganizationId = organization.Id;
        Version++;
        return Done.Value;
    }

    /// A member number: a seven-digit sequence and a Luhn check digit, so a mistyped number is caught.
    public static string FormatNumber(long sequence)
    {
        var digits = sequence.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        return digits + LuhnCheckDigit(digits);
    }

    public static bool IsWellFormedNumber(string number) =>
        number.Length >= 8 && number.All(char.IsAsciiDigit) && LuhnCheckDigit(number[..^1]) == number[^1];

    private static char LuhnCheckDigit(string digits)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}

public sealed record MemberNotFound() : NotFoundError("There is no such member.");

public sealed record MemberOrganizationNotActive() : InvalidField("OrganizationId", "The organization is dissolved or merged.");

public sealed record MemberOrganizationNotPrimary()
    : InvalidField("OrganizationId", "Members belong to a primary organization (the lowest level of the tree).");

public sealed record JoinedInFuture() : InvalidField("JoinedOn", "The date joined cannot be in the future.");

public sealed record JoinedBeforeBirth() : InvalidField("JoinedOn", "The date joined cannot be before the date of birth.");

public sealed record ClassifierNotFound(string FieldName) : InvalidField(FieldName, "That is not one of the listed values.");

public sealed record MemberNotPermitted() : ForbiddenError("You may not change members of this organization.");

public sealed record ConcurrentChange() : ConflictError("Someone else changed this record since you opened it. Reload and try again.");
