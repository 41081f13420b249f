using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Audit;

public sealed class AuditTrailTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Registering_a_member_records_who_created_what_with_the_values(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict, "sec@example.org");
        database.Clock.Now = new DateTimeOffset(2025, 3, 15, 14, 30, 0, TimeSpan.Zero);

        var ana = (await database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person("Ana", "Silva", "ana@example.org"), secretary)).Ok();

        var person = await EntryAsync(database, "Person", ana.PersonId);
        var member = await EntryAsync(database, "Member", ana.MemberId);
        foreach (var entry in new[] { person, member })
        {
            Assert.Equal((AuditAction.Created, secretary.UserId, "sec@example.org", (int?)tree.NorthBranch, (string?)null),
                (entry.Action, entry.UserId, entry.UserName, entry.OrganizationId, entry.Before));
            Assert.Equal(new DateTime(2025, 3, 15, 14, 30, 0, DateTimeKind.Utc), DateTime.SpecifyKind(entry.At, DateTimeKind.Utc));
        }
        var after = Values(person.After);
        Assert.Equal(("Ana", "Silva", "ana@example.org"), (after["GivenName"].GetString(), after["FamilyName"].GetString(), after["Email"].GetString()));
        Assert.DoesNotContain("FamilyKey", after.Keys);
        Assert.Equal(ana.Number, Values(member.After)["Number"].GetString());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Updating_a_member_records_only_the_changed_fields_before_and_after(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva", "ana@example.org");
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict, "sec@example.org");

        (await UpdateMember.HandleAsync(database.Context(secretary), secretary, ana.MemberId, new UpdateMember.Request
        {
            Person = Arrange.Person("Ana", "Souza", "ana@example.org"),
            JoinedOn = new DateOnly(2020, 5, 1),
        }, TestDatabase.Ct)).Ok();

        await using var db = database.Context();
        var updates = await db.AuditEntries.Where(a => a.Action == AuditAction.Updated).ToListAsync(TestDatabase.Ct);
        var update = Assert.Single(updates);
        Assert.Equal(("Person", ana.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture), "sec@example.org", secretary.UserId),
            (update.EntityType, update.EntityId, update.UserName, update.UserId));
        Assert.Equal(["FamilyName"], Values(update.Before).Keys);
        Assert.Equal("Silva", Values(update.Before)["FamilyName"].GetString());
        Assert.Equal(["FamilyName"], Values(update.After).Keys);
        Assert.Equal("Souza", Values(update.After)["FamilyName"].GetString());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_audit_entry_cannot_be_modified_or_deleted_through_the_context(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");

        await using (var db = database.Context())
        {
            var entry = await db.AuditEntries.FirstAsync(a => a.EntityType == "Person", TestDatabase.Ct);
            db.Entry(entry).Property(a => a.UserName).CurrentValue = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestDatabase.Ct));
        }
        await using (var db = database.Context())
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(a => a.EntityType == "Person", TestDatabase.Ct));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestDatabase.Ct));
        }

        var person = await EntryAsync(database, "Person", ana.PersonId);
        Assert.Equal("test", person.UserName);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Revoking_a_role_records_the_deletion_with_the_values_before(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        int grantId;
        await using (var setup = database.Context())
        {
            setup.Users.Add(new CadreUser { Id = "u-1", UserName = "sec@example.org", Email = "sec@example.org", CreatedAt = setup.Now });
            var grant = RoleGrant.Create("u-1", Role.Secretary, tree.SouthDistrict, setup.Now);
            setup.RoleGrants.Add(grant);
            await setup.SaveChangesAsync(TestDatabase.Ct);
            grantId = grant.Id;
        }

        (await RevokeRole.HandleAsync(database.Context(), Actor.System("admin"), grantId, TestDatabase.Ct)).Ok();

        await using var db = database.Context();
        var deleted = await db.AuditEntries.SingleAsync(a => a.EntityType == "RoleGrant" && a.Action == AuditAction.Deleted, TestDatabase.Ct);
        Assert.Equal((grantId.ToString(System.Globalization.CultureInfo.InvariantCulture), (int?)tree.SouthDistrict, (string?)null),
            (deleted.EntityId, deleted.OrganizationId, deleted.After));
        Assert.Equal("Secretary", Values(deleted.Before)["Role"].GetString());
        Assert.False(await db.RoleGrants.AnyAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_control_commission_sees_the_trail_of_its_region_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var ana = await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        var joao = await database.RegisterMemberAsync(tree.SouthBranch, "Joao", "Reis");
        var commission = Arrange.Holding(Role.ControlCommission, tree.North);

        var rows = new List<AuditRow>();
        string? cursor = null;
        do
        {
            var page = (await AuditQueries.ListAsync(database.Context(), commission, new AuditFilter(Cursor: cursor, Take: 5), TestDatabase.Ct)).Ok();
            rows.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Contains(rows, r => r.EntityType == "Person" && r.EntityId == Id(ana.PersonId));
        Assert.Contains(rows, r => r.EntityType == "Member" && r.EntityId == Id(ana.MemberId));
        Assert.Contains(rows, r => r.EntityType == "Organization" && r.EntityId == Id(tree.NorthBranch3));
        Assert.DoesNotContain(rows, r => r.EntityId == Id(joao.PersonId) && r.EntityType == "Person");
        Assert.DoesNotContain(rows, r => r.EntityId == Id(joao.MemberId) && r.EntityType == "Member");
        Assert.DoesNotContain(rows, r => r.EntityType == "Organization" && (r.EntityId == Id(tree.South) || r.EntityId == Id(tree.Centre)));
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_database_itself_refuses_bulk_and_raw_changes_to_the_trail(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        await database.RegisterMemberAsync(tree.NorthBranch, "Ana", "Silva");
        await using var db = database.Context();
        var count = await db.AuditEntries.CountAsync(TestDatabase.Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "nobody"), TestDatabase.Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync(TestDatabase.Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", TestDatabase.Ct));

        Assert.Equal(count, await db.AuditEntries.CountAsync(TestDatabase.Ct));
        Assert.DoesNotContain("nobody", await db.AuditEntries.Select(a => a.UserName).ToListAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_treasurer_may_not_read_the_audit_trail(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Treasurer, tree.North);

        var result = await AuditQueries.ListAsync(database.Context(), secretary, new AuditFilter(), TestDatabase.Ct);

        result.Fails<AuditNotPermitted, CursorPage<AuditRow>>();
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<AuditEntry> EntryAsync(TestDatabase database, string type, int id)
    {
        await using var db = database.Context();
        var key = Id(id);
        return await db.AuditEntries.SingleAsync(a => a.EntityType == type && a.EntityId == key, TestDatabase.Ct);
    }

    private static Dictionary<string, JsonElement> Values(string? json)
    {
        Assert.NotNull(json);
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
    }
}
