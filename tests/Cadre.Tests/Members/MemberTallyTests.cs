using System.Text;
using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Members.Import;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using static Cadre.Tests.Infrastructure.ArrangeMembership;

namespace Cadre.Tests.Members;

/// The tallies behind MemberCounts are kept by triggers; after every kind of change they must equal a recount from the members.
public sealed class MemberTallyTests
{
    private static readonly CancellationToken Ct = TestDatabase.Ct;

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Tallies_equal_a_recount_after_every_kind_of_change(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var occupations = await OccupationsAsync(database);
        var steps = new List<string>();

        async Task Check(string step)
        {
            steps.Add(step);
            await using var db = database.Context();
            var tallied = await db.MemberTallies.Where(t => t.Members != 0)
                .Select(t => new { t.OrganizationId, t.Status, t.OccupationId, t.Members }).ToListAsync(Ct);
            var expected = await MemberCounts.RecountAsync(db, Ct);
            Assert.True(expected.SequenceEqual(tallied.Select(t => (t.OrganizationId, t.Status, t.OccupationId, t.Members)).OrderBy(t => t)),
                $"After {string.Join(", then ", steps)}: tallies {Describe(tallied.Select(t => (t.OrganizationId, t.Status, t.OccupationId, t.Members)))}"
                + $" but a recount gives {Describe(expected)}.");
        }

        var ana = (await database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person("Ana", "Silva") with { OccupationId = occupations[0] })).Ok();
        var rui = (await database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person("Rui", "Costa") with { OccupationId = occupations[1] })).Ok();
        var eva = (await database.TryRegisterMemberAsync(tree.NorthBranch2, Arrange.Person("Eva", "Lima"))).Ok();
        var ze = (await database.TryRegisterMemberAsync(tree.NorthBranch3, Arrange.Person("Zé", "Sousa") with { OccupationId = occupations[0] })).Ok();
        await database.TryRegisterMemberAsync(tree.SouthBranch, Arrange.Person("Lia", "Moura") with { OccupationId = occupations[1] });
        await Check("registrations");

        (await database.RunAsync((db, a) => UpdateMember.HandleAsync(db, a, rui.MemberId, new UpdateMember.Request
        {
            Person = Arrange.Person("Rui", "Costa") with { OccupationId = occupations[2] }, JoinedOn = new DateOnly(2020, 5, 1),
        }, Ct))).Ok();
        (await database.RunAsync((db, a) => UpdateMember.HandleAsync(db, a, eva.MemberId, new UpdateMember.Request
        {
            Person = Arrange.Person("Eva", "Lima") with { OccupationId = occupations[0] }, JoinedOn = new DateOnly(2020, 5, 1),
        }, Ct))).Ok();
        await Check("a change of occupation");

        (await database.RunAsync((db, a) => Resign.HandleAsync(db, a, ana.MemberId, Decided(new(2025, 1, 1)), Ct))).Ok();
        var candidate = await database.CandidateAsync(tree.NorthBranch2);
        await Check("a resignation and an admission");

        var transfer = (await database.RunAsync((db, a) => RequestTransfer.HandleAsync(db, a,
            new RequestTransfer.Request { MemberId = ze.MemberId, ToOrganizationId = tree.SouthBranch, On = new(2025, 3, 1), Reason = "Moved" }, Ct))).Ok();
        (await database.RunAsync((db, a) => AcceptTransfer.HandleAsync(db, a, transfer, Decided(new(2025, 3, 5)), Ct))).Ok();
        await Check("a transfer to another region");

        (await database.RunAsync((db, a) => MoveOrganization.HandleAsync(db, a, tree.NorthDistrict2, new MoveOrganization.Request(tree.South), Ct))).Ok();
        await Check("a district moved to another region");

        (await database.RunAsync((db, a) => MergeOrganizations.HandleAsync(db, a, tree.NorthBranch2, new MergeOrganizations.Request(tree.NorthBranch), Ct))).Ok();
        await Check("a merge of two branches");

        (await database.RunAsync((db, a) => DissolveOrganization.HandleAsync(db, a, tree.NorthBranch,
            new DissolveOrganization.Request(TransferMembersToId: tree.SouthBranch), Ct))).Ok();
        await Check("a dissolution with the members transferred");

        var csv = "member_number,given_name,family_name,date_of_birth,sex,occupation,education,email,phone,address,organization_code,joined_on,status\n"
            + ",Ivo,Reis,,,worker,,,,,S-1-1,2020-05-01,member\n,Ada,Nunes,,,,,,,,S-1-1,2020-05-01,candidate\n";
        var imported = await ImportMembers.HandleAsync(database.Context(), Admin, () => new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportMembers.Options(), Ct);
        Assert.Equal(2, imported.Ok().Created);
        await Check("an import into a register with members");
        Assert.NotEqual(0, candidate);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Counts_at_the_centre_come_from_the_tallies_and_match_the_members(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var occupations = await OccupationsAsync(database);
        foreach (var (branch, i) in new[] { tree.NorthBranch, tree.NorthBranch2, tree.NorthBranch3, tree.SouthBranch }.Select((b, i) => (b, i)))
            for (var n = 0; n <= i; n++)
                await database.TryRegisterMemberAsync(branch, Arrange.Person("Person", $"Number{i}{n}") with { OccupationId = occupations[n % 2] });

        await using var db = database.Context();
        var byStatus = (await MemberCounts.ByStatusAsync(db, Admin, tree.Centre, Ct)).Ok();
        Assert.Equal(10, byStatus.Sum(c => c.Members));
        var byOccupation = (await MemberCounts.ByOccupationAsync(db, Admin, tree.North, Ct)).Ok();
        Assert.Equal([(occupations[0], 4), (occupations[1], 2)], byOccupation.Select(c => (c.OccupationId!.Value, c.Members)));
        // The tallies hold the centre's counts as rows of its own: that is what makes them fast.
        Assert.Equal(10, await db.MemberTallies.Where(t => t.OrganizationId == tree.Centre).SumAsync(t => t.Members, Ct));
        Assert.Equal(0, await db.MemberTallies.Where(t => t.OrganizationId == tree.NorthBranch).SumAsync(t => t.Members, Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Missing_triggers_are_put_back_and_the_tallies_rebuilt_at_start(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await using (var db = database.Context())
        {
            await MemberTallySql.SuspendAsync(db, Ct);
        }
        await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        await using (var db = database.Context())
        {
            Assert.Equal(0, await db.MemberTallies.SumAsync(t => t.Members, Ct));
            await MemberTallySql.EnsureAsync(db, Ct);
            Assert.Equal(3, await db.MemberTallies.SumAsync(t => t.Members, Ct)); // district, region, centre
        }
        await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa");
        await using var after = database.Context();
        Assert.Equal(2, (await MemberCounts.ByStatusAsync(after, Admin, tree.Centre, Ct)).Ok().Sum(c => c.Members));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_large_first_import_leaves_the_tallies_right_and_the_triggers_in_place(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var branches = new[] { "N-1-1", "N-1-2", "N-2-1", "S-1-1" };
        var occupations = new[] { "worker", "farmer", "" };
        var csv = new StringBuilder("member_number,given_name,family_name,date_of_birth,sex,occupation,education,email,phone,address,organization_code,joined_on,status\n");
        const int rows = 10_000; // the size from which an import into an empty register defers its indexes and tallies
        for (var i = 0; i < rows; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $",Given{i},Family{i},,,{occupations[i % 3]},,,,,{branches[i % 4]},2020-05-01,{(i % 7 == 0 ? "candidate" : "member")}\n");

        var imported = await ImportMembers.HandleAsync(database.Context(), Admin, () => new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
            new ImportMembers.Options(), Ct);

        Assert.Equal(rows, imported.Ok().Created);
        await using (var db = database.Context())
        {
            var tallied = await db.MemberTallies.Where(t => t.Members != 0).Select(t => new { t.OrganizationId, t.Status, t.OccupationId, t.Members }).ToListAsync(Ct);
            Assert.Equal(await MemberCounts.RecountAsync(db, Ct), tallied.Select(t => (t.OrganizationId, t.Status, t.OccupationId, t.Members)).OrderBy(t => t));
            Assert.Equal(rows, (await MemberCounts.ByStatusAsync(db, Admin, tree.Centre, Ct)).Ok().Sum(c => c.Members));
        }
        await database.RegisterMemberAsync(tree.SouthBranch, "Ana", "Silva");
        await using var after = database.Context();
        Assert.Equal(rows + 1, (await MemberCounts.ByStatusAsync(after, Admin, tree.Centre, Ct)).Ok().Sum(c => c.Members));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_large_first_import_with_a_bad_last_row_leaves_everything_as_it_was(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var csv = new StringBuilder("member_number,given_name,family_name,date_of_birth,sex,occupation,education,email,phone,address,organization_code,joined_on,status\n");
        for (var i = 0; i < 10_000; i++) csv.Append(System.Globalization.CultureInfo.InvariantCulture, $",Given{i},Family{i},,,worker,,,,,N-1-1,2020-05-01,member\n");
        csv.Append(",Late,Row,,,,,,,,NOWHERE,2020-05-01,member\n");
        var before = await Import.ImportMembersTests.SnapshotAsync(database);
        var indexesBefore = await IndexesAsync(database);

        var imported = (await ImportMembers.HandleAsync(database.Context(), Admin, () => new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
            new ImportMembers.Options(), Ct)).Ok();

        Assert.True(imported.Refused);
        Assert.Equal(10_001, imported.Rows);
        Assert.Equal(10_002, Assert.Single(imported.Problems).Line);
        Assert.Equal(before, await Import.ImportMembersTests.SnapshotAsync(database));
        // The indexes and the tally triggers dropped for the bulk write came back with the rollback.
        await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        await using var db = database.Context();
        Assert.Equal(1, (await MemberCounts.ByStatusAsync(db, Admin, tree.Centre, Ct)).Ok().Sum(c => c.Members));
        Assert.Single((await MemberQueries.ListAsync(db, Admin, new MemberFilter { Search = "silva" }, Ct)).Ok().Items);
        Assert.Equal(indexesBefore, await IndexesAsync(database));
    }

    private static async Task<string> IndexesAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var sql = db.IsPostgres
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename IN ('People', 'Members') ORDER BY indexname"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('People', 'Members') ORDER BY name";
        return string.Join(",", await db.Database.SqlQueryRaw<string>(sql).ToListAsync(Ct));
    }

    private static async Task<List<int>> OccupationsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.Classifiers.Where(c => c.Kind == ClassifierKind.Occupation).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(Ct);
    }

    private static string Describe(IEnumerable<(int OrganizationId, MemberStatus Status, int OccupationId, int Members)> rows) =>
        "[" + string.Join(" ", rows.OrderBy(r => r).Select(r => $"{r.OrganizationId}/{r.Status}/{r.OccupationId}={r.Members}")) + "]";
}
