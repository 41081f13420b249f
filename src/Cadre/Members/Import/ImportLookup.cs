using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Members.Import;

/// What an import looks up once and keeps for every row: the organizations by code (with whether the actor manages
/// each), the occupation and education lists; and how a row is read, checked against the stored members and applied.
internal sealed class ImportLookup
{
    private readonly Dictionary<string, OrganizationInfo> organizations;
    private readonly Dictionary<int, OrganizationInfo> organizationsById;
    private readonly Dictionary<string, int> occupations;
    private readonly Dictionary<string, int> educations;
    private readonly string allowedOccupations;
    private readonly string allowedEducations;

    private ImportLookup(Dictionary<string, OrganizationInfo> organizations, List<Classifier> classifiers, int? scopeId, string? scopeCode)
    {
        this.organizations = organizations;
        organizationsById = organizations.Values.ToDictionary(o => o.Organization.Id);
        occupations = ByCodeOrName(classifiers, ClassifierKind.Occupation);
        educations = ByCodeOrName(classifiers, ClassifierKind.Education);
        allowedOccupations = string.Join(", ", classifiers.Where(c => c.Kind == ClassifierKind.Occupation).Select(c => c.Code));
        allowedEducations = string.Join(", ", classifiers.Where(c => c.Kind == ClassifierKind.Education).Select(c => c.Code));
        ScopeOrganizationId = scopeId;
        ScopeOrganizationCode = scopeCode;
    }

    public sealed record OrganizationInfo(Organization Organization, bool IsPrimary, bool Manageable);

    public int? ScopeOrganizationId { get; }

    /// No member was stored when the import began: nothing in the file can match or clash with a stored member, so the
    /// per-batch look-ups are skipped (a first import of a whole register is the large case).
    public bool RegisterWasEmpty { get; private init; }

    public string? ScopeOrganizationCode { get; }

    public static async Task<Result<ImportLookup>> LoadAsync(CadreDbContext db, Actor actor, string? scopeCode, CancellationToken ct)
    {
        var all = await db.Organizations.AsNoTracking().Include(o => o.Level).ToListAsync(ct);
        var lowest = await db.Levels.MaxAsync(l => (int?)l.Rank, ct);
        var managed = actor.Scope(db, Permission.MembersManage) is { } scope ? (await scope.ToListAsync(ct)).ToHashSet() : null;

        int? scopeId = null;
        if (!string.IsNullOrWhiteSpace(scopeCode))
        {
            var code = Organization.NormalizeCode(scopeCode);
            var root = all.FirstOrDefault(o => o.Code == code);
            if (root is null || !await actor.CanAsync(db, Permission.OrganizationsRead, root.Id, ct))
                return new InvalidField("OrganizationCode", $"There is no organization with the code \"{code}\".");
            if (!await actor.CanAsync(db, Permission.MembersManage, root.Id, ct))
                return new InvalidField("OrganizationCode", $"You do not manage the members of {root.Name} ({code}).");
            var subtree = await db.OrganizationPaths.Where(p => p.AncestorId == root.Id).Select(p => p.DescendantId).ToListAsync(ct);
            managed = managed is null ? subtree.ToHashSet() : managed.Intersect(subtree).ToHashSet();
            scopeId = root.Id;
        }
        else if (actor.RootsFor(Permission.MembersManage) is [var only] && !actor.IsAdministrator)
        {
            scopeId = only;
        }

        var byCode = all.ToDictionary(o => o.Code, o => new OrganizationInfo(o, o.Level.Rank == lowest, managed is null || managed.Contains(o.Id)),
            StringComparer.Ordinal);
        var classifiers = await db.Classifiers.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        return new ImportLookup(byCode, classifiers, scopeId, scopeId is null ? null : all.First(o => o.Id == scopeId).Code)
        {
            RegisterWasEmpty = !await db.Members.AnyAsync(ct) && !await db.People.AnyAsync(ct),
        };
    }

