using Cadre.Common;

namespace Cadre.Members;

public sealed record StepNotAllowed(MemberStatus Status, MembershipEventKind Step)
    : ConflictError($"A member whose status is {Status} cannot take the step {Step}.");

public sealed record DecisionInFuture() : InvalidField("On", "The date of the decision cannot be in the future.");

public sealed record DecisionBeforeLastStep(DateOnly Last) : InvalidField("On", $"The date cannot be before the previous step ({Last:yyyy-MM-dd}).");

public sealed record ReferenceRequired() : InvalidField("Reference", "Give the decision's reference (minutes or resolution number).");

public sealed record ReasonRequired() : InvalidField("Reason", "Give the reason.");

public sealed record NotEnoughSponsors(int Required) : InvalidField("Sponsors", $"The statutes require {Required} sponsor(s).");

public sealed record SponsorNotFound(string Number) : InvalidField("Sponsors", $"There is no member with the number {Number}.");

public sealed record DuplicateSponsor(string Number) : InvalidField("Sponsors", $"The member {Number} is named twice as a sponsor.");

public sealed record CannotSponsorYourself(string Number) : InvalidField("Sponsors", $"The member {Number} is the applicant: no one sponsors themselves.");

public sealed record SponsorSuspended(string Number) : InvalidField("Sponsors", $"The member {Number} is suspended and cannot sponsor.");

public sealed record SponsorNotInGoodStanding(string Number)
    : InvalidField("Sponsors", $"The member {Number} is not a full member in good standing and cannot sponsor.");

public sealed record SponsorTooJunior(string Number, int Years)
    : InvalidField("Sponsors", $"The member {Number} has been a full member for less than {Years} year(s) and cannot sponsor yet.");

public sealed record ProbationNotOver(DateOnly EndsOn) : ConflictError($"The probation runs until {EndsOn:yyyy-MM-dd}.");

public sealed record ProbationAlreadyExtended() : ConflictError("The probation has already been extended once.");

public sealed record RatificationNotPermitted()
    : ForbiddenError("An admission is ratified by a secretary of the next higher organization.");

public sealed record TransferTargetNotFound() : InvalidField("ToOrganizationId", "There is no such organization.");

public sealed record TransferToDissolvedOrganization()
    : InvalidField("ToOrganizationId", "The organization is dissolved or merged: no one can be transferred to it.");

public sealed record TransferToSameOrganization() : InvalidField("ToOrganizationId", "The member already belongs to this organization.");

public sealed record TransferTargetNotPrimary()
    : InvalidField("ToOrganizationId", "Members belong to a primary organization (the lowest level of the tree).");

public sealed record TransferAlreadyPending() : ConflictError("A transfer of this member is already pending.");

public sealed record TransferNotFound() : NotFoundError("There is no such transfer.");

public sealed record TransferNotPending() : ConflictError("The transfer has already been decided.");

public sealed record TransferDecidedByReceiver() : ForbiddenError("A transfer is accepted or declined by the receiving organization.");

public sealed record SuspensionEndRequired() : InvalidField("SuspendedUntil", "A suspension needs an end date after the decision.");

public sealed record DecidingBodyNotAbove()
    : InvalidField("DecidedById", "The deciding organization must be the member's own or one above it that you manage.");

public sealed record SanctionNotFound() : NotFoundError("There is no such disciplinary decision.");

public sealed record AppealAlreadyLodged() : ConflictError("An appeal against this decision has already been lodged.");

public sealed record AppealBodyNotHigher() : InvalidField("AppealToId", "An appeal goes to an organization above the one that decided.");

public sealed record NoPendingAppeal() : ConflictError("There is no pending appeal against this decision.");

public sealed record AppealNotYours() : ForbiddenError("An appeal is decided by a secretary of the organization it was lodged with.");

public sealed record MembershipRulesNotPermitted() : ForbiddenError("Only an administrator changes the membership rules.");

public sealed record StatusChangesByDecision()
    : InvalidField("Status", "The status changes through the decisions recorded on the member page (admission, confirmation, resignation …), not by editing.");
