using Cadre.Accounts;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

public sealed record CountryRelations(string CountryCode, string Country, Region? Region, int Fraternal, int Friendly, int Contact, int None)
{
    public int Parties => Fraternal + Friendly + Contact + None;
}

/// The world as the actor's organizations stand to it: per country, how many parties are at each status. A party with
/// relations to several of the actor's organizations counts once, at its closest status.
public static class WorldView
{
    private sealed record Cell(string CountryCode, RelationStatus Status, int Count);

    public static async Task<List<CountryRelations>> RunAsync(CadreDbContext db, Actor actor, Region? region, CancellationToken ct)
    {
        var relations = db.Relations.AsNoTracking();
        var scope = actor.Scope(db, Permission.InternationalRead);
        if (scope is not null) relations = relations.Where(r => scope.Contains(r.OrganizationId));
        var closest = await relations.GroupBy(r => r.PartyId).Select(g => new { PartyId = g.Key, Status = g.Max(r => r.Status) })
            .Join(db.Parties, x => x.PartyId, p => p.Id, (x, p) => new { p.CountryCode, x.Status })
            .GroupBy(x => new { x.CountryCode, x.Status }).Select(g => new Cell(g.Key.CountryCode, g.Key.Status, g.Count()))
            .ToListAsync(ct);
        return closest.GroupBy(x => x.CountryCode)
            .Select(g => new CountryRelations(g.Key, Countries.NameOf(g.Key), Countries.RegionOf(g.Key),
                Sum(g, RelationStatus.Fraternal), Sum(g, RelationStatus.Friendly), Sum(g, RelationStatus.Contact), Sum(g, RelationStatus.None)))
            .Where(c => region is null || c.Region == region)
            .OrderByDescending(c => c.Fraternal).ThenByDescending(c => c.Friendly).ThenByDescending(c => c.Parties).ThenBy(c => c.Country, StringComparer.Ordinal)
            .ToList();

        static int Sum(IEnumerable<Cell> cells, RelationStatus status) => cells.Where(c => c.Status == status).Sum(c => c.Count);
    }
}
