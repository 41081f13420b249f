using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International.Seminars;

public sealed record SeminarRow(int Id, int OrganizationId, string OrganizationCode, SeminarKind Kind, string Title, DateOnly StartsOn, DateOnly? EndsOn,
    string? Place, int? HostPartyId, string? HostParty, int Participants, int Papers);

public sealed record SeminarParticipantRow(int Id, int PartyId, string Party, string CountryCode, IReadOnlyList<DelegateRow> Delegates);

public sealed record SeminarPaperRow(int Id, int Number, string Title, string? Author, int? PartyId, string? Party, int? DocumentId, string? DocumentTitle);

public sealed record SeminarView(int Id, int OrganizationId, string OrganizationCode, string OrganizationName, SeminarKind Kind, string Title, DateOnly StartsOn,
    DateOnly? EndsOn, string? Place, int? HostPartyId, string? HostParty, string? Summary, IReadOnlyList<SeminarParticipantRow> Participants,
    IReadOnlyList<SeminarPaperRow> Papers);

public static class SeminarQueries
{
    /// The seminars and meetings of the organizations the actor reads, the latest first; of one party's when partyId is given
    /// (hosted or taking part).
    public static async Task<List<SeminarRow>> ListAsync(CadreDbContext db, Actor actor, int? partyId, CancellationToken ct)
    {
        var seminars = db.Seminars.AsNoTracking();
        var scope = actor.Scope(db, Permission.InternationalRead);
        if (scope is not null) seminars = seminars.Where(s => scope.Contains(s.OrganizationId));
        if (partyId is { } party) seminars = seminars.Where(s => s.HostPartyId == party || s.Participants.Any(p => p.PartyId == party));
        return await seminars
            .Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new { s, o.Code })
            .OrderByDescending(x => x.s.StartsOn).ThenByDescending(x => x.s.Id)
            .Select(x => new SeminarRow(x.s.Id, x.s.OrganizationId, x.Code, x.s.Kind, x.s.Title, x.s.StartsOn, x.s.EndsOn, x.s.Place, x.s.HostPartyId,
                db.Parties.Where(p => p.Id == x.s.HostPartyId).Select(p => p.NameEnglish ?? p.Name).FirstOrDefault(),
                x.s.Participants.Count, x.s.Papers.Count))
            .Take(500).ToListAsync(ct);
    }

    public static async Task<Result<SeminarView>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var seminar = await db.Seminars.AsNoTracking().Include(s => s.Participants).ThenInclude(p => p.Delegates).Include(s => s.Papers)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (seminar is null || !await actor.CanAsync(db, Permission.InternationalRead, seminar.OrganizationId, ct)) return new SeminarNotFound();
        var partyIds = seminar.Participants.Select(p => p.PartyId).Concat(seminar.Papers.Where(p => p.PartyId != null).Select(p => p.PartyId!.Value))
            .Append(seminar.HostPartyId ?? 0).Distinct().ToList();
        var parties = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.NameEnglish ?? p.Name, p.CountryCode, p.NameKey }).ToDictionaryAsync(p => p.Id, ct);
        var documentIds = seminar.Papers.Where(p => p.DocumentId != null).Select(p => p.DocumentId!.Value).ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == seminar.OrganizationId).Select(o => new { o.Code, o.Name }).SingleAsync(ct);
        return new SeminarView(seminar.Id, seminar.OrganizationId, organization.Code, organization.Name, seminar.Kind, seminar.Title, seminar.StartsOn, seminar.EndsOn,
            seminar.Place, seminar.HostPartyId, seminar.HostPartyId is { } h ? parties[h].Name : null, seminar.Summary,
            seminar.Participants.OrderBy(p => parties[p.PartyId].NameKey, StringComparer.Ordinal)
                .Select(p => new SeminarParticipantRow(p.Id, p.PartyId, parties[p.PartyId].Name, parties[p.PartyId].CountryCode,
                    p.Delegates.OrderBy(d => d.Number).Select(d => new DelegateRow(d.Name, d.Position)).ToList())).ToList(),
            seminar.Papers.OrderBy(p => p.Number).Select(p => new SeminarPaperRow(p.Id, p.Number, p.Title, p.Author, p.PartyId,
                p.PartyId is { } pp ? parties[pp].Name : null, p.DocumentId, p.DocumentId is { } d ? documents.GetValueOrDefault(d) : null)).ToList());
    }
}
