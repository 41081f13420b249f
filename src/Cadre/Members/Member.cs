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

    /// The end of the candidate's probation; null once confirmed (or when registered without one).
    public DateOnly? ProbationEndsOn { get; private set; }

    public bool ProbationExtended { get; private set; }

    /// Since when a full member; seniority for sponsoring counts from here (or from JoinedOn for members registered as full).
    public DateOnly? FullMemberSince { get; private set; }

    public DateOnly? SuspendedUntil { get; private set; }

    /// The date of the latest step of the lifecycle: no later step may be dated before it.
    public DateOnly? LastStepOn { get; private set; }

    private readonly List<MembershipEvent> events = [];

    public IReadOnlyList<MembershipEvent> Events => events;

    public bool IsCurrent => MembershipStateMachine.IsCurrent(Status);

    public DateOnly SeniorityFrom => FullMemberSince ?? JoinedOn;

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

    /// A new applicant, with a number from the start so that their history is theirs whatever comes of it.
    public static Result<Member> Apply(Person person, string number, Organization organization, bool isPrimary, DateOnly on, string? note, DateOnly today)
    {
        var enrolled = Enrol(person, number, organization, isPrimary, on, MemberStatus.Applicant, today);
        if (!enrolled.IsSuccess) return enrolled;
        var member = enrolled.Value;
        member.events.Add(MembershipEvent.Of(member, MembershipEventKind.Apply, new Decision(on, organization.Id, Note: note), null, MemberStatus.Applicant));
        member.LastStepOn = on;
        return member;
    }

    public Result<Done> Admit(Decision decision, MembershipRules rules, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(decision.Reference)) return new ReferenceRequired();
        var to = rules.RatificationRequired ? MemberStatus.Admitted : MemberStatus.Candidate;
        var step = Step(MembershipEventKind.Admit, to, decision, today);
        if (!step.IsSuccess) return step.Error;
        JoinedOn = decision.On;
        if (to == MemberStatus.Candidate) ProbationEndsOn = decision.On.AddMonths(rules.ProbationMonths);
        return Done.Value;
    }

    public Result<Done> Ratify(Decision decision, MembershipRules rules, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(decision.Reference)) return new ReferenceRequired();
        var step = Step(MembershipEventKind.Ratify, MemberStatus.Candidate, decision, today);
        if (!step.IsSuccess) return step.Error;
        ProbationEndsOn = decision.On.AddMonths(rules.ProbationMonths);
        return Done.Value;
    }

    public Result<Done> Confirm(Decision decision, DateOnly today)
    {
        if (Status == MemberStatus.Candidate && ProbationEndsOn is { } ends && decision.On < ends) return new ProbationNotOver(ends);
        var step = Step(MembershipEventKind.Confirm, MemberStatus.Member, decision, today);
        if (!step.IsSuccess) return step.Error;
        FullMemberSince = decision.On;
        ProbationEndsOn = null;
        return Done.Value;
    }

    /// The statutes allow one extension of the probation.
    public Result<Done> ExtendProbation(Decision decision, int months, DateOnly today)
    {
        if (Status == MemberStatus.Candidate && ProbationExtended) return new ProbationAlreadyExtended();
        if (months is < 1 or > 60) return new InvalidField("Months", "Between 1 and 60 months.");
        var step = Step(MembershipEventKind.ExtendProbation, MemberStatus.Candidate, decision, today);
        if (!step.IsSuccess) return step.Error;
        ProbationEndsOn = (ProbationEndsOn is { } ends && ends > decision.On ? ends : decision.On).AddMonths(months);
        ProbationExtended = true;
        return Done.Value;
    }

    public Result<Done> RejectCandidate(Decision decision, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(decision.Reason)) return new ReasonRequired();
        var step = Step(MembershipEventKind.Reject, MemberStatus.Rejected, decision, today);
        if (!step.IsSuccess) return step.Error;
        ProbationEndsOn = null;
        return Done.Value;
    }

    public Result<Sanction> Sanction(SanctionKind kind, Decision decision, DateOnly? suspendedUntil, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(decision.Reason)) return new ReasonRequired();
        if (kind == SanctionKind.Suspension && (suspendedUntil is not { } until || until <= decision.On)) return new SuspensionEndRequired();
        var (step, to) = kind switch
        {
            SanctionKind.Warning => (MembershipEventKind.Warn, Status),
            SanctionKind.SevereWarning => (MembershipEventKind.WarnSeverely, Status),
            SanctionKind.Suspension => (MembershipEventKind.Suspend, MemberStatus.Suspended),
            _ => (MembershipEventKind.Expel, MemberStatus.Expelled),
        };
        var before = Status;
        var done = Step(step, to, decision, today);
        if (!done.IsSuccess) return done.Error;
        if (kind == SanctionKind.Suspension) SuspendedUntil = suspendedUntil;
        return Members.Sanction.Of(this, kind, decision, kind == SanctionKind.Suspension ? suspendedUntil : null, before);
    }

    /// Ends a suspension (at its date, or earlier by decision).
    public Result<Done> Reinstate(Decision decision, DateOnly today)
    {
        var step = Step(MembershipEventKind.Reinstate, MemberStatus.Member, decision, today);
        if (!step.IsSuccess) return step.Error;
        SuspendedUntil = null;
        return Done.Value;
    }

    /// An appeal overturned the sanction: the member gets back the status they had before it.
    public Result<Done> Overturn(Sanction sanction, Decision decision, DateOnly today)
    {
        var step = Step(MembershipEventKind.Overturn, sanction.StatusBefore, decision, today);
        if (!step.IsSuccess) return step.Error;
        if (Status != MemberStatus.Suspended) SuspendedUntil = null;
        return Done.Value;
    }

    public Result<Done> Resign(Decision decision, DateOnly today) => Leave(MembershipEventKind.Resign, MemberStatus.Resigned, decision, today);

    public Result<Done> Lapse(Decision decision, DateOnly today) => Leave(MembershipEventKind.Lapse, MemberStatus.Lapsed, decision, today);

    public Result<Done> Die(Decision decision, DateOnly today) => Leave(MembershipEventKind.Die, MemberStatus.Deceased, decision, today);

    /// Readmission starts a new membership: a new probation, and seniority counted afresh.
    public Result<Done> Readmit(Decision decision, MembershipRules rules, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(decision.Reference)) return new ReferenceRequired();
        var step = Step(MembershipEventKind.Readmit, MemberStatus.Candidate, decision, today);
        if (!step.IsSuccess) return step.Error;
        JoinedOn = decision.On;
        FullMemberSince = null;
        ProbationEndsOn = decision.On.AddMonths(rules.ProbationMonths);
        ProbationExtended = false;
        return Done.Value;
    }

    /// The receiving organization accepted the transfer; number and history stay with the member.
    public Result<Done> TransferTo(Organization organization, bool isPrimary, Decision decision, DateOnly today)
    {
        if (!organization.IsActive) return new TransferToDissolvedOrganization();
        if (!isPrimary) return new TransferTargetNotPrimary();
        if (organization.Id == OrganizationId) return new TransferToSameOrganization();
        var step = Step(MembershipEventKind.Transfer, Status, decision, today);
        if (!step.IsSuccess) return step.Error;
        Organization = organization;
        OrganizationId = organization.Id;
        return Done.Value;
    }

    /// Records a decision that leaves the status as it is (a transfer request, an appeal lodged or upheld).
    internal Result<MembershipEvent> Record(MembershipEventKind kind, Decision decision, DateOnly today)
    {
        if (decision.On > today) return new DecisionInFuture();
        var last = LastStepOn ?? JoinedOn;
        if (decision.On < last) return new DecisionBeforeLastStep(last);
        var entry = MembershipEvent.Of(this, kind, decision, Status, Status);
        events.Add(entry);
        LastStepOn = decision.On;
        Version++;
        return entry;
    }

    private Result<Done> Leave(MembershipEventKind kind, MemberStatus to, Decision decision, DateOnly today)
    {
        var step = Step(kind, to, decision, today);
        if (!step.IsSuccess) return step.Error;
        ProbationEndsOn = null;
        SuspendedUntil = null;
        return Done.Value;
    }

    private Result<MembershipEvent> Step(MembershipEventKind kind, MemberStatus to, Decision decision, DateOnly today)
    {
        if (!MembershipStateMachine.Allows(Status, kind, to)) return new StepNotAllowed(Status, kind);
        if (decision.On > today) return new DecisionInFuture();
        var last = LastStepOn ?? JoinedOn;
        if (decision.On < last) return new DecisionBeforeLastStep(last);
        var entry = MembershipEvent.Of(this, kind, decision, Status, to);
        events.Add(entry);
        Status = to;
        LastStepOn = decision.On;
        Version++;
        return entry;
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
