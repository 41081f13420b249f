using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Supporters;

public sealed record SupporterFilter
{
    /// One organization's subtree; all the actor reads when null.
    public int? OrganizationId { get; init; }

    /// The beginning of the name.
    public string? Query { get; init; }

    /// Only those with live consent for this purpose.
    public ConsentPurpose? Purpose { get; init; }

    public string? Interest { get; init; }

    public string? Cursor { get; init; }

    public int Take { get; init; } = 50;
}

/// The contacts of a supporter, present only for the purposes with live consent (Purposes); null when there is none.
public sealed record SupporterContact(string? Email, string? Phone, string? Address, IReadOnlyList<ConsentPurpose> Purposes);

public sealed record SupporterRow(int Id, string Name, int OrganizationId, string OrganizationCode, string OrganizationName, SupporterSource Source,
    IReadOnlyList<string> Interests, DateOnly RegisteredOn, int? MemberId, bool Erased, SupporterContact? Contact);

public sealed record ConsentRow(int Id, ConsentPurpose Purpose, DateOnly GivenOn, ConsentMethod How, int? SignupFormId, DateOnly? WithdrawnOn);

public sealed record SupporterView(int Id, string Name, int OrganizationId, string OrganizationCode, string OrganizationName, SupporterSource Source,
    IReadOnlyList<string> Interests, string? Notes, DateOnly RegisteredOn, int? MemberId, string? MemberNumber, DateOnly? ConvertedOn, DateOnly? ErasedOn,
    SupporterContact? Contact, IReadOnlyList<ConsentRow> Consents, int Version, bool CanKeep);

public sealed record SignupFormRow(int Id, int OrganizationId, string OrganizationCode, string Title, string Text, ConsentPurpose Purpose, bool IsOpen,
    string Slug, DateOnly PublishedOn, int SignedUp);

public sealed record PublicSignupForm(string Slug, string Title, string Text, ConsentPurpose Purpose, bool IsOpen, string OrganizationName);

