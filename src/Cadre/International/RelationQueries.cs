using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

public sealed record RelationChangeRow(RelationStatus? From, RelationStatus To, DateOnly On, string? Note);

public sealed record RelationRow(int Id, int OrganizationId, string OrganizationCode, string OrganizationName, int PartyId, string PartyName, string CountryCode,
    RelationStatus Status, DateOnly Since, IReadOnlyList<RelationChangeRow> History);

public sealed record DelegateRow(string Name, string? Position);

public sealed record ExchangeRow(int Id, int OrganizationId, string OrganizationCode, int PartyId, string PartyName, ExchangeKind Kind, MessageKind? MessageKind,
    string Title, DateOnly On, DateOnly? Until, string? Place, string? Summary, int? DocumentId, string? Reference, IReadOnlyList<DelegateRow> Delegates);

public sealed record ContactRow(int Id, int OrganizationId, string OrganizationCode, string Name, string? Position, string? Email, string? Phone, string? Note,
    DateOnly? EndedOn);

/// A party as the actor's organizations see it: their relations with it, the exchanges and the contacts.
public sealed record PartyWork(IReadOnlyList<RelationRow> Relations, IReadOnlyList<ExchangeRow> Exchanges, IReadOnlyList<ContactRow> Contacts);

public sealed record ExchangeFilter
{
    public int? PartyId { get; init; }

    public int? OrganizationId { get; init; }

    public ExchangeKind? Kind { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Cursor { get; init; }

    public int Take { get; init; } = 50;
}

public static class RelationQueries
{
    public static async Task<Result<PartyWork>> ForPartyAsync(CadreDbContext db, Actor actor, int partyId, CancellationToken ct)
    {
        if (!await db.Parties.AnyAsync(p => p.Id == partyId, ct)) return new PartyNotFound();
        var scope = actor.Scope(db, Permission.InternationalRead);
        var relations = await RelationsAsync(db, scope, db.Relations.Where(r => r.PartyId == partyId), ct);
        var exchanges = (await ListExchangesAsync(db, actor, new ExchangeFilter { PartyId = partyId, Take = 200 }, ct)).Value.Items;
        var contacts = db.PartyContacts.AsNoTracking().Where(c => c.PartyId == partyId);
        if (scope is not null) contacts = contacts.Where(c => scope.Contains(c.OrganizationId));
        var contactRows = await contacts.OrderBy(c => c.EndedOn != null).ThenBy(c => c.Name)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new ContactRow(c.Id, c.OrganizationId, o.Code, c.Name, c.Position, c.Email, c.Phone, c.Note, c.EndedOn))
            .ToListAsync(ct);
        return new PartyWork(relations, exchanges, contactRows);
    }

    /// The relations of the actor's organizations, optionally of one organization's subtree or of one status.
    public static async Task<Result<List<RelationRow>>> ListAsync(CadreDbContext db, Actor actor, int? organizationId, RelationStatus? status, CancellationToken ct)
    {
        var relations = db.Relations.AsQueryable();
        if (organizationId is { } org)
        {
            if (!await actor.CanAsync(db, Permission.InternationalRead, org, ct)) return new InternationalScopeNotFound();
            relations = relations.Where(r => db.OrganizationPaths.Any(p => p.AncestorId == org && p.DescendantId == r.OrganizationId));
        }
        if (status is { } s)
        {
            if (!Enum.IsDefined(s)) return new InvalidField("status", "The status is fraternal, friendly, contact or none.");
            relations = relations.Where(r => r.Status == s);
        }
        return await RelationsAsync(db, actor.Scope(db, Permission.InternationalRead), relations, ct);
    }

