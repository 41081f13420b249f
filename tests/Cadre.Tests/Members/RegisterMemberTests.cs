using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Members;

public sealed class RegisterMemberTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_registered_member_gets_a_unique_well_formed_number(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        var numbers = new List<string>();
        foreach (var (given, family, org) in new[] { ("Ana", "Silva", tree.NorthBranch), ("Rui", "Costa", tree.NorthBranch2), ("Eva", "Lima", tree.SouthBranch) })
            numbers.Add((await database.RegisterMemberAsync(org, given, family)).Number);

        Assert.Equal(3, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(n.Length == 8 && Member.IsWellFormedNumber(n), $"{n} is not 7 digits and a Luhn check digit"));
        Assert.False(Member.IsWellFormedNumber(numbers[0][..7] + (char)('0' + ((numbers[0][7] - '0' + 1) % 10))));
        await using var db = database.Context();
        var stored = await db.Members.OrderBy(m => m.Id).Select(m => m.Number).ToListAsync(TestDatabase.Ct);
        Assert.Equal(numbers, stored);
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_date_of_birth_in_the_future_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        var result = await database.TryRegisterMemberAsync(tree.NorthBranch,
            Arrange.Person("Ana", "Silva") with { DateOfBirth = database.Clock.Today.AddDays(1) });

        Assert.Equal("DateOfBirth", result.Fails<DateOfBirthInFuture, RegisterMember.Registered>().Field);
        await using var db = database.Context();
        Assert.False(await db.People.AnyAsync(TestDatabase.Ct));
        Assert.False(await db.Members.AnyAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Over_long_names_are_refused_with_their_fields(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        var result = await database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person(new string('a', 101), new string('b', 101)));

        var failed = result.Fails<ValidationFailed, RegisterMember.Registered>();
        Assert.Equal(["FamilyName", "GivenName"], failed.Errors.Select(e => e.Field).Order());
        await using var db = database.Context();
        Assert.False(await db.People.AnyAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Members_are_registered_only_in_primary_organizations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        var result = await database.TryRegisterMemberAsync(tree.NorthDistrict, Arrange.Person("Ana", "Silva"));

        Assert.Equal("OrganizationId", result.Fails<MemberOrganizationNotPrimary, RegisterMember.Registered>().Field);
        await using var db = database.Context();
        Assert.False(await db.People.AnyAsync(TestDatabase.Ct));
    }

    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_secretary_cannot_register_a_member_outside_their_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();
        var secretary = Arrange.Holding(Cadre.Accounts.Role.Secretary, tree.NorthDistrict);

        var outside = await database.TryRegisterMemberAsync(tree.SouthBranch, Arrange.Person("Ana", "Silva"), secretary);
        var inside = await database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person("Rui", "Costa"), secretary);

        Assert.Equal("OrganizationId", outside.Fails<InvalidField, RegisterMember.Registered>().Field);
        inside.Ok();
    }
}
