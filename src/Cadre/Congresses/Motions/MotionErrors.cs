using Cadre.Common;

namespace Cadre.Congresses.Motions;

public sealed record MotionNotFound() : NotFoundError("There is no such motion among those you may see.");

public sealed record AmendmentNotFound() : NotFoundError("The motion has no such amendment.");

public sealed record MotionsNotPermitted() : ForbiddenError("You may not run the motions of this congress.");

public sealed record SubmissionDeadlinePassed(DateTime Deadline)
    : ConflictError($"The deadline for submissions passed at {Deadline:yyyy-MM-dd HH:mm} UTC.");

public sealed record NotEntitledToSubmit()
    : ForbiddenError("Motions and amendments are submitted by the delegates of the congress or by an organization you are secretary of, in the congress's organization.");

public sealed record SubmittingOrganizationNotFound()
    : InvalidField("OrganizationId", "The submitting organization must be the congress's organization or one below it, and one you submit for.");

public sealed record NotADelegate() : ForbiddenError("Only a delegate of the congress supports a motion.");

public sealed record CannotSupportOwnMotion() : ConflictError("You submitted the motion: support comes from other delegates.");

public sealed record AlreadySupporting() : ConflictError("You already support this motion.");

public sealed record NotSupporting() : ConflictError("You do not support this motion.");

public sealed record MotionWithdrawn() : ConflictError("The motion has been withdrawn: nothing more is done on it.");

public sealed record MotionAlreadyDecided() : ConflictError("The congress has already voted on the motion.");

public sealed record VotingUnderWay() : ConflictError("Voting on the motion has begun: no more amendments or supporters.");

public sealed record AmendmentWithdrawn() : ConflictError("The amendment has been withdrawn.");

public sealed record AmendmentAlreadyDecided() : ConflictError("The congress has already voted on the amendment.");

public sealed record AmendmentLineNotFound(int Line, int Lines)
    : InvalidField("FromLine", $"The motion has no line {Line}: its lines are numbered 1 to {Lines}.");

public sealed record AmendmentsConflict(int Amendment, int Adopted)
    : ConflictError($"Amendment A{Amendment} changes lines that adopted amendment A{Adopted} already changed: both cannot be adopted, so A{Amendment} cannot be put to the vote.");

public sealed record AmendmentsUndecided(int Pending)
    : ConflictError($"{Pending} amendment(s) are still to be voted on (or withdrawn) before the motion.");

public sealed record TooFewSupporters(int Supporters, int Minimum)
    : ConflictError($"The motion has {Supporters} supporter(s); {Minimum} are needed before it is put to the vote.");

public sealed record InvalidDeadline() : InvalidField("MotionsDueAt", "The deadline for amendments cannot be before the deadline for motions.");

public sealed record InvalidSupportersMinimum() : InvalidField("MotionSupporters", "The minimum of supporters is from 0 to 1000.");
