using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members;

public sealed record MemberFilter
{
    /// A name (prefix of the given name, family name or full name), a member number (up to 8 digits), an email address,
    /// or a phone number (more than 8 digits, or written with + ( ) - . / or spaces).
    public string? Search { get; init; }

    /// A phone number or its beginning; only its digits count.
    public string? Phone { get; init; }

    /// Limits the list to this organization's subtree (within the actor's own).
    public int? OrganizationId { get; init; }

    public MemberStatus? Status { get; init; }

    public Sex? Sex { get; init; }

    public int? OccupationId { get; init; }

    public int? EducationId { get; init; }

    public string? Cursor { get; init; }

    public int Take { get; init; } = 50;
}

public sealed record MemberRow(int Id, string Number, string GivenName, string FamilyName, string? OtherName,
    int OrganizationId, string OrganizationName, MemberStatus Status, DateOnly JoinedOn);

public sealed record OfficeHeld(int TermId, int OrganizationId, string OrganizationName, string Title, DateOnly StartsOn, DateOnly? EndsOn);

public sealed record MemberDetails(int Id, string Number, MemberStatus Status, DateOnly JoinedOn, int Version,
    int OrganizationId, string OrganizationCode, string OrganizationName, IReadOnlyList<Crumb> OrganizationPath,
    int PersonId, PersonalData Person, string? Occupation, string? Education, IReadOnlyList<OfficeHeld> Offices, bool CanEdit);

public static class MemberQueries
{
    public static async Task<Result<CursorPage<MemberRow>>> ListAsync(CadreDbContext db, Actor actor, MemberFilter filter, CancellationToken ct)
    {
        if (!actor.Has(Permission.MembersRead)) return new MemberNotPermitted();
        var members = db.Members.AsNoTracking();
        var scope = actor.Scope(db, Permission.MembersRead);
        if (scope is not null) members = members.Where(m => scope.Contains(m.OrganizationId));
        if (filter.OrganizationId is { } orgId)
        {
            if (!await actor.CanAsync(db, Permission.MembersRead, orgId, ct)) return new OrganizationNotFound();
            var subtree = db.OrganizationPaths.Where(p => p.AncestorId == orgId).Select(p => p.DescendantId);
            members = members.Where(m => subtree.Contains(m.OrganizationId));
        }
        if (filter.Status is { } status) members = members.Where(m => m.Status == status);
        if (filter.Sex is { } sex) members = members.Where(m => m.Person.Sex == sex);
        if (filter.OccupationId is { } occupation) members = members.Where(m => m.Person.OccupationId == occupation);
        if (filter.EducationId is { } education) members = members.Where(m => m.Person.EducationId == education);

        if (Text.PhoneKey(filter.Phone) is { } phoneFilter) members = WherePhoneStartsWith(members, phoneFilter);
        var take = Math.Clamp(filter.Take, 1, 200);
        var search = filter.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (IsPhoneSearch(search))
            {
                members = WherePhoneStartsWith(members, Text.PhoneKey(search)!);
            }
            else if (search.All(char.IsAsciiDigit))
            {
                members = members.Where(m => string.Compare(m.Number, search) >= 0 && string.Compare(m.Number, Text.PrefixUpperBound(search)) < 0);
            }
            else if (search.Contains('@', StringComparison.Ordinal))
            {
                var email = Text.SearchKey(search);
                members = members.Where(m => m.Person.EmailKey == email);
            }
            else
            {
                return await ByNameAsync(members, Text.SearchKey(search), filter.Cursor, take, ct);
            }
        }

