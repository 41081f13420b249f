using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Demo;

/// One demo account: who to sign in as to see the party from that seat.
public sealed record DemoLogin(string Role, string Email, string Password, string? OrganizationCode, string? OrganizationName, string? PersonName)
{
    /// One line to print, the same from the CLI and the web host: "Member: member@cadre.example / password (R1-D1-01 ..., as ...)".
    public string Describe()
    {
        var where = OrganizationCode is null ? "everywhere" : $"{OrganizationCode} {OrganizationName}";
        var who = PersonName is null ? "" : $", as {PersonName}";
        return $"{Role}: {Email} / {Password}  ({where}{who})";
    }
}

public sealed record DemoLogins(int Seed, int Organizations, int Members, IReadOnlyList<DemoLogin> Accounts);

public sealed record DemoProgress(string Step, int Percent);

public sealed record DemoNeedsEmptyDatabase(int Organizations)
    : ConflictError($"The database already has {Organizations} organization(s): the demo party is seeded only into an empty database.");

public sealed record DemoNeedsFourLevels(int Levels)
    : ConflictError($"The demo party needs at least four levels (central, regional, district, primary); there are {Levels}.");

/// Seeds a demo party: a central committee, 3 regions, 12 districts, about 60 primary organizations and 1,500 members
/// whose make-up follows DemoComposition, with committees, offices, terms and four demo accounts.
/// Everything is drawn from Random(seed) in a fixed order, so a seed always gives the same party.
///
/// It does not call the use cases (CreateOrganization, RegisterMember, AppointToOffice, CreateUser): each opens a
/// transaction of its own, so the seed could not be one, and 1,500 registrations would cost 1,500 transactions with a
/// dozen queries each. The entities are still built by their own factories (Organization.Found, Person.Create,
/// Member.Enrol, Term.Begin, RoleGrant.Create) and the tree by OrganizationTree, so their rules hold, and
/// SaveChangesAsync writes the audit trail. The whole seed is one transaction: it is there entirely or not at all.
public static class DemoParty
{
    public const int RegionCount = 3;
    public const int DistrictsPerRegion = 4;
    public const int MemberCount = 1_500;

    /// The day the demo is drawn as of, fixed so that ages and dates do not depend on when it is seeded.
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    public const string AdministratorEmail = "admin@cadre.example";
    public const string RegionalSecretaryEmail = "region.secretary@cadre.example";
    public const string PrimarySecretaryEmail = "branch.secretary@cadre.example";
    public const string MemberEmail = "member@cadre.example";

    private static readonly string[] Emails = [AdministratorEmail, RegionalSecretaryEmail, PrimarySecretaryEmail, MemberEmail];

    public static async Task<Result<DemoLogins>> SeedAsync(
        CadreDbContext db, UserManager<CadreUser> users, int seed, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var organizations = await db.Organizations.CountAsync(ct);
        if (organizations > 0) return new DemoNeedsEmptyDatabase(organizations);
        var levels = await db.Levels.OrderBy(l => l.Rank).ToListAsync(ct);
        if (levels.Count < 4) return new DemoNeedsFourLevels(levels.Count);
        foreach (var email in Emails)
            if (await users.FindByEmailAsync(email) is not null) return new EmailAlreadyUsed(email);
        var classifiers = await db.Classifiers.AsNoTracking().ToListAsync(ct);

        var today = db.Today < AsOf ? db.Today : AsOf;
        var plan = DemoPlan.Draw(new Random(seed), today);

        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            progress?.Report(new DemoProgress("Organizations", 0));
            var created = new Dictionary<PlannedOrganization, Organization>();
            var level = new[] { levels[0], levels[1], levels[^2], levels[^1] };
            foreach (var (planned, index) in plan.Organizations.Select((o, i) => (o, i)))
            {
                var parent = planned.Parent is null ? null : created[planned.Parent];
                var organization = Must(Organization.Found(planned.Code, planned.Name, level[planned.Depth], parent, parent?.Level, planned.FoundedOn));
                db.Organizations.Add(organization);
                await db.SaveChangesAsync(ct);
                await OrganizationTree.AddAsync(db, organization, ct);
                Must(await OrganizationTree.RecordVersionAsync(db, organization, planned.FoundedOn, ct));
                created[planned] = organization;
                progress?.Report(new DemoProgress("Organizations", 30 * (index + 1) / plan.Organizations.Count));
            }
            await db.SaveChangesAsync(ct);

            progress?.Report(new DemoProgress("Members", 30));
            var people = new Dictionary<PlannedMember, Person>();
            var numbers = await MemberNumbers.ReserveAsync(db, plan.Members.Count, ct);
            foreach (var (planned, index) in plan.Members.Select((m, i) => (m, i)))
            {
                var data = planned.Data with
                {
                    OccupationId = classifiers.FirstOrDefault(c => c.Kind == ClassifierKind.Occupation && c.Code == planned.Occupation)?.Id,
                    EducationId = classifiers.FirstOrDefault(c => c.Kind == ClassifierKind.Education && c.Code == planned.Education)?.Id,
                };
                if (Validation.Check(data) is { } invalid) throw new InvalidOperationException($"The demo drew invalid personal data: {invalid.Message}");
                var person = Must(Person.Create(data, db.Today));
                var member = planned.Status == MemberStatus.Candidate
                    ? Candidate(person, Member.FormatNumber(numbers + index), created[planned.Organization], planned.JoinedOn, db.Today)
                    : Must(Member.Enrol(person, Member.FormatNumber(numbers + index), created[planned.Organization],
                        isPrimary: true, planned.JoinedOn, planned.Status, db.Today));
                db.People.Add(person);
                db.Members.Add(member);
                people[planned] = person;
            }
            await db.SaveChangesAsync(ct);
            await DemoDues.SeedAsync(db, people.Values.Select(p => p.Membership!).ToList(), new Random(seed), ct);

            progress?.Report(new DemoProgress("Committees and offices", 70));
            var offices = new Dictionary<PlannedOffice, Office>();
            var bodies = new Dictionary<PlannedOrganization, Body>();
            foreach (var planned in plan.Offices)
            {
                var organization = created[planned.Organization];
                if (!bodies.TryGetValue(planned.Organization, out var body))
                {
                    body = new Body { OrganizationId = organization.Id, Name = "Committee", Kind = BodyKind.Committee };
                    db.Bodies.Add(body);
                    bodies[planned.Organization] = body;
                }
                var office = new Office { OrganizationId = organization.Id, Body = body, Title = planned.Title, Kind = planned.Kind, Seats = planned.Seats };
                db.Offices.Add(office);
                offices[planned] = office;
            }
            await db.SaveChangesAsync(ct);
            foreach (var term in plan.Terms)
                db.Terms.Add(Must(Term.Begin(offices[term.Office], people[term.Holder], term.StartsOn, term.EndsOn, null)));
            await db.SaveChangesAsync(ct);

            progress?.Report(new DemoProgress("Accounts", 85));
            var accounts = new List<DemoLogin>();
            foreach (var account in plan.Accounts)
            {
                var organization = account.Organization is null ? null : created[account.Organization];
                var person = account.Person is null ? null : people[account.Person];
                var user = new CadreUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, PersonId = person?.Id, CreatedAt = db.Now };
                var result = await users.CreateAsync(user, account.Password);
                if (!result.Succeeded) throw new InvalidOperationException($"The demo account {account.Email} was refused: {CreateUser.Rejected(result).Message}");
                db.RoleGrants.Add(RoleGrant.Create(user.Id, account.Role, organization?.Id, db.Now));
                await db.SaveChangesAsync(ct);
                accounts.Add(new DemoLogin(account.Label, account.Email, account.Password,
                    organization?.Code, organization?.Name, person?.DisplayName));
            }

