using System.Globalization;
using System.Text;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.International;

public sealed record DeclarationRow(int Id, int OrganizationId, string Title, DateOnly AdoptedOn, string? Place, bool IsPublic, int Signatories, int Withdrawn);

public sealed record DeclarationTextView(string Language, int Number, string Body, DateOnly RecordedOn, int Versions);

public sealed record SignatoryRow(int PartyId, string PartyName, string? NameShort, string CountryCode, string Country, Region? Region, DateOnly SignedOn,
    bool Adherent, DateOnly? WithdrawnOn, string? WithdrawalNote);

public sealed record DeclarationView(int Id, int OrganizationId, string OrganizationCode, string Title, DateOnly AdoptedOn, string? Place, bool IsPublic, int Version,
    IReadOnlyList<DeclarationTextView> Texts, IReadOnlyList<SignatoryRow> Signatories);

public sealed record Tally(string Key, int Total, int Withdrawn)
{
    public int Current => Total - Withdrawn;
}

/// Signatories by country, region and year of signing; withdrawn ones are counted apart so the current list is Total − Withdrawn.
public sealed record DeclarationStatistics(int Total, int Original, int Adherents, int Withdrawn, IReadOnlyList<Tally> ByCountry, IReadOnlyList<Tally> ByRegion,
    IReadOnlyList<Tally> ByYear)
{
    public int Current => Total - Withdrawn;
}

public static class DeclarationQueries
{
    public static readonly IReadOnlyList<string> ExportColumns =
        ["party", "short_name", "country_code", "country", "region", "signed_on", "kind", "withdrawn_on", "withdrawal_note"];

    public static async Task<List<DeclarationRow>> ListAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        var declarations = db.Declarations.AsNoTracking();
        var scope = actor.Scope(db, Permission.InternationalRead);
        if (scope is not null) declarations = declarations.Where(d => scope.Contains(d.OrganizationId));
        return await declarations.OrderByDescending(d => d.AdoptedOn).ThenByDescending(d => d.Id).Take(500)
            .Select(d => new DeclarationRow(d.Id, d.OrganizationId, d.Title, d.AdoptedOn, d.Place, d.IsPublic, db.Signatories.Count(s => s.DeclarationId == d.Id),
                db.Signatories.Count(s => s.DeclarationId == d.Id && s.WithdrawnOn != null)))
            .ToListAsync(ct);
    }

    public static async Task<Result<DeclarationView>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var organization = await db.Declarations.Where(d => d.Id == id).Select(d => (int?)d.OrganizationId).SingleOrDefaultAsync(ct);
        if (organization is null || !await actor.CanAsync(db, Permission.InternationalRead, organization.Value, ct)) return new DeclarationNotFound();
        return await LoadAsync(db, id, ct);
    }

    /// The public page: only a declaration its keepers made public, and only its current signatories.
    public static async Task<Result<DeclarationView>> PublicAsync(CadreDbContext db, int id, CancellationToken ct)
    {
        if (!await db.Declarations.AnyAsync(d => d.Id == id && d.IsPublic, ct)) return new DeclarationNotFound();
        var view = await LoadAsync(db, id, ct);
        return view with { Signatories = view.Signatories.Where(s => s.WithdrawnOn is null).ToList(), OrganizationId = 0, OrganizationCode = "" };
    }

    public static async Task<Result<DeclarationStatistics>> StatisticsAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var view = await GetAsync(db, actor, id, ct);
        if (!view.IsSuccess) return view.Error;
        var signatories = view.Value.Signatories;
        static List<Tally> By(IEnumerable<SignatoryRow> rows, Func<SignatoryRow, string> key) =>
            rows.GroupBy(key).Select(g => new Tally(g.Key, g.Count(), g.Count(s => s.WithdrawnOn is not null)))
                .OrderByDescending(t => t.Current).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        return new DeclarationStatistics(signatories.Count, signatories.Count(s => !s.Adherent), signatories.Count(s => s.Adherent),
            signatories.Count(s => s.WithdrawnOn is not null), By(signatories, s => s.Country), By(signatories, s => s.Region?.ToString() ?? "—"),
            By(signatories, s => s.SignedOn.Year.ToString(CultureInfo.InvariantCulture)).OrderBy(t => t.Key, StringComparer.Ordinal).ToList());
    }

    /// The signatory list as CSV (RFC 4180, UTF-8); the export is written to the audit trail.
    public static async Task<Result<(string FileName, byte[] Content)>> ExportAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var view = await GetAsync(db, actor, id, ct);
        if (!view.IsSuccess) return view.Error;
        var csv = new StringBuilder();
        csv.Append(string.Join(',', ExportColumns)).Append("\r\n");
        foreach (var s in view.Value.Signatories)
        {
            csv.Append(string.Join(',', new[]
            {
                s.PartyName, s.NameShort ?? "", s.CountryCode, s.Country, s.Region?.ToString() ?? "", Date(s.SignedOn), s.Adherent ? "adherent" : "original",
                s.WithdrawnOn is { } w ? Date(w) : "", s.WithdrawalNote ?? "",
            }.Select(Quote))).Append("\r\n");
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Now, UserId = actor.UserId, UserName = actor.Name, EntityType = "SignatoryExport", EntityId = id.ToString(CultureInfo.InvariantCulture),
            Action = AuditAction.Created, OrganizationId = view.Value.OrganizationId,
            After = JsonSerializer.Serialize(new { Declaration = id, Rows = view.Value.Signatories.Count }),
        });
        await db.SaveChangesAsync(ct);
        return ($"declaration-{id}-signatories.csv", new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray());
    }

    private static async Task<DeclarationView> LoadAsync(CadreDbContext db, int id, CancellationToken ct)
    {
        var d = await db.Declarations.AsNoTracking().Include(x => x.Texts).AsSplitQuery().SingleAsync(x => x.Id == id, ct);
        var code = await db.Organizations.Where(o => o.Id == d.OrganizationId).Select(o => o.Code).SingleAsync(ct);
        var signatories = await db.Signatories.AsNoTracking().Where(s => s.DeclarationId == id)
            .Join(db.Parties, s => s.PartyId, p => p.Id, (s, p) => new { s, Name = p.NameEnglish ?? p.Name, p.NameShort, p.CountryCode, p.NameKey })
            .OrderBy(x => x.s.SignedOn).ThenBy(x => x.NameKey)
            .Select(x => new { x.s.PartyId, x.Name, x.NameShort, x.CountryCode, x.s.SignedOn, x.s.Adherent, x.s.WithdrawnOn, x.s.WithdrawalNote })
            .ToListAsync(ct);
        var texts = d.Texts.GroupBy(t => t.Language).Select(g => (Current: g.MaxBy(t => t.Number)!, Versions: g.Count()))
            .OrderBy(t => t.Current.Language, StringComparer.Ordinal)
            .Select(t => new DeclarationTextView(t.Current.Language, t.Current.Number, t.Current.Body, t.Current.RecordedOn, t.Versions)).ToList();
        return new DeclarationView(d.Id, d.OrganizationId, code, d.Title, d.AdoptedOn, d.Place, d.IsPublic, d.Version, texts,
            signatories.Select(s => new SignatoryRow(s.PartyId, s.Name, s.NameShort, s.CountryCode, Countries.NameOf(s.CountryCode), Countries.RegionOf(s.CountryCode),
                s.SignedOn, s.Adherent, s.WithdrawnOn, s.WithdrawalNote)).ToList());
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Quoted when needed; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