        // Keyset pagination on (family name key, person id): stable under inserts, fast at any depth of the list. The
        // person id (one member per person) breaks ties rather than the member id because the family-name index holds
        // it: the database then reads the first page straight from that index and stops, where ordering by the
        // member id made it sort every match first (0.6 s for the unfiltered list of a million members). The order
        // names People's own id (not Members.PersonId) so that SQLite sees the index's order.
        if (filter.Cursor is not null)
        {
            if (Cursor.Decode(filter.Cursor) is not { } c) return new InvalidCursor();
            members = AfterFamily(members, c.Key, (int)c.Id);
        }
        var rows = await Page(members.OrderBy(m => m.Person.FamilyKey).ThenBy(m => m.Person.Id), take + 1).ToListAsync(ct);
        var next = rows.Count > take ? Cursor.Encode(rows[take - 1].FamilyKey, rows[take - 1].PersonId) : null;
        return new CursorPage<MemberRow>(rows.Take(take).Select(r => r.Row).ToList(), next);
    }

    private sealed record Keyed(MemberRow Row, string FamilyKey, string FullKey, int PersonId);

    private static IQueryable<Keyed> Page(IOrderedQueryable<Member> members, int take) =>
        members.Take(take).Select(m => new Keyed(new MemberRow(m.Id, m.Number, m.Person.GivenName, m.Person.FamilyName, m.Person.OtherName,
            m.OrganizationId, m.Organization.Name, m.Status, m.JoinedOn), m.Person.FamilyKey, m.Person.FullKey, m.PersonId));

    private static IQueryable<Member> AfterFamily(IQueryable<Member> members, string key, int personId) =>
        members.Where(m => string.Compare(m.Person.FamilyKey, key) > 0 || (m.Person.FamilyKey == key && m.Person.Id > personId));

    /// A name search lists the people whose family name starts with the words first (by family name), then those whose
    /// full name does, i.e. given names and "given family" (by full name). Each part is one index range read in its
    /// own order and stopped at the page, so a three-letter prefix of a common name costs a page, not a sort of every
    /// match (a single query over the three ranges had to sort all of them: 55 ms p99 at a million members). The
    /// full-name key begins with the given name, so it answers given-name prefixes too.
    private static async Task<Result<CursorPage<MemberRow>>> ByNameAsync(IQueryable<Member> members, string key, string? cursor, int take,
        CancellationToken ct)
    {
        var upper = Text.PrefixUpperBound(key);
        var byFamily = members.Where(m => string.Compare(m.Person.FamilyKey, key) >= 0 && string.Compare(m.Person.FamilyKey, upper) < 0);
        var byFullName = members.Where(m => string.Compare(m.Person.FullKey, key) >= 0 && string.Compare(m.Person.FullKey, upper) < 0
            && !(string.Compare(m.Person.FamilyKey, key) >= 0 && string.Compare(m.Person.FamilyKey, upper) < 0));

        // The cursor names the part it stopped in: "f" + family key, or "g" + full-name key.
        var inFullNames = false;
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor) is not { Key.Length: > 0 } c || c.Key[0] is not ('f' or 'g')) return new InvalidCursor();
            var (after, id) = (c.Key[1..], (int)c.Id);
            if (c.Key[0] == 'f') byFamily = AfterFamily(byFamily, after, id);
            else
            {
                inFullNames = true;
                byFullName = byFullName.Where(m => string.Compare(m.Person.FullKey, after) > 0 || (m.Person.FullKey == after && m.Person.Id > id));
            }
        }

        var rows = new List<(Keyed Row, char Part)>();
        if (!inFullNames)
            rows.AddRange((await Page(byFamily.OrderBy(m => m.Person.FamilyKey).ThenBy(m => m.Person.Id), take + 1).ToListAsync(ct))
                .Select(r => (r, 'f')));
        if (rows.Count <= take)
            rows.AddRange((await Page(byFullName.OrderBy(m => m.Person.FullKey).ThenBy(m => m.Person.Id), take + 1 - rows.Count).ToListAsync(ct))
                .Select(r => (r, 'g')));
        var last = rows.Count > take ? rows[take - 1] : default;
        var next = rows.Count > take
            ? Cursor.Encode(last.Part + (last.Part == 'f' ? last.Row.FamilyKey : last.Row.FullKey), last.Row.PersonId)
            : null;
        return new CursorPage<MemberRow>(rows.Take(take).Select(r => r.Row.Row).ToList(), next);
    }

    // Member numbers have 8 digits (until the ten millionth member); longer digit strings, or digits written with
    // a phone number's separators, are phone numbers.
    private static bool IsPhoneSearch(string search) =>
        search.Any(char.IsAsciiDigit) && search.All(c => char.IsAsciiDigit(c) || c is '+' or '(' or ')' or '-' or '.' or '/' or ' ')
        && (search.Length > 8 || !search.All(char.IsAsciiDigit));

    // A prefix of the digits key is an index range, as for names.
    private static IQueryable<Member> WherePhoneStartsWith(IQueryable<Member> members, string digits)
    {
        var upper = Text.PrefixUpperBound(digits);
        return members.Where(m => string.Compare(m.Person.PhoneKey, digits) >= 0 && string.Compare(m.Person.PhoneKey, upper) < 0);
    }

    public static async Task<Result<MemberDetails>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking()
            .Include(m => m.Person).ThenInclude(p => p.Occupation)
            .Include(m => m.Person).ThenInclude(p => p.Education)
            .Include(m => m.Organization)
            .SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null) return new MemberNotFound();
        var isSelf = actor.PersonId == member.PersonId && actor.Has(Permission.OwnProfile);
        if (!isSelf && !await actor.CanAsync(db, Permission.MembersRead, member.OrganizationId, ct)) return new MemberNotFound();

        var p = member.Person;
        // Like the organization page's breadcrumbs: a reader sees no organization above their own scope
        // (a member reading their own record may see where they belong).
        var readable = isSelf ? null : actor.Scope(db, Permission.OrganizationsRead);
        var ancestors = db.OrganizationPaths.Where(a => a.DescendantId == member.OrganizationId);
        if (readable is not null) ancestors = ancestors.Where(a => readable.Contains(a.AncestorId));
        var path = await (from a in ancestors
                          join o in db.Organizations on a.AncestorId equals o.Id
                          orderby a.Depth descending
                          select new Crumb(o.Id, o.Code, o.Name)).ToListAsync(ct);
        var offices = await db.Terms.AsNoTracking().Where(t => t.PersonId == p.Id).OrderByDescending(t => t.StartsOn)
            .Select(t => new OfficeHeld(t.Id, t.OrganizationId, db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First(),
                t.Office.Title, t.StartsOn, t.EndsOn))
            .ToListAsync(ct);
        var data = new PersonalData
        {
            GivenName = p.GivenName, FamilyName = p.FamilyName, OtherName = p.OtherName, DateOfBirth = p.DateOfBirth, Sex = p.Sex,
            OccupationId = p.OccupationId, EducationId = p.EducationId, Address = p.Address, Phone = p.Phone, Email = p.Email,
        };
        return new MemberDetails(member.Id, member.Number, member.Status, member.JoinedOn, member.Version,
            member.OrganizationId, member.Organization.Code, member.Organization.Name, path, p.Id, data,
            p.Occupation?.Name, p.Education?.Name, offices,
            await actor.CanAsync(db, Permission.MembersManage, member.OrganizationId, ct));
    }

    /// People an office can be given to: current members of the organization's subtree, by name prefix.
    public static async Task<IReadOnlyList<MemberRow>> CandidatesForOfficeAsync(CadreDbContext db, Actor actor, int organizationId, string? search, CancellationToken ct)
    {
        var page = await ListAsync(db, actor, new MemberFilter { OrganizationId = organizationId, Search = search, Take = 50 }, ct);
        return page.IsSuccess ? page.Value.Items.Where(m => MembershipStateMachine.IsCurrent(m.Status)).ToList() : [];
    }

    public static Task<List<Classifier>> ClassifiersAsync(CadreDbContext db, ClassifierKind kind, CancellationToken ct) =>
        db.Classifiers.AsNoTracking().Where(c => c.Kind == kind).OrderBy(c => c.SortOrder).ToListAsync(ct);

    /// Every kind of classifier in one query, for the forms and filters that offer several lists at once.
    public static async Task<ILookup<ClassifierKind, Classifier>> AllClassifiersAsync(CadreDbContext db, CancellationToken ct) =>
        (await db.Classifiers.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.SortOrder).ToListAsync(ct)).ToLookup(c => c.Kind);
}
