using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Data;

namespace Cadre.Tests.Audit;

public sealed class AuditFilterTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_trail_filters_by_entity_user_and_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Role.Secretary, tree.NorthDistrict, "sec@example.org");
        database.Clock.Now = new DateTimeOffset(2025, 3, 10, 23, 59, 0, TimeSpan.Zero);
        var ana = (await database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person("Ana", "Silva"), secretary)).Ok();
        database.Clock.Now = new DateTimeOffset(2025, 3, 11, 0, 1, 0, TimeSpan.Zero);
        var rui = await database.RegisterMemberAsync(tree.NorthBranch, "Rui", "Costa");
        var admin = Actor.System("admin");

        async Task<List<AuditRow>> ListAsync(AuditFilter filter) =>
            [.. (await AuditQueries.ListAsync(database.Context(), admin, filter, TestDatabase.Ct)).Ok().Items];

        var bySecretary = await ListAsync(new AuditFilter(User: "sec@example.org"));
        var on10th = await ListAsync(new AuditFilter(EntityType: "Member", From: new DateOnly(2025, 3, 10), To: new DateOnly(2025, 3, 10)));
        var from11th = await ListAsync(new AuditFilter(EntityType: "Member", From: new DateOnly(2025, 3, 11)));
        var oneMember = await ListAsync(new AuditFilter(EntityType: "Member", EntityId: rui.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(["Member", "Person"], bySecretary.Select(r => r.EntityType).Order());
        Assert.Equal([ana.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture)], on10th.Select(r => r.EntityId));
        Assert.Equal([rui.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture)], from11th.Select(r => r.EntityId));
        Assert.Equal(AuditAction.Created, Assert.Single(oneMember).Action);
    }
}