/// Read models of the supporters, always within the actor's SupportersRead scope.
public static class SupporterQueries
{
    public static async Task<Result<CursorPage<SupporterRow>>> ListAsync(CadreDbContext db, Actor actor, SupporterFilter filter, CancellationToken ct)
    {
        var take = Math.Clamp(filter.Take, 1, 200);
        var query = db.Supporters.AsNoTracking();
        if (actor.Scope(db, Permission.SupportersRead) is { } scope) query = query.Where(s => scope.Contains(s.OrganizationId));
        if (filter.OrganizationId is { } root)
        {
            if (!await actor.CanAsync(db, Permission.SupportersRead, root, ct)) return new SupporterScopeNotFound();
            var subtree = db.OrganizationPaths.Where(p => p.AncestorId == root).Select(p => p.DescendantId);
            query = query.Where(s => subtree.Contains(s.OrganizationId));
        }
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var prefix = Text.SearchKey(filter.Query);
            var upper = Text.PrefixUpperBound(prefix);
            query = query.Where(s => s.NameKey.CompareTo(prefix) >= 0 && s.NameKey.CompareTo(upper) < 0);
        }
        if (filter.Purpose is { } purpose) query = query.Where(s => s.Consents.Any(c => c.Purpose == purpose && c.WithdrawnOn == null));
        if (!string.IsNullOrWhiteSpace(filter.Interest))
        {
            var tag = "," + filter.Interest.Trim().ToLowerInvariant() + ",";
            query = query.Where(s => ("," + s.Interests + ",").Contains(tag));
        }
        if (filter.Cursor is not null)
        {
            if (Cursor.Decode(filter.Cursor) is not { } after) return new InvalidCursor();
            var (key, id) = (after.Key, (int)after.Id);
            query = query.Where(s => s.NameKey.CompareTo(key) > 0 || (s.NameKey == key && s.Id > id));
        }
        var rows = await query.OrderBy(s => s.NameKey).ThenBy(s => s.Id).Take(take + 1)
            .Select(s => new
            {
                s.Id, s.Name, s.NameKey, s.OrganizationId, s.Source, s.Interests, s.RegisteredOn, s.MemberId, s.ErasedOn, s.Email, s.Phone, s.Address,
                Code = db.Organizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Code).Single(),
                OrganizationName = db.Organizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).Single(),
                Live = s.Consents.Where(c => c.WithdrawnOn == null).Select(c => c.Purpose).ToList(),
            }).ToListAsync(ct);
        var page = rows.Take(take).Select(s => new SupporterRow(s.Id, s.Name, s.OrganizationId, s.Code, s.OrganizationName, s.Source,
            SupporterDetails.SplitTags(s.Interests), s.RegisteredOn, s.MemberId, s.ErasedOn is not null, ContactOf(s.Email, s.Phone, s.Address, s.Live))).ToList();
        var next = rows.Count > take ? Cursor.Encode(rows[take - 1].NameKey, rows[take - 1].Id) : null;
        return new CursorPage<SupporterRow>(page, next);
    }

    public static async Task<Result<SupporterView>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var s = await db.Supporters.AsNoTracking().Include(x => x.Consents).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await actor.CanAsync(db, Permission.SupportersRead, s.OrganizationId, ct)) return new SupporterNotFound();
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == s.OrganizationId).Select(o => new { o.Code, o.Name }).SingleAsync(ct);
        var number = s.MemberId is { } memberId && await actor.CanAsync(db, Permission.MembersRead, s.OrganizationId, ct)
            ? await db.Members.Where(m => m.Id == memberId).Select(m => m.Number).SingleOrDefaultAsync(ct)
            : null;
        var live = s.Consents.Where(c => c.IsLive).Select(c => c.Purpose).ToList();
        return new SupporterView(s.Id, s.Name, s.OrganizationId, organization.Code, organization.Name, s.Source, s.InterestList,
            s.Notes, s.RegisteredOn, s.MemberId, number, s.ConvertedOn, s.ErasedOn, ContactOf(s.Email, s.Phone, s.Address, live),
            s.Consents.OrderBy(c => c.GivenOn).ThenBy(c => c.Id)
                .Select(c => new ConsentRow(c.Id, c.Purpose, c.GivenOn, c.How, c.SignupFormId, c.WithdrawnOn)).ToList(),
            s.Version, await actor.CanAsync(db, Permission.SupportersManage, s.OrganizationId, ct));
    }

    public static async Task<IReadOnlyList<SignupFormRow>> FormsAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        var query = db.SignupForms.AsNoTracking();
        if (actor.Scope(db, Permission.SupportersRead) is { } scope) query = query.Where(f => scope.Contains(f.OrganizationId));
        return await query.OrderByDescending(f => f.PublishedOn).ThenByDescending(f => f.Id)
            .Select(f => new SignupFormRow(f.Id, f.OrganizationId, db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Code).Single(),
                f.Title, f.Text, f.Purpose, f.IsOpen, f.Slug, f.PublishedOn, db.SupporterConsents.Count(c => c.SignupFormId == f.Id)))
            .Take(500).ToListAsync(ct);
    }

    /// What the public page of a form shows: nothing but the form itself and the organization's name.
    public static Task<PublicSignupForm?> PublicFormAsync(CadreDbContext db, string slug, CancellationToken ct) =>
        db.SignupForms.AsNoTracking().Where(f => f.Slug == slug)
            .Select(f => new PublicSignupForm(f.Slug, f.Title, f.Text, f.Purpose, f.IsOpen,
                db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Name).Single()))
            .SingleOrDefaultAsync(ct);

    // Contacts are personal data given for purposes: without a live consent they are not shown at all (decision 0063).
    private static SupporterContact? ContactOf(string? email, string? phone, string? address, List<ConsentPurpose> live) =>
        live.Count == 0 ? null : new SupporterContact(email, phone, address, live.Distinct().Order().ToList());
}
