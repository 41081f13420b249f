using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

public enum PartyStatus
{
    Active = 1,
    Dissolved = 2,
}

public sealed record PartyFilter
{
    /// Any of the party's names, or a part of one, in any script; case and accents do not matter.
    public string? Query { get; init; }

    public string? Country { get; init; }

    public Region? Region { get; init; }

    public PartyStatus? Status { get; init; }

    public string? Family { get; init; }

    public string? Cursor { get; init; }

    public int Take { get; init; } = 50;
}

public sealed record PartyRow(int Id, int? PartyFactsId, string CountryCode, string Country, string Name, string? NameEnglish, string? NameShort,
    int? FoundedYear, int? DissolvedYear, string? Family);

public sealed record PartyView(int Id, int? PartyFactsId, string CountryCode, string Country, Region? Region, string Name, string? NameEnglish,
    string? NameShort, string? NameOther, int? FoundedYear, int? DissolvedYear, string? Family, string? Website, string? Wikipedia,
    string? Description, string? Notes, int Version);

public static class PartyQueries
{
    public const int MaxTake = 200;
    public const int MaxQueryLength = 200;

    public static async Task<Result<CursorPage<PartyRow>>> ListAsync(CadreDbContext db, PartyFilter filter, CancellationToken ct)
    {
        var take = Math.Clamp(filter.Take, 1, MaxTake);
        IQueryable<Party> parties = db.Parties.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            if (filter.Query.Length > MaxQueryLength) return new InvalidField("q", $"Search with at most {MaxQueryLength} characters.");
            // A substring of the normalized names: works in every script (Cyrillic, Arabic, Chinese) on both engines; the registry
            // holds thousands of parties, not millions, so a scan of one narrow column is fast (decision 0060).
            foreach (var word in Text.SearchKey(filter.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                parties = parties.Where(p => p.SearchKey.Contains(word));
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            if (Countries.Find(filter.Country) is not { } country) return new UnknownCountry(filter.Country);
            parties = parties.Where(p => p.CountryCode == country.Code);
        }
        if (filter.Region is { } region)
        {
            if (!Enum.IsDefined(region)) return new InvalidField("region", "That is not a region.");
            var codes = Countries.In(region);
            parties = parties.Where(p => codes.Contains(p.CountryCode));
        }
        if (filter.Status == PartyStatus.Active) parties = parties.Where(p => p.DissolvedYear == null);
        else if (filter.Status == PartyStatus.Dissolved) parties = parties.Where(p => p.DissolvedYear != null);
        else if (filter.Status is not null) return new UnknownPartyStatus(filter.Status.ToString()!);
        if (!string.IsNullOrWhiteSpace(filter.Family))
        {
            var family = Text.SearchKey(filter.Family);
            parties = parties.Where(p => p.FamilyKey == family);
        }
        if (filter.Cursor is not null)
        {
            if (Cursor.Decode(filter.Cursor) is not { } c) return new InvalidCursor();
            var (key, id) = c;
            parties = parties.Where(p => string.Compare(p.NameKey, key) > 0 || (p.NameKey == key && p.Id > id));
        }
        var rows = await parties.OrderBy(p => p.NameKey).ThenBy(p => p.Id).Take(take + 1)
            .Select(p => new { p.Id, p.PartyFactsId, p.CountryCode, p.Name, p.NameEnglish, p.NameShort, p.FoundedYear, p.DissolvedYear, p.Family, p.NameKey })
            .ToListAsync(ct);
        var next = rows.Count > take ? Cursor.Encode(rows[take - 1].NameKey, rows[take - 1].Id) : null;
        return new CursorPage<PartyRow>(rows.Take(take).Select(p => new PartyRow(p.Id, p.PartyFactsId, p.CountryCode, Countries.NameOf(p.CountryCode),
            p.Name, p.NameEnglish, p.NameShort, p.FoundedYear, p.DissolvedYear, p.Family)).ToList(), next);
    }

    public static async Task<Result<PartyView>> GetAsync(CadreDbContext db, int id, CancellationToken ct)
    {
        var p = await db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (p is null) return new PartyNotFound();
        return new PartyView(p.Id, p.PartyFactsId, p.CountryCode, Countries.NameOf(p.CountryCode), Countries.RegionOf(p.CountryCode), p.Name,
            p.NameEnglish, p.NameShort, p.NameOther, p.FoundedYear, p.DissolvedYear, p.Family, p.Website, p.Wikipedia, p.Description, p.Notes, p.Version);
    }

    /// Whether the actor keeps the registry: the international department of the top organization, or an administrator.
    public static Task<bool> KeepsRegistryAsync(CadreDbContext db, Accounts.Actor actor, CancellationToken ct) =>
        InternationalAccess.KeepsRegistryAsync(db, actor, ct);

    /// The families the registry holds, for a filter's choices.
    public static Task<List<string>> FamiliesAsync(CadreDbContext db, CancellationToken ct) =>
        db.Parties.Where(p => p.Family != null).Select(p => p.Family!).Distinct().OrderBy(f => f).Take(200).ToListAsync(ct);

    /// Parties and countries of the registry.
    public static async Task<(int Parties, int Countries)> SizeAsync(CadreDbContext db, CancellationToken ct) =>
        (await db.Parties.CountAsync(ct), await db.Parties.Select(p => p.CountryCode).Distinct().CountAsync(ct));
}
