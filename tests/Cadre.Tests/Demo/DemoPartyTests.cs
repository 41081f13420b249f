using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Demo;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

// Seeding the demo party is one of the dearest steps of the suite; the classes that only read it share one seed.
[assembly: AssemblyFixture(typeof(Cadre.Tests.Demo.SeededDemo))]

namespace Cadre.Tests.Demo;

/// One demo party seeded once (seed 1) for the whole assembly, for the tests that only read it.
public sealed class SeededDemo : IAsyncLifetime
{
    public TempDatabase Database { get; private set; } = null!;

    public DemoLogins Logins { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TempDatabase.MigratedAsync(CancellationToken.None);
        Logins = await DemoPartyTests.SeedAsync(Database, 1, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed class DemoPartyTests(SeededDemo demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<DemoLogins> SeedAsync(TempDatabase database, int seed, CancellationToken ct)
    {
        await using var scope = database.Scope();
        var db = scope.Db();
        db.CurrentActor.Actor = Actor.System("demo-test");
        var seeded = await DemoParty.SeedAsync(db, scope.Users(), seed, null, ct);
        Assert.True(seeded.IsSuccess, seeded.Error?.Message);
        return seeded.Value;
    }

    [Fact]
    public async Task The_party_has_a_centre_three_regions_twelve_districts_about_sixty_branches_and_1500_members()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        var byRank = await db.Organizations.GroupBy(o => o.Level.Rank).Select(g => new { Rank = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Rank, g => g.Count, Ct);

        Assert.Equal(1, byRank[0]);
        Assert.Equal(3, byRank[1]);
        Assert.Equal(12, byRank[2]);
        Assert.InRange(byRank[3], 45, 75);
        Assert.Equal(1_500, await db.Members.CountAsync(Ct));
        Assert.Equal(1_500, await db.People.CountAsync(Ct));
        Assert.Equal(byRank.Values.Sum(), demo.Logins.Organizations);
        Assert.Equal(1_500, demo.Logins.Members);
    }

    [Fact]
    public async Task Every_member_is_in_a_primary_organization_and_every_primary_organization_has_members()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        var lowest = await db.Levels.MaxAsync(l => l.Rank, Ct);

        Assert.Equal(0, await db.Members.CountAsync(m => m.Organization.Level.Rank != lowest, Ct));
        var empty = await db.Organizations.Where(o => o.Level.Rank == lowest)
            .Where(o => !db.Members.Any(m => m.OrganizationId == o.Id)).Select(o => o.Code).ToListAsync(Ct);
        Assert.Empty(empty);
        var numbers = await db.Members.Select(m => m.Number).ToListAsync(Ct);
        Assert.All(numbers, n => Assert.True(Member.IsWellFormedNumber(n), n));
    }

    [Fact]
    public async Task The_composition_roughly_follows_the_published_shares()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        var people = await db.People.Select(p => new
        {
            p.Sex,
            p.DateOfBirth,
            Occupation = p.Occupation!.Code,
            Education = p.Education!.Code,
        }).ToListAsync(Ct);

        int Age(DateOnly born) => DemoParty.AsOf.Year - born.Year - (born.AddYears(DemoParty.AsOf.Year - born.Year) > DemoParty.AsOf ? 1 : 0);

        // Shares of the 2023 figures (cpc_structure_by_year.csv); 1,500 draws keep each within a few points.
        Assert.InRange(people.Count(p => p.Sex == Sex.Female) / 1500.0, 0.26, 0.35);
        Assert.InRange(people.Count(p => Age(p.DateOfBirth!.Value) <= 30) / 1500.0, 0.09, 0.16);
        Assert.InRange(people.Count(p => Age(p.DateOfBirth!.Value) >= 61) / 1500.0, 0.24, 0.33);
        Assert.All(people, p => Assert.InRange(Age(p.DateOfBirth!.Value), 18, 95));
        Assert.InRange(people.Count(p => p.Occupation == "farmer") / 1500.0, 0.22, 0.31);
        Assert.InRange(people.Count(p => p.Occupation == "retired") / 1500.0, 0.17, 0.25);
        Assert.InRange(people.Count(p => p.Occupation == "student") / 1500.0, 0.01, 0.05);
        Assert.InRange(people.Count(p => p.Education is "college" or "university" or "postgraduate") / 1500.0, 0.51, 0.62);
        // The draw keeps occupations plausible for the age.
        Assert.All(people.Where(p => p.Occupation == "retired"), p => Assert.True(Age(p.DateOfBirth!.Value) >= 56));
        Assert.All(people.Where(p => p.Occupation == "student"), p => Assert.True(Age(p.DateOfBirth!.Value) <= 30));
    }

    [Fact]
    public async Task Every_organization_has_a_committee_and_one_current_secretary_and_treasurer_with_a_succession()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        var today = db.Today;
        var organizations = await db.Organizations.CountAsync(Ct);
        Assert.Equal(organizations, await db.Bodies.Where(b => b.Kind == BodyKind.Committee).Select(b => b.OrganizationId).Distinct().CountAsync(Ct));

        foreach (var kind in new[] { OfficeKind.Secretary, OfficeKind.Treasurer })
        {
            var current = await db.Terms.Where(t => t.Office.Kind == kind && t.StartsOn <= today && t.EndsOn == null)
                .GroupBy(t => t.OrganizationId).Select(g => g.Count()).ToListAsync(Ct);
            Assert.Equal(organizations, current.Count);
            Assert.All(current, count => Assert.Equal(1, count));
        }
        var past = await db.Terms.Where(t => t.Office.Kind == OfficeKind.Secretary && t.EndsOn != null).CountAsync(Ct);
        Assert.InRange(past, organizations / 2, organizations * 2);

        // A holder is a member of the organization or of one below it, as AppointToOffice requires.
        var outside = await db.Terms.Where(t => !db.OrganizationPaths.Any(p => p.AncestorId == t.OrganizationId
                && p.DescendantId == t.Person.Membership!.OrganizationId)).CountAsync(Ct);
        Assert.Equal(0, outside);
    }