    public static async Task<Result<CursorPage<ExchangeRow>>> ListExchangesAsync(CadreDbContext db, Actor actor, ExchangeFilter filter, CancellationToken ct)
    {
        var take = Math.Clamp(filter.Take, 1, 200);
        var exchanges = db.Exchanges.AsNoTracking();
        var scope = actor.Scope(db, Permission.InternationalRead);
        if (scope is not null) exchanges = exchanges.Where(e => scope.Contains(e.OrganizationId));
        if (filter.PartyId is { } party) exchanges = exchanges.Where(e => e.PartyId == party);
        if (filter.OrganizationId is { } org)
        {
            if (!await actor.CanAsync(db, Permission.InternationalRead, org, ct)) return new InternationalScopeNotFound();
            exchanges = exchanges.Where(e => db.OrganizationPaths.Any(p => p.AncestorId == org && p.DescendantId == e.OrganizationId));
        }
        if (filter.Kind is { } kind) exchanges = exchanges.Where(e => e.Kind == kind);
        if (filter.From is { } from) exchanges = exchanges.Where(e => e.On >= from);
        if (filter.To is { } to) exchanges = exchanges.Where(e => e.On <= to);
        // The latest first; the cursor is the last row's date (as a day number) and id.
        if (filter.Cursor is not null)
        {
            if (Cursor.Decode(filter.Cursor) is not { } c || !int.TryParse(c.Key, out var day)) return new InvalidCursor();
            var last = DateOnly.FromDayNumber(Math.Clamp(day, 0, DateOnly.MaxValue.DayNumber));
            var lastId = (int)c.Id;
            exchanges = exchanges.Where(e => e.On < last || (e.On == last && e.Id < lastId));
        }
        var rows = await exchanges
            .Join(db.Organizations, e => e.OrganizationId, o => o.Id, (e, o) => new { e, o.Code })
            .Join(db.Parties, x => x.e.PartyId, p => p.Id, (x, p) => new { x.e, x.Code, Party = p.NameEnglish ?? p.Name })
            .OrderByDescending(x => x.e.On).ThenByDescending(x => x.e.Id).Take(take + 1)
            .Select(x => new
            {
                x.e.Id, x.e.OrganizationId, x.Code, x.e.PartyId, x.Party, x.e.Kind, x.e.MessageKind, x.e.Title, x.e.On, x.e.Until, x.e.Place, x.e.Summary,
                x.e.DocumentId, x.e.Reference, Delegates = x.e.Delegates.OrderBy(d => d.Number).Select(d => new DelegateRow(d.Name, d.Position)).ToList(),
            })
            .ToListAsync(ct);
        var next = rows.Count > take ? Cursor.Encode(rows[take - 1].On.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[take - 1].Id) : null;
        return new CursorPage<ExchangeRow>(rows.Take(take).Select(x => new ExchangeRow(x.Id, x.OrganizationId, x.Code, x.PartyId, x.Party, x.Kind, x.MessageKind,
            x.Title, x.On, x.Until, x.Place, x.Summary, x.DocumentId, x.Reference, x.Delegates)).ToList(), next);
    }

    private static async Task<List<RelationRow>> RelationsAsync(CadreDbContext db, IQueryable<int>? scope, IQueryable<Relation> relations, CancellationToken ct)
    {
        if (scope is not null) relations = relations.Where(r => scope.Contains(r.OrganizationId));
        var rows = await relations.AsNoTracking()
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r, o.Code, OrgName = o.Name })
            .Join(db.Parties, x => x.r.PartyId, p => p.Id, (x, p) => new { x.r, x.Code, x.OrgName, Party = p.NameEnglish ?? p.Name, p.CountryCode, p.NameKey })
            .OrderBy(x => x.Code).ThenBy(x => x.NameKey)
            .Select(x => new
            {
                x.r.Id, x.r.OrganizationId, x.Code, x.OrgName, x.r.PartyId, x.Party, x.CountryCode, x.r.Status, x.r.Since,
                History = x.r.Changes.OrderBy(c => c.On).ThenBy(c => c.Id).Select(c => new RelationChangeRow(c.From, c.To, c.On, c.Note)).ToList(),
            })
            .Take(5000).ToListAsync(ct);
        return rows.Select(x => new RelationRow(x.Id, x.OrganizationId, x.Code, x.OrgName, x.PartyId, x.Party, x.CountryCode, x.Status, x.Since, x.History)).ToList();
    }
}
