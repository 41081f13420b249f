using Cadre.Data;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Members;

public sealed class MemberNumberConcurrencyTests
{
    [Theory, MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Concurrent_registrations_on_a_fresh_database_get_distinct_numbers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var tree = await database.CreateTreeAsync();

        // Several web instances registering at once, the very first registrations included.
        var registrations = Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => database.TryRegisterMemberAsync(tree.NorthBranch, Arrange.Person($"Given{i}", $"Family{i}"))))
            .ToList();
        var results = await Task.WhenAll(registrations);

        var numbers = results.Select(r => r.Ok().Number).ToList();
        Assert.Equal(6, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(Member.IsWellFormedNumber(n)));
        await using var db = database.Context();
        Assert.Equal(6, await db.Members.CountAsync(TestDatabase.Ct));
    }
}
