using Cadre.Common;

namespace Cadre.MassOrganizations;

public sealed record MassOrganizationNotFound() : NotFoundError("There is no such mass organization among those you may see.");

public sealed record MassBodyNotFound() : NotFoundError("There is no such body of a mass organization among those you may see.");

public sealed record MassPositionNotFound() : NotFoundError("There is no such position among those you may see.");

public sealed record MassOrganizationsNotPermitted() : ForbiddenError("You may read this mass organization but not keep it.");

public sealed record MassKeeperNotFound()
    : InvalidField("OrganizationId", "There is no such organization among those whose mass organizations you keep.");

public sealed record MassParentNotFound() : InvalidField("ParentId", "There is no such body in this mass organization.");

public sealed record MassBodyCycle(string Body, string Parent)
    : InvalidField("ParentId", $"{Parent} lies within {Body}'s own subtree: a body cannot be put under itself or one of its own bodies.");

public sealed record LinkOutsideSubtree()
    : InvalidField("OrganizationId", "The party organization is not one of those whose mass organizations you keep: a body is linked only within your subtree.");

public sealed record AlreadyLinked() : ConflictError("The body is already linked with that party organization.");

public sealed record NotLinked() : NotFoundError("The body is not linked with that party organization.");

public sealed record MassMemberNotFound() : InvalidField("MemberId", "There is no such party member among those you may see.");

public sealed record PositionEndsBeforeStart(DateOnly From)
    : InvalidField("To", $"The position began on {From:yyyy-MM-dd}: it cannot end before it starts.");

public sealed record PositionAlreadyEnded(DateOnly On) : ConflictError($"The position already ended on {On:yyyy-MM-dd}.");

public sealed record ReportDatedInFuture(DateOnly On)
    : InvalidField("On", $"A membership report is filed once it is counted: {On:yyyy-MM-dd} is in the future.");

public sealed record ReportAlreadyFiled(DateOnly On) : ConflictError($"The body already reported its membership on {On:yyyy-MM-dd}.");

public sealed record InvalidTrendRange() : InvalidField("from", "The range of months runs from an earlier month to a later one, at most 120 months.");
