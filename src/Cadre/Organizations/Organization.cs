using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Organizations;

/// A node of the tree. It guards its own state; the closure table and the history are kept by the use cases.
public sealed class Organization : IAudited
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;

    private Organization()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// Search key of the name (lower case, no accents), for prefix search on both engines.
    public string NameKey { get; private set; } = "";

    public int LevelId { get; private set; }

    public Level Level { get; private set; } = null!;

    public int? ParentId { get; private set; }

    public Organization? Parent { get; private set; }

    public DateOnly FoundedOn { get; private set; }

    public OrganizationStatus Status { get; private set; }

    /// The date it was dissolved or merged.
    public DateOnly? EndedOn { get; private set; }

    public int? MergedIntoId { get; private set; }

    /// Incremented on every change so that two people editing at once cannot overwrite each other.
    public int Version { get; private set; }

    public bool IsActive => Status == OrganizationStatus.Active;

    int? IAudited.AuditOrganizationId => Id;

    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    public static Result<Organization> Found(string code, string name, Level level, Organization? parent, Level? parentLevel, DateOnly foundedOn)
    {
        if (parent is null && level.Rank != 0) return new ParentRequired();
        if (parent is not null)
        {
            if (level.Rank == 0) return new TopLevelHasNoParent();
            if (!parent.IsActive) return new ParentNotActive();
            if (parentLevel!.Rank >= level.Rank) return new ParentLevelNotAbove(parentLevel.Name, level.Name);
            if (foundedOn < parent.FoundedOn) return new FoundedBeforeParent();
        }
        return new Organization
        {
            Code = NormalizeCode(code),
            Name = name.Trim(),
            NameKey = Text.SearchKey(name),
            LevelId = level.Id,
            Level = level,
            ParentId = parent?.Id,
            Parent = parent,
            FoundedOn = foundedOn,
            Status = OrganizationStatus.Active,
        };
    }

    public Result<Done> Rename(string name)
    {
        if (!IsActive) return new OrganizationNotActive(Name);
        Name = name.Trim();
        NameKey = Text.SearchKey(name);
        Version++;
        return Done.Value;
    }

    public Result<Done> ChangeCode(string code)
    {
        if (!IsActive) return new OrganizationNotActive(Name);
        Code = NormalizeCode(code);
        Version++;
        return Done.Value;
    }

    /// isUnderThis: whether the new parent is this organization or one of its descendants.
    public Result<Done> MoveUnder(Organization newParent, Level newParentLevel, bool isUnderThis)
    {
        if (!IsActive) return new OrganizationNotActive(Name);
        if (isUnderThis) return new CannotMoveUnderItself();
        if (newParent.Id == ParentId) return new AlreadyUnderThatParent();
        if (!newParent.IsActive) return new ParentNotActive();
        if (newParentLevel.Rank >= Level.Rank) return new ParentLevelNotAbove(newParentLevel.Name, Level.Name);
        ParentId = newParent.Id;
        Parent = newParent;
        Version++;
        return Done.Value;
    }

    public Result<Done> Dissolve(DateOnly on, int members, int activeChildren)
    {
        if (!IsActive) return new OrganizationNotActive(Name);
        if (members > 0) return new HasMembers(members);
        if (activeChildren > 0) return new HasActiveChildren(activeChildren);
        Status = OrganizationStatus.Dissolved;
        EndedOn = on;
        Version++;
        return Done.Value;
    }

    /// Marks this organization as merged into the survivor; the use case has moved its members and children.
    public Result<Done> MergeInto(Organization survivor, DateOnly on)
    {
        if (!IsActive) return new OrganizationNotActive(Name);
        if (!survivor.IsActive) return new OrganizationNotActive(survivor.Name);
        if (survivor.Id == Id) return new CannotMergeWithItself();
        if (survivor.LevelId != LevelId) return new MergeNeedsSameLevel();
        Status = OrganizationStatus.Merged;
        EndedOn = on;
        MergedIntoId = survivor.Id;
        Version++;
        return Done.Value;
    }
}
