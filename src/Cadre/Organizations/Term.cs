using Cadre.Audit;
using Cadre.Common;
using Cadre.Members;

namespace Cadre.Organizations;

/// A person holding an office from a date to a date (inclusive; open-ended while EndsOn is null).
public sealed class Term : IAudited
{
    private Term()
    {
    }

    public int Id { get; private set; }

    public int OfficeId { get; private set; }

    public Office Office { get; private set; } = null!;

    /// Copied from the office so the audit trail can be limited to a subtree without a join.
    public int OrganizationId { get; private set; }

    public int PersonId { get; private set; }

    public Person Person { get; private set; } = null!;

    public DateOnly StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public string? Note { get; private set; }

    int? IAudited.AuditOrganizationId => OrganizationId;

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);

    public bool Overlaps(DateOnly start, DateOnly? end) =>
        StartsOn <= (end ?? DateOnly.MaxValue) && start <= (EndsOn ?? DateOnly.MaxValue);

    public static Result<Term> Begin(Office office, Person person, DateOnly startsOn, DateOnly? endsOn, string? note)
    {
        if (endsOn is { } end && end < startsOn) return new TermEndsBeforeItStarts();
        var overlapping = office.Terms.Count(t => t.Overlaps(startsOn, endsOn));
        if (overlapping >= office.Seats) return new OfficeAlreadyHeld(office.Title);
        if (office.Terms.Any(t => t.PersonId == person.Id && t.Overlaps(startsOn, endsOn)))
            return new PersonAlreadyHoldsOffice();
        return new Term
        {
            Office = office,
            OfficeId = office.Id,
            OrganizationId = office.OrganizationId,
            Person = person,
            PersonId = person.Id,
            StartsOn = startsOn,
            EndsOn = endsOn,
            Note = note?.Trim(),
        };
    }

    public Result<Done> End(DateOnly on)
    {
        if (EndsOn is { } ended && ended <= on) return new TermAlreadyEnded(ended);
        if (on < StartsOn) return new TermEndsBeforeItStarts();
        EndsOn = on;
        return Done.Value;
    }
}

public sealed record TermEndsBeforeItStarts() : InvalidField("EndsOn", "A term cannot end before it starts.");

public sealed record TermAlreadyEnded(DateOnly On) : ConflictError($"The term already ended on {On:yyyy-MM-dd}.");

public sealed record OfficeAlreadyHeld(string Title)
    : InvalidField("StartsOn", $"The office of {Title} is already held for (part of) that period; end the current term first.");

public sealed record PersonAlreadyHoldsOffice() : InvalidField("PersonId", "That person already holds this office for (part of) that period.");
