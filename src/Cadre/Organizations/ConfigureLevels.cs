using System.ComponentModel.DataAnnotations;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Organizations;

/// An administrator shapes the levels to the party's statutes: add one at a position, rename, remove an unused one.
/// Ranks stay contiguous from 0, so "a parent is of a higher level" keeps holding for every existing organization.
public static class AddLevel
{
    public sealed record Request
    {
        [Required(ErrorMessage = "The name is required.")]
        [StringLength(100, ErrorMessage = "The name can have at most 100 characters.")]
        public string Name { get; init; } = "";

        /// Where the level goes: 0 is the top; a rank past the bottom appends it.
        [Range(0, 50, ErrorMessage = "The position is between 0 and 50.")]
        public int Rank { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, Request request, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new LevelsNotPermitted();
        if (Validation.Check(request) is { } invalid) return invalid;
        var levels = await db.Levels.OrderBy(l => l.Rank).ToListAsync(ct);
        var name = request.Name.Trim();
        if (levels.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))) return new DuplicateLevelName(name);
        var rank = Math.Min(request.Rank, levels.Count);
        // Existing organizations keep their order: every level at or below the position moves down one rank.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two steps so the unique index on Rank never sees two equal ranks.
        foreach (var level in levels.Where(l => l.Rank >= rank)) level.Rank += 1000;
        await db.SaveChangesAsync(ct);
        foreach (var level in levels.Where(l => l.Rank >= 1000)) level.Rank -= 999;
        var added = new Level { Name = name, Rank = rank };
        db.Levels.Add(added);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added.Id;
    }
}

public static class RenameLevel
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int id, string name, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new LevelsNotPermitted();
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 100) return new InvalidField("Name", "The name is required and can have at most 100 characters.");
        var level = await db.Levels.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (level is null) return new LevelNotFound();
        var others = await db.Levels.Where(l => l.Id != id).Select(l => l.Name).ToListAsync(ct);
        if (others.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))) return new DuplicateLevelName(name);
        level.Name = name;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public static class RemoveLevel
{
    public static async Task<Result<Done>> HandleAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        if (!actor.IsAdministrator) return new LevelsNotPermitted();
        var level = await db.Levels.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (level is null) return new LevelNotFound();
        var used = await db.Organizations.CountAsync(o => o.LevelId == id, ct);
        if (used > 0) return new LevelInUse(level.Name, used);
        if (await db.Levels.CountAsync(ct) == 1) return new LastLevel();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Levels.Remove(level);
        await db.SaveChangesAsync(ct);
        var below = await db.Levels.Where(l => l.Rank > level.Rank).OrderBy(l => l.Rank).ToListAsync(ct);
        foreach (var l in below) l.Rank -= 1;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Done.Value;
    }
}

public sealed record LevelsNotPermitted() : ForbiddenError("Only an administrator may change the levels.");

public sealed record DuplicateLevelName(string Name) : InvalidField("Name", $"There is already a level called {Name}.");

public sealed record LevelInUse(string Name, int Count) : ConflictError($"{Count} organization(s) are of the level {Name}; it cannot be removed.");

public sealed record LastLevel() : ConflictError("The tree needs at least one level.");
