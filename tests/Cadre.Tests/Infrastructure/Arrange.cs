using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Tests.Infrastructure;

/// The usual tree: a centre, two regions, three districts, four primary organizations.
public sealed record Tree(int Centre, int North, int South, int NorthDistrict, int NorthDistrict2, int SouthDistrict,
    int NorthBranch, int NorthBranch2, int NorthBranch3, int SouthBranch);

/// Intent methods: tests arrange through the use cases, as a user would (STYLE.md habit 6).
public static class Arrange
{
    public static readonly DateOnly Founded = new(2000, 1, 1);

    public static Actor Holding(Role role, int organizationId, string? name = null) =>
        new($"user-{Guid.NewGuid():N}", name ?? $"{role.ToString().ToLowerInvariant()}@{organizationId}.example.org", [(role, organizationId)]);

    public static T Ok<T>(this Result<T> result) =>
        result.IsSuccess ? result.Value : throw new Xunit.Sdk.XunitException($"Expected success, got {result.Error}");

    public static TError Fails<TError, T>(this Result<T> result)
        where TError : Error
    {
        Assert.False(result.IsSuccess, "Expected a failure, got success.");
        return Assert.IsType<TError>(result.Error);
    }

    public static async Task<int> LevelIdAsync(this TestDatabase database, int rank)
    {
        await using var db = database.Context();
        return await db.Levels.Where(l => l.Rank == rank).Select(l => l.Id).SingleAsync(TestDatabase.Ct);
    }

    public static async Task<Result<int>> TryCreateOrganizationAsync(this TestDatabase database, string code, string name, int rank,
        int? parentId, DateOnly? foundedOn = null, Actor? actor = null)
    {
        var levelId = await database.LevelIdAsync(rank);
        actor ??= Actor.System("test");
        return await CreateOrganization.HandleAsync(database.Context(actor), actor,
            new CreateOrganization.Request { Code = code, Name = name, LevelId = levelId, ParentId = parentId, FoundedOn = foundedOn ?? Founded },
            TestDatabase.Ct);
    }

    public static async Task<int> CreateOrganizationAsync(this TestDatabase database, string code, string name, int rank, int? parentId,
        DateOnly? foundedOn = null) =>
        (await database.TryCreateOrganizationAsync(code, name, rank, parentId, foundedOn)).Ok();

    public static async Task<Tree> CreateTreeAsync(this TestDatabase database)
    {
        var centre = await database.CreateOrganizationAsync("CC", "Central Committee", 0, null);
        var north = await database.CreateOrganizationAsync("N", "North Region", 1, centre);
        var south = await database.CreateOrganizationAsync("S", "South Region", 1, centre);
        var northDistrict = await database.CreateOrganizationAsync("N-1", "Riverside District", 2, north);
        var northDistrict2 = await database.CreateOrganizationAsync("N-2", "Lakeside District", 2, north);
        var southDistrict = await database.CreateOrganizationAsync("S-1", "Hillside District", 2, south);
        var northBranch = await database.CreateOrganizationAsync("N-1-1", "Dockworkers Branch", 3, northDistrict);
        var northBranch2 = await database.CreateOrganizationAsync("N-1-2", "Railway Branch", 3, northDistrict);
        var northBranch3 = await database.CreateOrganizationAsync("N-2-1", "Fishers Branch", 3, northDistrict2);
        var southBranch = await database.CreateOrganizationAsync("S-1-1", "Farmers Branch", 3, southDistrict);
        return new Tree(centre, north, south, northDistrict, northDistrict2, southDistrict, northBranch, northBranch2, northBranch3, southBranch);
    }

    public static PersonalData Person(string given, string family, string? email = null) => new()
    {
        GivenName = given,
        FamilyName = family,
        DateOfBirth = new DateOnly(1980, 3, 4),
        Sex = Sex.Female,
        Email = email,
    };

    public static Task<Result<RegisterMember.Registered>> TryRegisterMemberAsync(this TestDatabase database, int organizationId,
        PersonalData person, Actor? actor = null)
    {
        actor ??= Actor.System("test");
        return RegisterMember.HandleAsync(database.Context(actor), actor,
            new RegisterMember.Request { OrganizationId = organizationId, JoinedOn = new DateOnly(2020, 5, 1), Person = person },
            TestDatabase.Ct);
    }

    public static async Task<RegisterMember.Registered> RegisterMemberAsync(this TestDatabase database, int organizationId,
        string given, string family, string? email = null) =>
        (await database.TryRegisterMemberAsync(organizationId, Person(given, family, email))).Ok();

    /// The ids of everything in the subtree of id (itself included), as the closure table answers it.
    public static async Task<List<int>> SubtreeAsync(this TestDatabase database, int id)
    {
        await using var db = database.Context();
        return await db.OrganizationPaths.Where(p => p.AncestorId == id).Select(p => p.DescendantId).OrderBy(d => d).ToListAsync(TestDatabase.Ct);
    }
}
