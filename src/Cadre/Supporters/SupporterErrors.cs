using Cadre.Common;

namespace Cadre.Supporters;

public sealed record SupporterNotFound() : NotFoundError("There is no such supporter among those you may see.");

public sealed record SupportersNotPermitted() : ForbiddenError("You may not keep the supporters of this organization.");

public sealed record SupporterOrganizationNotFound()
    : InvalidField("OrganizationId", "There is no such organization among those whose supporters you keep.");

public sealed record SupporterScopeNotFound() : NotFoundError("There is no such organization among those whose supporters you read.");

public sealed record SupporterEmailTaken(string Email) : ConflictError($"A supporter with the email address {Email} is already registered in this organization.");

public sealed record SupporterErased() : ConflictError("The supporter's data was erased on request: nothing more is recorded for them.");

public sealed record SupporterAlreadyConverted() : ConflictError("The supporter has already applied for membership.");

public sealed record ConsentNotFound() : NotFoundError("There is no such consent of this supporter.");

public sealed record ConsentAlreadyGiven(ConsentPurpose Purpose, DateOnly On)
    : ConflictError($"The supporter already consented to {SupporterText.Describe(Purpose).ToLowerInvariant()} on {On:yyyy-MM-dd}.");

public sealed record ConsentAlreadyWithdrawn(DateOnly On) : ConflictError($"The consent was already withdrawn on {On:yyyy-MM-dd}.");

public sealed record ConsentRequired()
    : InvalidField("Consent", "Tick the box to give your consent: without it nothing is saved.");

public sealed record SignupFormNotFound() : NotFoundError("There is no such sign-up form.");

public sealed record SignupFormClosed() : ConflictError("This sign-up form is closed.");

public sealed record SignupFormAlreadyAt(bool Open) : ConflictError(Open ? "The form is already open." : "The form is already closed.");
