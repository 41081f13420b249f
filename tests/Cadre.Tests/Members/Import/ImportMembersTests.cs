using System.Text;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Members.Import;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Members.Import;

public sealed class ImportMembersTests
{
    private const string Header = "member_number,given_name,family_name,date_of_birth,sex,occupation,education,email,phone,address,organization_code,joined_on,status";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider, string, string, int, string, string> BadFiles()
    {
        var good = "00000018,Ana,Silva,1980-03-04,f,worker,university,ana@example.org,+351 21 000 0000,Rua 1,N-1-1,2020-05-01,member";
        var rows = new (string Name, string File, int Line, string Column, string Code)[]
        {
            ("missing column", "given_name,family_name,date_of_birth,sex,occupation,education,email,phone,address,organization_code,joined_on,status\nAna,Silva,,,,,,,,N-1-1,2020-05-01,member",
                1, "member_number", nameof(MissingColumn)),
            ("broken quote", $"{Header}\n{good}\n,\"Rui,Costa,,,,,,,,N-1-1,2020-05-01,member\n", 3, "given_name", nameof(BrokenQuote)),
            ("text after a closing quote", $"{Header}\n,\"Rui\"x,Costa,,,,,,,,N-1-1,2020-05-01,member", 2, "given_name", nameof(BrokenQuote)),
            ("a row with a field too few", $"{Header}\n,Rui,Costa,,,,,,,,N-1-1,2020-05-01", 2, "status", nameof(WrongFieldCount)),
            ("31/02/2020", $"{Header}\n,Rui,Costa,31/02/2020,,,,,,,N-1-1,2020-05-01,member", 2, "date_of_birth", nameof(InvalidDate)),
            ("2020-13-01", $"{Header}\n,Rui,Costa,,,,,,,,N-1-1,2020-13-01,member", 2, "joined_on", nameof(InvalidDate)),
            ("unknown organization", $"{Header}\n,Rui,Costa,,,,,,,,NOWHERE,2020-05-01,member", 2, "organization_code", nameof(UnknownOrganization)),
            ("duplicate number in the file", $"{Header}\n{good}\n00000018,Rui,Costa,,,,,,,,N-1-1,2020-05-01,member", 3, "member_number", nameof(DuplicateNumberInFile)),
            ("duplicate email in the file", $"{Header}\n{good}\n,Rui,Costa,,,,,ANA@example.org,,,N-1-1,2020-05-01,member", 3, "email", nameof(DuplicateEmailInFile)),
            ("malformed number", $"{Header}\n00000019,Rui,Costa,,,,,,,,N-1-1,2020-05-01,member", 2, "member_number", nameof(MalformedMemberNumber)),
            ("missing family name", $"{Header}\n,Rui,,,,,,,,,N-1-1,2020-05-01,member", 2, "family_name", nameof(RequiredValueMissing)),
            ("unknown status", $"{Header}\n,Rui,Costa,,,,,,,,N-1-1,2020-05-01,honorary", 2, "status", nameof(UnknownListValue)),
            ("not a primary organization", $"{Header}\n,Rui,Costa,,,,,,,,N-1,2020-05-01,member", 2, "organization_code", nameof(OrganizationNotUsable)),
            ("too long a name", $"{Header}\n,{new string('a', 101)},Costa,,,,,,,,N-1-1,2020-05-01,member", 2, "given_name", nameof(InvalidValue)),
        };
        var data = new TheoryData<DatabaseProvider, string, string, int, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var r in rows) data.Add(provider, r.Name, r.File, r.Line, r.Column, r.Code);
        return data;
    }

    [Theory, MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_naming_line_column_and_reason_and_nothing_changes(DatabaseProvider provider, string name,
        string file, int line, string column, string code)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateTreeAsync();
        var before = await SnapshotAsync(database);

        var report = await ImportAsync(database, file);

        Assert.True(report.Refused, name);
        Assert.True(report.Problems.Any(p => p.Line == line && p.Column == column && p.Code == code && p.Reason.Length > 10),
            string.Join("\n", report.Problems.Select(p => $"{p.Code} {p}")));
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task A_quote_left_open_at_the_top_of_a_large_file_is_named_and_reading_stops()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await database.CreateTreeAsync();
        var csv = new StringBuilder($"{Header}\n,Ana,Silva,,,,,,,,N-1-1,2020-05-01,member\n,\"Rui,Costa,,,,,,,,N-1-1,2020-05-01,member\n");
        while (csv.Length < 3 * 1024 * 1024) csv.Append(",Eva,Lima,,,,,,,,N-1-1,2020-05-01,member\n");

        var report = await ImportAsync(database, csv.ToString());

        Assert.True(report.Refused);
        var problem = Assert.Single(report.Problems);
        Assert.Equal((nameof(BrokenQuote), 3), (problem.Code, problem.Line));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_file_with_a_bom_quoted_commas_and_line_breaks_and_names_in_any_script_is_imported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateTreeAsync();
        var csv = $"{Header}\r\n"
            + "00000018,小明,王,1990-01-02,Male,worker,university,wang@example.cn,+86 10 1234 5678,\"Building 3, Room 4\nChaoyang, Beijing\",n-1-1,2019-07-01,Member\r\n"
            + ",Zoë,\"O'Brien, Jr\",,female,Farmer,,,,,S-1-1,2021-01-31,candidate\r\n"
            + ",Олег,Петров,,o,,,,,,N-1-2,2022-02-28,2\r\n";

        var report = await ImportAsync(database, csv, bom: true);

        Assert.False(report.Refused, string.Join("\n", report.Problems));
        Assert.Equal((3, 3, 0, 0), (report.Rows, report.Created, report.Updated, report.Unchanged));
        await using var db = database.Context();
        var wang = await db.Members.Include(m => m.Person).ThenInclude(p => p.Occupation).Include(m => m.Organization)
            .SingleAsync(m => m.Number == "00000018", Ct);
        Assert.Equal(("小明", "王", Sex.Male, "N-1-1"), (wang.Person.GivenName, wang.Person.FamilyName, wang.Person.Sex, wang.Organization.Code));
        Assert.Equal("Building 3, Room 4\nChaoyang, Beijing", wang.Person.Address);
        Assert.Equal("worker", wang.Person.Occupation!.Code);
        Assert.Equal("861012345678", wang.Person.PhoneKey);
        var zoe = await db.Members.Include(m => m.Person).SingleAsync(m => m.Person.GivenName == "Zoë", Ct);
        Assert.Equal(("O'Brien, Jr", MemberStatus.Candidate, Sex.Female), (zoe.Person.FamilyName, zoe.Status, zoe.Person.Sex));
        Assert.Equal("zoe", zoe.Person.GivenKey);
        Assert.True(Member.IsWellFormedNumber(zoe.Number));
        Assert.NotEqual("00000018", zoe.Number);
        var oleg = await db.Members.Include(m => m.Person).SingleAsync(m => m.Person.FamilyName == "Петров", Ct);
        Assert.Equal((Sex.Other, MemberStatus.Member), (oleg.Person.Sex, oleg.Status));
        // One entry summarizes the bulk import: who, which file, how many rows.
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "MemberImport", Ct);
        Assert.Equal("importer", audit.UserName);
        Assert.Contains("\"Created\":3", audit.After, StringComparison.Ordinal);
        Assert.Contains("members.csv", audit.After, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Numbers_handed_out_after_an_import_never_meet_the_imported_ones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var given = Member.FormatNumber(5);

        await ImportAsync(database, $"{Header}\n{given},Ana,Silva,,,,,,,,N-1-1,2020-05-01,member\n,Rui,Costa,,,,,,,,N-1-1,2020-05-01,member");
        var registered = await database.RegisterMemberAsync(tree.NorthBranch, "Eva", "Lima");

        await using var db = database.Context();
        var numbers = await db.Members.Select(m => m.Number).ToListAsync(Ct);
        Assert.Equal(3, numbers.Distinct().Count());
        Assert.Equal(Member.FormatNumber(7), registered.Number);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Re_running_the_same_file_changes_nothing_and_a_changed_row_updates_its_member(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateTreeAsync();
        var csv = $"{Header}\n00000018,Ana,Silva,1980-03-04,f,,,ana@example.org,,Rua 1,N-1-1,2020-05-01,member\n"
            + $"{Member.FormatNumber(2)},Rui,Costa,,m,,,,,,N-1-2,2020-05-01,member";
        Assert.Equal(2, (await ImportAsync(database, csv)).Created);
        var before = await SnapshotAsync(database);

        var again = await ImportAsync(database, csv);

        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(before.Members, (await SnapshotAsync(database)).Members);
        Assert.Equal(before.People, (await SnapshotAsync(database)).People);

        var changed = await ImportAsync(database, csv.Replace("Rua 1,N-1-1", "Rua 2,N-1-2", StringComparison.Ordinal));

        Assert.Equal((0, 1, 1), (changed.Created, changed.Updated, changed.Unchanged));
        await using var db = database.Context();
        var ana = await db.Members.Include(m => m.Person).Include(m => m.Organization).SingleAsync(m => m.Number == "00000018", Ct);
        Assert.Equal(("Rua 2", "N-1-2"), (ana.Person.Address, ana.Organization.Code));
        // The update is audited entity by entity, like an edit on the member page.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Person) && a.Action == Cadre.Audit.AuditAction.Updated, Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_file_cannot_change_a_stored_members_status_which_changes_by_decision(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateTreeAsync();
        var csv = $"{Header}\n00000018,Ana,Silva,1980-03-04,f,,,,,,N-1-1,2020-05-01,member";
        Assert.Equal(1, (await ImportAsync(database, csv)).Created);
        var before = await SnapshotAsync(database);

        var report = await ImportAsync(database, csv.Replace(",member", ",expelled", StringComparison.Ordinal));

        Assert.True(report.Refused);
        var problem = Assert.IsType<StatusChangedByImport>(Assert.Single(report.Problems));
        Assert.Equal((2, "status"), (problem.Line, problem.Column));
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_number_or_email_that_belongs_to_another_stored_member_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var stored = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva", "ana@example.org");
        var before = await SnapshotAsync(database);

        var report = await ImportAsync(database, $"{Header}\n{stored.Number},Rui,Costa,,,,,,,,N-1-1,2020-05-01,member\n"
            + ",Eva,Lima,,,,,Ana@Example.org,,,N-1-1,2020-05-01,member");

        Assert.True(report.Refused);
        var number = Assert.IsType<NumberBelongsToSomeoneElse>(report.Problems.Single(p => p.Line == 2));
        Assert.Contains("Ana Silva", number.Reason, StringComparison.Ordinal);
        var email = Assert.IsType<EmailBelongsToAnotherMember>(report.Problems.Single(p => p.Line == 3));
        Assert.Equal("email", email.Column);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Skip_invalid_imports_the_good_rows_and_writes_the_rejects_with_their_reasons(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateTreeAsync();
        var rejects = new StringWriter();

        var report = await ImportAsync(database, $"{Header}\n,Ana,Silva,,,,,,,,N-1-1,2020-05-01,member\n"
            + ",Rui,Costa,31/02/2020,,,,,,,N-1-1,2020-05-01,member\n,Eva,Lima,,,,,,,,NOWHERE,2020-05-01,member",
            options: new ImportMembers.Options { SkipInvalid = true, OpenRejects = () => rejects });

        Assert.False(report.Refused);
        Assert.Equal((3, 1, 2), (report.Rows, report.Created, report.Rejected));
        var lines = rejects.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header + ",reason", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(",Rui,Costa,31/02/2020,", lines[1], StringComparison.Ordinal);
        Assert.Contains("line 3, date_of_birth", lines[1], StringComparison.Ordinal);
        Assert.Contains("NOWHERE", lines[2], StringComparison.Ordinal);
        await using var db = database.Context();
        Assert.Equal(["Silva"], await db.People.Select(p => p.FamilyName).ToListAsync(Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_dry_run_reports_what_would_happen_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateTreeAsync();
        var before = await SnapshotAsync(database);

        var report = await ImportAsync(database, $"{Header}\n,Ana,Silva,,,,,,,,N-1-1,2020-05-01,member",
            options: new ImportMembers.Options { DryRun = true, PreviewRows = 5 });

        Assert.Equal((false, 1), (report.Refused, report.Created));
        Assert.Equal("Silva", report.Preview.Single()[2]);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_secretary_imports_only_into_their_own_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict);

        var report = await ImportAsync(database, $"{Header}\n,Ana,Silva,,,,,,,,N-1-1,2020-05-01,member\n,Eva,Lima,,,,,,,,S-1-1,2020-05-01,member",
            actor: secretary);

        Assert.True(report.Refused);
        Assert.Equal(nameof(OrganizationOutsideScope), report.Problems.Single().Code);
        Assert.Equal(3, report.Problems.Single().Line);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_export_imports_back_unchanged_and_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await ImportAsync(database, $"{Header}\n00000018,小明,王,1990-01-02,m,worker,university,wang@example.cn,+86 10 1234,\"Room 4, \"\"B\"\"\nBeijing\",N-1-1,2019-07-01,member\n"
            + ",Zoë,Lima,,,,,,,,N-1-2,2020-05-01,candidate\n,Eva,South,,,,,,,,S-1-1,2020-05-01,member");
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict, "north-secretary");

        var output = new MemoryStream();
        await using (var db = database.Context(secretary))
        {
            var exported = (await ExportMembers.WriteAsync(db, secretary, tree.NorthDistrict, output, Ct)).Ok();
            Assert.Equal(2, exported.Rows);
        }
        var csv = Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith(Header, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("South", csv, StringComparison.Ordinal);

        var again = await ImportAsync(database, csv);

        Assert.False(again.Refused, string.Join("\n", again.Problems));
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        await using var check = database.Context();
        var audit = await check.AuditEntries.SingleAsync(a => a.EntityType == "MemberExport", Ct);
        Assert.Equal(("north-secretary", (int?)tree.NorthDistrict), (audit.UserName, audit.OrganizationId));
        Assert.Contains("\"Rows\":2", audit.After, StringComparison.Ordinal);

        await using var other = database.Context(secretary);
        var refused = await ExportMembers.WriteAsync(other, secretary, tree.SouthDistrict, new MemoryStream(), Ct);
        refused.Fails<Cadre.Organizations.OrganizationNotFound, ExportMembers.Exported>();
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Members_are_found_by_phone_whatever_its_separators(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateTreeAsync();
        await ImportAsync(database, $"{Header}\n,Ana,Silva,,,,,,+351 21-000 1111,,N-1-1,2020-05-01,member\n,Rui,Costa,,,,,,021 555 2222,,N-1-1,2020-05-01,member");
        await using var db = database.Context();

        var byPrefix = (await MemberQueries.ListAsync(db, Actor.System("t"), new MemberFilter { Search = "+351 21 000" }, Ct)).Ok();
        var byFilter = (await MemberQueries.ListAsync(db, Actor.System("t"), new MemberFilter { Phone = "(021) 555" }, Ct)).Ok();

        Assert.Equal(["Silva"], byPrefix.Items.Select(m => m.FamilyName));
        Assert.Equal(["Costa"], byFilter.Items.Select(m => m.FamilyName));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_large_first_import_keeps_every_index_and_numbers_unique(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateTreeAsync();
        var csv = new StringBuilder(Header + "\n");
        for (var i = 1; i <= 10_050; i++)
            csv.Append(i % 2 == 0 ? Member.FormatNumber(i) : "").Append($",Given{i},Family{i},,,,,m{i}@example.org,555 {i},,N-1-1,2020-05-01,member\n");
        var indexesBefore = await IndexesAsync(database);

        var report = await ImportAsync(database, csv.ToString());

        Assert.Equal(10_050, report.Created);
        Assert.Equal(indexesBefore, await IndexesAsync(database));
        await using var db = database.Context();
        Assert.Equal(10_050, await db.Members.Select(m => m.Number).Distinct().CountAsync(Ct));
        Assert.Equal(10_050, await db.Members.Select(m => m.PersonId).Distinct().CountAsync(Ct));
        var last = await db.Members.Include(m => m.Person).SingleAsync(m => m.Number == Member.FormatNumber(10_050), Ct);
        Assert.Equal(("Given10050", "m10050@example.org"), (last.Person.GivenName, last.Person.Email));
        var found = (await MemberQueries.ListAsync(db, Actor.System("t"), new MemberFilter { Search = "family1005" }, Ct)).Ok();
        Assert.Equal(["Family1005", "Family10050"], found.Items.Select(m => m.FamilyName).Order());
    }

    private static async Task<string> IndexesAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var sql = database.Provider == DatabaseProvider.Postgres
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename IN ('People', 'Members')"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('People', 'Members')";
        return string.Join(",", (await db.Database.SqlQueryRaw<string>(sql).ToListAsync(Ct)).Order());
    }

    internal static async Task<ImportMembers.Report> ImportAsync(TestDatabase database, string csv, bool bom = false,
        ImportMembers.Options? options = null, Actor? actor = null)
    {
        var bytes = (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        actor ??= new Actor(null, "importer", [(Role.Administrator, null)]);
        await using var db = database.Context(actor);
        var result = await ImportMembers.HandleAsync(db, actor, () => new MemoryStream(bytes), options ?? new ImportMembers.Options(), Ct);
        return result.Ok();
    }

    internal sealed record Snapshot(string People, string Members, int Audit, long Counter);

    internal static async Task<Snapshot> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var people = await db.People.OrderBy(p => p.Id).Select(p => $"{p.Id}|{p.GivenName}|{p.FamilyName}|{p.Address}|{p.Email}|{p.Phone}").ToListAsync(Ct);
        var members = await db.Members.OrderBy(m => m.Id).Select(m => $"{m.Id}|{m.Number}|{m.OrganizationId}|{m.Status}|{m.JoinedOn}|{m.Version}").ToListAsync(Ct);
        var counter = await db.Counters.Where(c => c.Name == "member-number").Select(c => c.Value).FirstOrDefaultAsync(Ct);
        return new Snapshot(string.Join("\n", people), string.Join("\n", members), await db.AuditEntries.CountAsync(Ct), counter);
    }
}