    [Fact]
    public async Task The_demo_accounts_sign_in_with_their_passwords_and_hold_their_roles()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        var users = scope.Users();
        Assert.Equal(["Administrator", "Regional secretary", "Primary-organization secretary", "Member"], demo.Logins.Accounts.Select(a => a.Role));

        foreach (var login in demo.Logins.Accounts)
        {
            var user = await users.FindByEmailAsync(login.Email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, login.Password), login.Email);
        }

        var admin = await ActorFor(db, DemoParty.AdministratorEmail);
        Assert.True(admin.IsAdministrator);

        var region = await ActorFor(db, DemoParty.RegionalSecretaryEmail);
        var (regionRole, regionId) = Assert.Single(region.Grants);
        Assert.Equal(Role.Secretary, regionRole);
        Assert.Equal(1, await db.Organizations.Where(o => o.Id == regionId).Select(o => o.Level.Rank).SingleAsync(Ct));
        // The account is the regional secretary's own: its person holds that office now.
        Assert.True(await db.Terms.AnyAsync(t => t.OrganizationId == regionId && t.Office.Kind == OfficeKind.Secretary
            && t.EndsOn == null && t.PersonId == region.PersonId, Ct));

        var branch = await ActorFor(db, DemoParty.PrimarySecretaryEmail);
        var (branchRole, branchId) = Assert.Single(branch.Grants);
        Assert.Equal(Role.Secretary, branchRole);
        Assert.Equal(3, await db.Organizations.Where(o => o.Id == branchId).Select(o => o.Level.Rank).SingleAsync(Ct));
        Assert.True(await region.CanAsync(db, Permission.MembersManage, branchId!.Value, Ct), "The branch lies in the secretary's region.");

        var member = await ActorFor(db, DemoParty.MemberEmail);
        var (memberRole, memberOrg) = Assert.Single(member.Grants);
        Assert.Equal(Role.Member, memberRole);
        Assert.NotNull(member.PersonId);
        Assert.Equal(memberOrg, await db.Members.Where(m => m.PersonId == member.PersonId).Select(m => m.OrganizationId).SingleAsync(Ct));
        Assert.False(member.Has(Permission.MembersRead));
    }

    [Fact]
    public async Task Demo_candidates_were_applied_and_admitted_and_some_wait_past_their_probation()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        var candidates = await db.Members.Where(m => m.Status == MemberStatus.Candidate).Include(m => m.Events).ToListAsync(Ct);

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Equal([MembershipEventKind.Apply, MembershipEventKind.Admit], c.Events.OrderBy(e => e.Id).Select(e => e.Kind)));
        Assert.NotEmpty(await MembershipQueries.OverdueConfirmationsAsync(db, Actor.System("demo-test"), Ct));
    }

    [Fact]
    public async Task The_audit_trail_records_the_seed_under_the_acting_name()
    {
        await using var scope = demo.Database.Scope();
        var db = scope.Db();
        var entries = await db.AuditEntries.GroupBy(a => a.EntityType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);

        Assert.Equal(1_500, entries[nameof(Member)]);
        Assert.Equal(demo.Logins.Organizations, entries[nameof(Organization)]);
        Assert.Equal(4, entries[nameof(RoleGrant)]);
        Assert.True(await db.AuditEntries.Where(a => a.EntityType == nameof(Member)).AllAsync(a => a.UserName == "demo-test", Ct));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_party_and_another_seed_a_different_one()
    {
        await using var again = await TempDatabase.MigratedAsync(Ct);
        await SeedAsync(again, 1, Ct);
        await using var other = await TempDatabase.MigratedAsync(Ct);
        await SeedAsync(other, 2, Ct);

        var first = await SnapshotAsync(demo.Database);
        var second = await SnapshotAsync(again);
        var third = await SnapshotAsync(other);

        Assert.Equal(first.Organizations, second.Organizations);
        Assert.Equal(first.Members, second.Members);
        Assert.Equal(first.Terms, second.Terms);
        Assert.NotEqual(first.Organizations, third.Organizations);
        Assert.NotEqual(first.Members, third.Members);
        // Not a shuffle of the same people: most members of another seed are different people.
        Assert.True(first.Members.Intersect(third.Members).Count() < 100);
    }

    [Fact]
    public async Task A_database_that_already_has_organizations_is_refused_and_left_as_it_was()
    {
        await using var database = await TempDatabase.MigratedAsync(Ct);
        await using var scope = database.Scope();
        var db = scope.Db();
        var top = await db.Levels.SingleAsync(l => l.Rank == 0, Ct);
        var created = await CreateOrganization.HandleAsync(db, Actor.System("test"), new CreateOrganization.Request { Code = "OWN", Name = "Our own party", LevelId = top.Id }, Ct);
        Assert.True(created.IsSuccess);

        var seeded = await DemoParty.SeedAsync(db, scope.Users(), 1, null, Ct);

        var refused = Assert.IsType<DemoNeedsEmptyDatabase>(seeded.Error);
        Assert.IsAssignableFrom<ConflictError>(refused);
        Assert.Equal(1, await db.Organizations.CountAsync(Ct));
        Assert.Equal(0, await db.Members.CountAsync(Ct));
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task A_seed_that_stops_half_way_leaves_nothing_behind()
    {
        await using var database = await TempDatabase.MigratedAsync(Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // Stopped once the organizations are saved and the members are being added.
        var progress = new CancelOn("Members", stop);

        await using (var scope = database.Scope())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoParty.SeedAsync(scope.Db(), scope.Users(), 1, progress, stop.Token));
        }

        await using var check = database.Scope();
        var db = check.Db();
        Assert.Equal(0, await db.Organizations.CountAsync(Ct));
        Assert.Equal(0, await db.OrganizationPaths.CountAsync(Ct));
        Assert.Equal(0, await db.Members.CountAsync(Ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Organization), Ct));
    }

    private sealed class CancelOn(string step, CancellationTokenSource source) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value)
        {
            if (value.Step == step) source.Cancel();
        }
    }

    private static async Task<Actor> ActorFor(CadreDbContext db, string email)
    {
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return (await ActorLoader.LoadAsync(db, id, Ct))!;
    }

    private sealed record Snapshot(List<string> Organizations, List<string> Members, List<string> Terms);

    private static async Task<Snapshot> SnapshotAsync(TempDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.Db();
        var organizations = await db.Organizations.OrderBy(o => o.Code).Select(o => o.Code + " " + o.Name + " " + o.FoundedOn).ToListAsync(Ct);
        var members = (await db.Members.OrderBy(m => m.Number)
                .Select(m => new { m.Number, m.Person.GivenName, m.Person.FamilyName, m.Person.OtherName, m.Person.DateOfBirth, m.Organization.Code, m.JoinedOn })
                .ToListAsync(Ct))
            .Select(m => $"{m.Number} {m.GivenName} {m.FamilyName} {m.OtherName} {m.DateOfBirth} {m.Code} {m.JoinedOn}").ToList();
        var codes = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.Code, Ct);
        var terms = (await db.Terms
                .Select(t => new { t.OrganizationId, t.Office.Title, t.StartsOn, t.EndsOn, t.Person.Membership!.Number })
                .ToListAsync(Ct))
            .Select(t => $"{codes[t.OrganizationId]} {t.Title} {t.StartsOn} {t.EndsOn} {t.Number}").Order(StringComparer.Ordinal).ToList();
        return new Snapshot(organizations, members, terms);
    }
}
