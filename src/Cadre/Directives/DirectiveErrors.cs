using Cadre.Common;

namespace Cadre.Directives;

public sealed record DirectiveNotFound() : NotFoundError("There is no such directive among those you may see.");

public sealed record AssignmentNotFound() : NotFoundError("There is no such assignment among those you may see.");

public sealed record DirectivesNotPermitted() : ForbiddenError("You may not act on the directives of this organization.");

public sealed record ReviewNotPermitted() : ForbiddenError("Only the organization that issued the directive accepts or returns its reports.");

public sealed record IssuerNotFound() : InvalidField("IssuerOrganizationId", "There is no such organization among those whose directives you manage.");

public sealed record IssuerNotActive() : InvalidField("IssuerOrganizationId", "The organization is no longer active.");

public sealed record IssuerBodyNotFound() : InvalidField("IssuerBodyId", "The organization has no such body.");

public sealed record DueBeforeIssue() : InvalidField("DueOn", "The due date is before the issue date.");

public sealed record PassOnDueAfterOwn(DateOnly Own)
    : InvalidField("DueOn", $"Passed on, the directive is due no later than your own due date, {Own:yyyy-MM-dd}.");

public sealed record TargetLevelsRequired() : InvalidField("LevelIds", "Choose at least one level.");

public sealed record TargetLevelNotBelow(string Level) : InvalidField("LevelIds", $"The level \"{Level}\" is not below the issuing organization.");

public sealed record TargetOrganizationsRequired() : InvalidField("OrganizationIds", "Choose at least one organization.");

public sealed record TargetOutsideSubtree(int Count)
    : InvalidField("OrganizationIds", $"{Count} of the chosen organizations are not active organizations below the issuing organization.");

public sealed record NoReceivingOrganizations() : InvalidField("Target", "No active organization below the issuer is among those chosen.");

public sealed record TooManyTargets(int Max) : InvalidField("OrganizationIds", $"At most {Max} chosen organizations; choose levels or the whole subtree instead.");

public sealed record AssignmentAlreadyAcknowledged(AssignmentStatus Status)
    : ConflictError($"The assignment is already {Assignment.Describe(Status)}.");

public sealed record AssignmentNotAcknowledged() : ConflictError("Acknowledge the directive first.");

public sealed record AssignmentCannotStart(AssignmentStatus Status) : ConflictError($"The assignment is {Assignment.Describe(Status)}: work on it cannot start now.");

public sealed record AssignmentAlreadyReported(AssignmentStatus Status) : ConflictError($"The assignment is already {Assignment.Describe(Status)}.");

public sealed record NoReportToReview(AssignmentStatus Status) : ConflictError($"The assignment is {Assignment.Describe(Status)}: there is no report awaiting review.");

public sealed record ReasonRequired() : InvalidField("Reason", "Give the reason the directive was not implemented.");

public sealed record FigureMissing(int Index, string Name) : InvalidField($"Figures[{Index}]", $"Give the figure \"{Name}\".");

public sealed record ReturnNoteRequired() : InvalidField("Note", "Say what needs rework.");

public sealed record AlreadyPassedOn() : ConflictError("This organization has already passed the directive on.");

public sealed record NothingToPassOn() : InvalidField("Target", "No active organization below yours is among those chosen.");

public sealed record DirectiveScopeNotFound() : NotFoundError("There is no such organization among those whose directives you read.");
