using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Demo;
using Cadre.Dues;
using Cadre.Members;
using Cadre.Organizations;
using Cadre.Synthetic;
using Cadre.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Synthetic;

public sealed class SyntheticPartyTests
{
    private const int Size = 2_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SyntheticCounts> SeedAsync(TestDatabase database, int seed = 7, int members = Size, int years = 1)
    {
        var seeded = await SyntheticParty.SeedAsync(database.Context(), new SyntheticOptions(members, seed, years), null, Ct);
        return seeded.Ok();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_same_seed_gives_the_same_party_and_another_seed_another(DatabaseProvider provider)
    {
        await using var first = await TestDatabase.CreateAsync(provider);
        await using var second = await TestDatabase.CreateAsync(provider);
        await using var other = await TestDatabase.CreateAsync(provider);

        var counts = await SeedAsync(first);
        Assert.Equal(counts, await SeedAsync(second));
        await SeedAsync(other, seed: 8);

        Assert.Equal(Size, counts.Members);
        Assert.Equal(await FirstMembersAsync(first), await FirstMembersAsync(second));
        Assert.NotEqual(await FirstMembersAsync(first), await FirstMembersAsync(other));
        Assert.Equal(counts.Payments, await first.Context().DuesPayments.LongCountAsync(Ct));
        Assert.Equal(counts.MembershipEvents, await first.Context().MembershipEvents.LongCountAsync(Ct));
    }

    private static Task<List<string>> FirstMembersAsync(TestDatabase database) =>
        database.Context().Members.OrderBy(m => m.Id).Take(50)
            .Select(m => m.Number + " " + m.Person.GivenName + " " + m.Person.FamilyName + " " + m.OrganizationId).ToListAsync(Ct);

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_tree_has_four_levels_a_complete_closure_and_every_member_in_an_active_primary(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var counts = await SeedAsync(database);
        var db = database.Context();

        var organizations = await db.Organizations.Include(o => o.Level).ToListAsync(Ct);
        Assert.Equal(counts.Organizations, organizations.Count);
        var byRank = organizations.GroupBy(o => o.Level.Rank).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([0, 1, 2, 3], byRank.Keys.Order());
        Assert.Equal(1, byRank[0]);
        Assert.All(organizations, o => Assert.Equal(OrganizationStatus.Active, o.Status));
        var byId = organizations.ToDictionary(o => o.Id);
        Assert.All(organizations.Where(o => o.ParentId is not null), o => Assert.Equal(o.Level.Rank - 1, byId[o.ParentId!.Value].Level.Rank));
        // Every non-primary organization has children.
        Assert.All(organizations.Where(o => o.Level.Rank < 3), o => Assert.Contains(organizations, c => c.ParentId == o.Id));

        // The closure table is exactly what the parent links give.
        var expected = new HashSet<(int, int, int)>();
        foreach (var organization in organizations)
        {
            var depth = 0;
            for (Organization? a = organization; a is not null; a = a.ParentId is { } p ? byId[p] : null)
                expected.Add((a.Id, organization.Id, depth++));
        }
        var closure = (await db.OrganizationPaths.Select(p => new { p.AncestorId, p.DescendantId, p.Depth }).ToListAsync(Ct))
            .Select(p => (p.AncestorId, p.DescendantId, p.Depth)).ToHashSet();
        Assert.Equal(counts.OrganizationPaths, closure.Count);
        Assert.True(expected.SetEquals(closure));
        Assert.Equal(organizations.Count, await db.OrganizationVersions.CountAsync(v => v.ValidTo == null, Ct));

        int CentralCommittee() => organizations.Single(o => o.ParentId is null).Id;
        var memberOrganizations = await db.Members.Select(m => m.OrganizationId).ToListAsync(Ct);
        Assert.All(memberOrganizations, id => Assert.Equal(3, byId[id].Level.Rank));
        var sizes = memberOrganizations.GroupBy(id => id).Select(g => g.Count()).ToList();
        Assert.InRange(sizes.Average(), 18, 28);
        Assert.True(sizes.Max() > 2 * sizes.Average(), "A long tail of large primary organizations.");

        // The counts below every organization were rebuilt once the rows were in, and the triggers are back for what follows.
        var tallied = await db.MemberTallies.Where(t => t.Members != 0).Select(t => new { t.OrganizationId, t.Status, t.OccupationId, t.Members }).ToListAsync(Ct);
        Assert.Equal(await MemberCounts.RecountAsync(db, Ct), tallied.Select(t => (t.OrganizationId, t.Status, t.OccupationId, t.Members)).OrderBy(t => t));
        Assert.Equal(counts.Members, (await MemberCounts.ByStatusAsync(db, Cadre.Accounts.Actor.System("test"), CentralCommittee(), Ct)).Ok().Sum(c => c.Members));

        // A new organization and a new member still get ids of their own (PostgreSQL's identities moved past the bulk rows).
        var central = CentralCommittee();
        var region = await database.CreateOrganizationAsync("XNEW", "New Regional Committee", 1, central);
        Assert.DoesNotContain(region, byId.Keys);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_composition_follows_the_published_shares(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var db = database.Context();
        var people = await db.People.Select(p => new { p.Sex, p.DateOfBirth, Occupation = p.Occupation!.Code, Education = p.Education!.Code }).ToListAsync(Ct);

        const double tolerance = 0.04;
        Assert.InRange(people.Count(p => p.Sex == Sex.Female) / (double)Size, (DemoComposition.Female / DemoComposition.Total) - tolerance,
            (DemoComposition.Female / DemoComposition.Total) + tolerance);
        foreach (var (code, members) in DemoComposition.Occupations)
            Assert.InRange(people.Count(p => p.Occupation == code) / (double)Size, (members / DemoComposition.Total) - tolerance, (members / DemoComposition.Total) + tolerance);
        var college = new[] { "college", "university", "postgraduate" };
        var share = DemoComposition.CollegeOrAbove / DemoComposition.Total;
        Assert.InRange(people.Count(p => college.Contains(p.Education)) / (double)Size, share - tolerance, share + tolerance);
        var today = db.Today;
        var over60 = people.Count(p => p.DateOfBirth!.Value.AddYears(61) <= today) / (double)Size;
        var over60Share = DemoComposition.AgeBands[^1].Members / DemoComposition.Total;
        Assert.InRange(over60, over60Share - tolerance, over60Share + tolerance);
        Assert.All(people, p => Assert.True(p.DateOfBirth!.Value.AddYears(18) <= today));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Numbers_history_and_payments_are_consistent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var counts = await SeedAsync(database, years: 2);
        var db = database.Context();
        var members = await db.Members.AsNoTracking().Include(m => m.Events).ToListAsync(Ct);

        Assert.All(members, m => Assert.True(Member.IsWellFormedNumber(m.Number), m.Number));
        Assert.Equal(members.Count, members.Select(m => m.Number).Distinct().Count());
        // The counter continues after the block: the next registered member gets a fresh number.
        var next = Member.FormatNumber(await MemberNumbers.ReserveAsync(database.Context(), 1, Ct));
        Assert.DoesNotContain(next, members.Select(m => m.Number));

        // Every recorded step is one the lifecycle allows, in date order, ending in the member's status.
        Assert.True(counts.Candidates > 0 && counts.Transfers > 0 && counts.Lapses > 0, counts.ToString());
        foreach (var member in members.Where(m => m.Events.Count > 0))
        {
            var events = member.Events.OrderBy(e => e.Id).ToList();
            // Those who joined within the history applied; those who joined before it were registered as full members.
            if (events[0].Kind == MembershipEventKind.Apply) Assert.Null(events[0].StatusBefore);
            else Assert.Equal(MemberStatus.Member, events[0].StatusBefore);
            for (var i = events[0].Kind == MembershipEventKind.Apply ? 1 : 0; i < events.Count; i++)
            {
                Assert.True(events[i].Kind is MembershipEventKind.Transfer
                    || MembershipStateMachine.Allows(events[i].StatusBefore!.Value, events[i].Kind, events[i].StatusAfter), $"{events[i].Kind}");
                if (i == 0) continue;
                Assert.Equal(events[i - 1].StatusAfter, events[i].StatusBefore);
                Assert.True(events[i].On >= events[i - 1].On);
            }
            Assert.Equal(member.Status, events[^1].StatusAfter);
        }
        Assert.Equal(counts.Candidates, members.Count(m => m.Status == MemberStatus.Candidate));
        Assert.Equal(counts.Lapses, members.Count(m => m.Status == MemberStatus.Lapsed));

        var byId = members.ToDictionary(m => m.Id);
        var payments = await db.DuesPayments.AsNoTracking().Include(p => p.Allocations).ToListAsync(Ct);
        Assert.Equal(counts.Payments, payments.Count);
        Assert.InRange(payments.Count, Size * 12, Size * 24);
        Assert.All(payments, p =>
        {
            var member = byId[p.MemberId];
            Assert.True(p.PaidOn >= member.JoinedOn, $"{p.ReceiptNumber} paid {p.PaidOn} before joining {member.JoinedOn}");
            Assert.True(p.PaidOn <= db.Today);
            Assert.True(p.Amount > 0);
            var allocation = Assert.Single(p.Allocations);
            Assert.Equal(p.Amount, allocation.Amount);
            Assert.True(allocation.Month >= Months.Of(member.JoinedOn));
        });
        Assert.Equal(payments.Count, payments.Select(p => p.ReceiptNumber).Distinct().Count());
        Assert.DoesNotContain(payments, p => byId[p.MemberId].Status is MemberStatus.Applicant);
        Assert.Equal(counts.DeclaredIncomes, await db.DeclaredIncomes.LongCountAsync(Ct));

        var audit = await db.AuditEntries.Where(a => a.EntityType == "SyntheticParty").ToListAsync(Ct);
        Assert.Equal(AuditAction.Created, Assert.Single(audit).Action);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.EntityType).ToListAsync(Ct), t => t is "Member" or "Person" or "DuesPayment");
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_database_that_is_not_empty_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateTreeAsync();

        var seeded = await SyntheticParty.SeedAsync(database.Context(), new SyntheticOptions(100), null, Ct);

        Assert.IsType<SyntheticNeedsEmptyDatabase>(seeded.Error);
        Assert.Equal(0, await database.Context().Members.CountAsync(Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_indexes_dropped_for_the_load_are_all_there_again_after_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var before = await IndexesAsync(database);

        await SeedAsync(database, members: 300);

        Assert.Contains(before, i => i.StartsWith("IX_DuesPayments_MemberId ", StringComparison.Ordinal));
        Assert.Equal(before, await IndexesAsync(database));
    }

    private static async Task<List<string>> IndexesAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var sql = db.IsPostgres
            ? "SELECT indexname || ' ' || indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema()"
            : "SELECT name || ' ' || coalesce(sql, '') AS \"Value\" FROM sqlite_master WHERE type = 'index'";
        var indexes = await db.Database.SqlQueryRaw<string>(sql).ToListAsync(Ct);
        return indexes.Order(StringComparer.Ordinal).ToList();
    }
}
