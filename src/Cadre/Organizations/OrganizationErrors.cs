using Cadre.Common;

namespace Cadre.Organizations;

public sealed record OrganizationNotFound() : NotFoundError("There is no such organization.");

public sealed record LevelNotFound() : InvalidField("LevelId", "There is no such level.");

public sealed record DuplicateOrganizationCode(string Code)
    : InvalidField("Code", $"The code {Code} is already used by another organization.");

public sealed record ParentRequired() : InvalidField("ParentId", "Only an organization of the top level can stand without a parent.");

public sealed record TopLevelHasNoParent() : InvalidField("ParentId", "An organization of the top level has no parent.");

public sealed record ParentLevelNotAbove(string ParentLevel, string Level)
    : InvalidField("ParentId", $"A {ParentLevel} organization cannot hold a {Level} organization: the parent must be of a higher level.");

public sealed record ParentNotActive() : InvalidField("ParentId", "The parent organization is dissolved or merged.");

public sealed record CannotMoveUnderItself() : InvalidField("ParentId", "An organization cannot be moved under itself or one of its own descendants.");

public sealed record AlreadyUnderThatParent() : InvalidField("ParentId", "The organization is already under that parent.");

public sealed record OrganizationNotActive(string Name) : ConflictError($"{Name} is no longer active.");

public sealed record HasMembers(int Count)
    : ConflictError($"The organization still has {Count} member(s): transfer them to another organization first.");

public sealed record HasActiveChildren(int Count)
    : ConflictError($"The organization still has {Count} active organization(s) below it: move, dissolve or merge them first.");

public sealed record MergeNeedsSameLevel() : InvalidField("TargetId", "Only organizations of the same level can be merged.");

public sealed record CannotMergeWithItself() : InvalidField("TargetId", "An organization cannot be merged with itself.");

public sealed record CannotMergeIntoDescendant() : InvalidField("TargetId", "An organization cannot be merged into one below it.");

public sealed record EffectiveDateBeforeLastChange(DateOnly Last)
    : InvalidField("EffectiveOn", $"The change cannot take effect before the last recorded change ({Last:yyyy-MM-dd}).");

public sealed record EffectiveDateInFuture() : InvalidField("EffectiveOn", "The change cannot take effect in the future.");

public sealed record FoundingDateInFuture() : InvalidField("FoundedOn", "The founding date cannot be in the future.");

public sealed record FoundedBeforeParent() : InvalidField("FoundedOn", "An organization cannot be founded before its parent.");

public sealed record TransferTargetInvalid() : InvalidField("TransferMembersToId",
    "Members can only be transferred to another active organization of the same level.");

public sealed record OrganizationNotPermitted() : ForbiddenError("You may not change this organization.");