            var demoMember = people[plan.Accounts.Single(a => a.Email == MemberEmail).Person!].Membership!;
            progress?.Report(new DemoProgress("Library and courses", 88));
            await DemoEducation.SeedAsync(db, demoMember, ct);
            var demoRegion = created[plan.Accounts.Single(a => a.Email == RegionalSecretaryEmail).Organization!].Id;
            var demoBranch = created[plan.Accounts.Single(a => a.Email == PrimarySecretaryEmail).Organization!].Id;
            // What is seeded so far is saved; letting go of its tens of thousands of tracked entities keeps each of the
            // hundreds of saves that follow (directives, meetings, the congress) from scanning them all again. From here
            // on the demo member is only read for its id, organization and number.
            db.ChangeTracker.Clear();
            progress?.Report(new DemoProgress("Directives and meetings", 90));
            await DemoDirectives.SeedAsync(db, demoRegion, demoBranch, ct);
            await DemoMeetings.SeedAsync(db, demoMember.OrganizationId, ct);
            progress?.Report(new DemoProgress("Supporters and a congress", 92));
            await DemoSupporters.SeedAsync(db, demoBranch, ct);
            await DemoCongress.SeedAsync(db, demoMember, ct);
            // The same between the steps below: each saves what it seeds, and none reads another's tracked entities.
            db.ChangeTracker.Clear();
            progress?.Report(new DemoProgress("Branch meetings", 94));
            await DemoHealth.SeedAsync(db, demoMember.OrganizationId, ct);
            db.ChangeTracker.Clear();
            progress?.Report(new DemoProgress("Mass organizations", 96));
            await DemoMassOrganizations.SeedAsync(db, ct);

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
                await transaction.DisposeAsync();
                progress?.Report(new DemoProgress("Health indicators", 98));
                await DemoHealth.ComputeAsync(db, ct);
            }
            progress?.Report(new DemoProgress("Done", 100));
            return new DemoLogins(seed, plan.Organizations.Count, plan.Members.Count, accounts);
        }
        catch
        {
            // Nothing of a failed seed may linger in the context either: the caller may go on using it.
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    // Candidates go through application and admission, so their probation runs and the overdue list has entries.
    private static Member Candidate(Person person, string number, Organization organization, DateOnly on, DateOnly today)
    {
        var member = Must(Member.Apply(person, number, organization, isPrimary: true, on, null, today));
        var admitted = member.Admit(new Decision(on, organization.Id, "Branch meeting minutes"), new MembershipRules(), today);
        if (!admitted.IsSuccess) throw new InvalidOperationException($"The demo party broke a rule: {admitted.Error.Message}");
        return member;
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo party broke a rule: {result.Error.Message}");
}
