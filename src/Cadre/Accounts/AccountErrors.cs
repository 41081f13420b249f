using Cadre.Common;

namespace Cadre.Accounts;

public sealed record SetupAlreadyDone() : ConflictError("Cadre is already set up: sign in with an existing account.");

public sealed record UserNotFound() : NotFoundError("There is no such user.");

public sealed record EmailAlreadyUsed(string Email) : InvalidField("Email", $"There is already an account for {Email}.");

public sealed record PasswordRejected(string Reasons) : InvalidField("Password", Reasons);

public sealed record GrantNotFound() : NotFoundError("There is no such role grant.");

public sealed record GrantAlreadyHeld() : ConflictError("The user already holds that role at that organization.");

public sealed record UsersNotPermitted() : ForbiddenError("You may not manage accounts.");

public sealed record TokenNotFound() : NotFoundError("There is no such access token.");

public sealed record LastAdministrator() : ConflictError("This is the last administrator: grant the role to someone else first.");