    private static Dictionary<string, int> ByCodeOrName(List<Classifier> classifiers, ClassifierKind kind)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in classifiers.Where(c => c.Kind == kind))
        {
            map.TryAdd(c.Code, c.Id);
            map.TryAdd(c.Name, c.Id);
        }
        return map;
    }

    /// Reads a row's values and checks each on its own and through the entities' own guards (the checks against the
    /// file and the database come later).
    public Candidate Parse(RowReader.Row row, DateOnly today)
    {
        var v = row.Values;
        var candidate = new Candidate { Index = row.Index, Line = row.Line, Raw = v };
        var problems = candidate.Problems;
        if (row.Problem is not null)
        {
            problems.Add(row.Problem);
            return candidate;
        }
        var line = row.Line;
        string Value(string column) => v[MemberCsv.Position[column]].Trim();
        string? Optional(string column) => Value(column) is { Length: > 0 } s ? s : null;

        var number = Optional(MemberCsv.Number);
        if (number is not null && !Member.IsWellFormedNumber(number)) problems.Add(new MalformedMemberNumber(line, number));
        candidate.Number = number;

        foreach (var column in (string[])[MemberCsv.GivenName, MemberCsv.FamilyName, MemberCsv.OrganizationCode, MemberCsv.JoinedOn])
            if (Value(column).Length == 0) problems.Add(new RequiredValueMissing(line, column));
        foreach (var (column, rules) in MemberCsv.Rules)
        {
            var value = Optional(column);
            if (value is null) continue;
            if (rules.FirstOrDefault(r => !r.IsValid(value)) is { } broken)
                problems.Add(new InvalidValue(line, column, broken.ErrorMessage ?? "The value is not valid."));
        }

        DateOnly? born = null;
        if (Optional(MemberCsv.DateOfBirth) is { } dob)
        {
            if (MemberCsv.TryParseDate(dob, out var d)) born = d;
            else problems.Add(new InvalidDate(line, MemberCsv.DateOfBirth, dob));
        }
        if (Optional(MemberCsv.JoinedOn) is { } joined)
        {
            if (MemberCsv.TryParseDate(joined, out var d)) candidate.JoinedOn = d;
            else problems.Add(new InvalidDate(line, MemberCsv.JoinedOn, joined));
        }
        Sex? sex = null;
        if (Optional(MemberCsv.Sex) is { } s1)
        {
            if (MemberCsv.TryParseSex(s1, out var parsed)) sex = parsed;
            else problems.Add(new UnknownListValue(line, MemberCsv.Sex, s1, MemberCsv.Allowed<Sex>()));
        }
        if (Optional(MemberCsv.Status) is { } s2)
        {
            if (MemberCsv.TryParseStatus(s2, out var parsed)) candidate.Status = parsed;
            else problems.Add(new UnknownListValue(line, MemberCsv.Status, s2, MemberCsv.Allowed<MemberStatus>()));
        }
        int? occupation = null, education = null;
        if (Optional(MemberCsv.Occupation) is { } o)
        {
            if (occupations.TryGetValue(o, out var id)) occupation = id;
            else problems.Add(new UnknownListValue(line, MemberCsv.Occupation, o, allowedOccupations));
        }
        if (Optional(MemberCsv.Education) is { } e)
        {
            if (educations.TryGetValue(e, out var id)) education = id;
            else problems.Add(new UnknownListValue(line, MemberCsv.Education, e, allowedEducations));
        }
        if (Optional(MemberCsv.OrganizationCode) is { } code)
        {
            var normalized = Organization.NormalizeCode(code);
            if (!organizations.TryGetValue(normalized, out var info)) problems.Add(new UnknownOrganization(line, normalized));
            else if (!info.Manageable) problems.Add(new OrganizationOutsideScope(line, normalized));
            else if (!info.Organization.IsActive) problems.Add(new OrganizationNotUsable(line, normalized, new MemberOrganizationNotActive().Message));
            else if (!info.IsPrimary) problems.Add(new OrganizationNotUsable(line, normalized, new MemberOrganizationNotPrimary().Message));
            else candidate.Organization = info;
        }

        candidate.Data = new PersonalData
        {
            GivenName = Value(MemberCsv.GivenName),
            FamilyName = Value(MemberCsv.FamilyName),
            DateOfBirth = born,
            Sex = sex,
            OccupationId = occupation,
            EducationId = education,
            Email = Optional(MemberCsv.Email),
            Phone = Optional(MemberCsv.Phone),
            Address = Optional(MemberCsv.Address),
        };
        candidate.EmailKey = candidate.Data.Email is { } email ? Text.SearchKey(email) : null;
        if (problems.Count == 0)
        {
            // The entities' own guards (dates of birth and joining), exactly as a registration applies them.
            var person = Person.Create(candidate.Data, today);
            if (!person.IsSuccess) problems.Add(FromEntity(line, person.Error));
            else if (Member.Enrol(person.Value, number ?? "", candidate.Organization!.Organization, true, candidate.JoinedOn, candidate.Status, today)
                     is { IsSuccess: false } enrolled)
                problems.Add(FromEntity(line, enrolled.Error));
            else candidate.Person = person.Value;
        }
        return candidate;
    }

    private static InvalidValue FromEntity(int line, Error error) => new InvalidValue(line, error.Field switch
    {
        "DateOfBirth" => MemberCsv.DateOfBirth,
        "JoinedOn" => MemberCsv.JoinedOn,
        "OrganizationId" => MemberCsv.OrganizationCode,
        _ => "",
    }, error.Message);

    /// Checks a batch against the stored members: numbers that match (the same person: unchanged or updated, or
    /// someone else's number), and email addresses that belong to another member.
    public async Task CheckAgainstStoredAsync(CadreDbContext db, List<Candidate> batch, CancellationToken ct)
    {
        if (RegisterWasEmpty) return;
        var numbers = batch.Where(c => c.Number is not null && c.Problems.Count == 0).Select(c => c.Number!).Distinct().ToList();
        var stored = numbers.Count == 0
            ? []
            : await db.Members.AsNoTracking().Where(m => numbers.Contains(m.Number))
                .Select(m => new Stored(m.Number, m.OrganizationId, m.JoinedOn, m.Status, m.Person.GivenName, m.Person.FamilyName,
                    m.Person.GivenKey, m.Person.FamilyKey, m.Person.DateOfBirth, m.Person.Sex, m.Person.OccupationId, m.Person.EducationId,
                    m.Person.Email, m.Person.Phone, m.Person.Address))
                .ToDictionaryAsync(m => m.Number, ct);
        var emails = batch.Where(c => c.EmailKey is not null && c.Problems.Count == 0).Select(c => c.EmailKey!).Distinct().ToList();
        var owners = emails.Count == 0
            ? []
            : (await db.People.AsNoTracking().Where(p => emails.Contains(p.EmailKey!) && p.Membership != null)
                .Select(p => new { p.EmailKey, p.Membership!.Number }).ToListAsync(ct))
                .GroupBy(p => p.EmailKey!).ToDictionary(g => g.Key, g => g.Select(p => p.Number).ToList());

        foreach (var candidate in batch.Where(c => c.Problems.Count == 0))
        {
            if (candidate.Number is { } number && stored.TryGetValue(number, out var member))
            {
                if (!organizationsById.TryGetValue(member.OrganizationId, out var holder) || !holder.Manageable)
                    candidate.Problems.Add(new NumberOutsideScope(candidate.Line, number));
                else if (member.GivenKey != Text.SearchKey(candidate.Data.GivenName) || member.FamilyKey != Text.SearchKey(candidate.Data.FamilyName)
                         || member.DateOfBirth != candidate.Data.DateOfBirth)
                    candidate.Problems.Add(new NumberBelongsToSomeoneElse(candidate.Line, number,
                        $"{member.GivenName} {member.FamilyName}" + (member.DateOfBirth is { } b ? $" (born {MemberCsv.FormatDate(b)})" : "")));
                else if (member.Status != candidate.Status)
                    candidate.Problems.Add(new StatusChangedByImport(candidate.Line, member.Status, candidate.Status));
                else candidate.Outcome = member.SameAs(candidate) ? Outcome.Unchanged : Outcome.Update;
            }
            if (candidate.EmailKey is { } key && owners.TryGetValue(key, out var holders) && holders.Any(h => h != candidate.Number))
                candidate.Problems.Add(new EmailBelongsToAnotherMember(candidate.Line, candidate.Data.Email!, holders.First(h => h != candidate.Number)));
        }
    }

    private sealed record Stored(string Number, int OrganizationId, DateOnly JoinedOn, MemberStatus Status, string GivenName, string FamilyName,
        string GivenKey, string FamilyKey, DateOnly? DateOfBirth, Sex? Sex, int? OccupationId, int? EducationId, string? Email, string? Phone,
        string? Address)
    {
        public bool SameAs(Candidate c) =>
            OrganizationId == c.Organization!.Organization.Id && JoinedOn == c.JoinedOn && Status == c.Status
            && GivenName == c.Data.GivenName && FamilyName == c.Data.FamilyName && Sex == c.Data.Sex
            && OccupationId == c.Data.OccupationId && EducationId == c.Data.EducationId
            && Email == c.Data.Email && Phone == c.Data.Phone && Address == c.Data.Address;
    }

    /// A new member from a valid row, through the entities' own constructors (their guards passed while parsing).
    public static Member Enrol(Candidate candidate, string number, DateOnly today) =>
        Member.Enrol(candidate.Person!, number, candidate.Organization!.Organization, true, candidate.JoinedOn, candidate.Status, today).Value;

    /// Brings a stored member (tracked) in line with a valid row; false when there was nothing to change.
    public static async Task<bool> ApplyAsync(CadreDbContext db, Member member, Candidate candidate, CancellationToken ct)
    {
        var p = member.Person;
        var data = candidate.Data with { OtherName = p.OtherName };
        var same = member.OrganizationId == candidate.Organization!.Organization.Id && member.JoinedOn == candidate.JoinedOn
            && member.Status == candidate.Status && p.GivenName == data.GivenName && p.FamilyName == data.FamilyName
            && p.DateOfBirth == data.DateOfBirth && p.Sex == data.Sex && p.OccupationId == data.OccupationId
            && p.EducationId == data.EducationId && p.Email == data.Email && p.Phone == data.Phone && p.Address == data.Address;
        if (same) return false;
        var today = db.Today;
        _ = p.Update(data, today).Value;
        // The status is never changed here: the check refused such rows (StatusChangedByImport).
        if (member.JoinedOn != candidate.JoinedOn)
            _ = member.Update(candidate.JoinedOn, member.Status, today).Value;
        if (member.OrganizationId != candidate.Organization.Organization.Id)
        {
            var target = await db.Organizations.SingleAsync(o => o.Id == candidate.Organization.Organization.Id, ct);
            _ = member.MoveTo(target, true).Value;
        }
        return true;
    }
}
