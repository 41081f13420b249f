using Cadre.Common;

namespace Cadre.Congresses;

public sealed record CongressNotFound() : NotFoundError("There is no such congress among those you may see.");

public sealed record CongressNotPermitted() : ForbiddenError("You may not run this congress.");

public sealed record CongressOrganizationNotFound() : InvalidField("OrganizationId", "There is no such organization among those whose congresses you run.");

public sealed record ConveningBodyNotFound() : InvalidField("ConvenedById", "The organization has no such body.");

public sealed record CongressNumberTaken(int Number) : ConflictError($"The organization already has a congress numbered {Number}.");

public sealed record NoOrganizationsBelow() : ConflictError("The organization has no active organizations directly below it to apportion delegates among.");

public sealed record DelegateNotFound() : NotFoundError("There is no such delegate of this congress.");

public sealed record DelegateMemberNotFound() : InvalidField("MemberNumber", "There is no member with that number.");

public sealed record DelegateOrganizationNotBelow()
    : InvalidField("OrganizationId", "Delegates are elected by the organizations directly below the congress's organization.");

public sealed record DelegateNotOfOrganization(string Number) : InvalidField("MemberNumber", $"The member {Number} does not belong to the electing organization.");

public sealed record AlreadyDelegate(string Number) : ConflictError($"The member {Number} is already a delegate or alternate of this congress.");

public sealed record SeatsFilled(int Seats) : ConflictError($"The organization's {Seats} delegate seat(s) are all filled; record the next as an alternate.");

public sealed record NotApportioned() : ConflictError("Delegates have not been apportioned yet.");

public sealed record InvalidVoteWeight() : InvalidField("VoteWeight", "A vote weight is from 1 to 1000.");

public sealed record InvalidMeeting() : InvalidField("ElectedAt", "Name the meeting that elected the delegate (at most 300 characters).");

public sealed record ElectedInFuture() : InvalidField("ElectedOn", "The election cannot be in the future.");

public sealed record MandateNotConfirmed(string? Why) : ConflictError("The delegate's mandate is not confirmed" + (Why is null ? "." : $": {Why}"));

public sealed record AlreadyCheckedIn() : ConflictError("The delegate is already checked in.");

public sealed record NotCheckedIn() : ConflictError("The delegate is not checked in.");

public sealed record NotAnAlternate() : ConflictError("Only an alternate takes the seat of another delegate.");

public sealed record CannotReplace() : InvalidField("ReplacesId", "An alternate takes the seat of a delegate of the same organization at the same congress.");

public sealed record DelegatePresent() : ConflictError("The delegate is present; an alternate takes only an absent delegate's seat.");
