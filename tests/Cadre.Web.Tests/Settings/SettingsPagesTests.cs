using System.Net;
using Cadre.Accounts;
using Cadre.Members;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Tests.Settings;

public sealed class SettingsPagesTests(CadreApp app) : IClassFixture<CadreApp>, IAsyncLifetime
{
    private HttpClient admin = null!;
    private CadreApp.Tree tree = null!;

    public async ValueTask InitializeAsync()
    {
        tree = await app.CreateTreeAsync();
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Role.Administrator, null);
        admin = await app.SignedInClientAsync(email);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_level_used_by_organizations_cannot_be_removed()
    {
        var districtLevel = await app.LevelIdAsync(2);
        var response = await CadreApp.PostFormAsync(admin, "/settings/levels",
            new() { ["id"] = districtLevel.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/settings/levels?handler=Remove");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("it cannot be removed", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(4, await app.WithDbAsync(db => db.Levels.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_level_name_is_a_field_error()
    {
        var response = await CadreApp.PostFormAsync(admin, "/settings/levels",
            new() { ["Input.Name"] = "district", ["Input.Rank"] = "2" }, "/settings/levels?handler=Add");
        Assert.Contains("There is already a level called district.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_occupation_in_use_cannot_be_removed_but_can_be_renamed()
    {
        var worker = await app.WithDbAsync(db => db.Classifiers.Where(c => c.Kind == ClassifierKind.Occupation && c.Code == "worker").Select(c => c.Id).SingleAsync());
        var member = await app.RegisterMemberAsync(tree.NorthBranch, "Karl", "Weber");
        await app.WithDbAsync(async db =>
        {
            var person = await db.People.Include(p => p.Membership).SingleAsync(p => p.Id == member.PersonId);
            person.Update(new PersonalData { GivenName = "Karl", FamilyName = "Weber", OccupationId = worker }, db.Today);
            await db.SaveChangesAsync();
        });
        var id = worker.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var removed = await CadreApp.PostFormAsync(admin, "/settings/lists", new() { ["id"] = id }, "/settings/lists?handler=Remove");
        Assert.Contains("cannot be removed", await removed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var renamed = await CadreApp.PostFormAsync(admin, "/settings/lists", new() { ["id"] = id, ["name"] = "Industrial worker" }, "/settings/lists?handler=Rename");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Industrial worker", await app.WithDbAsync(db => db.Classifiers.Where(c => c.Id == worker).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_secretary_may_not_open_the_settings()
    {
        var email = $"sec-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Role.Secretary, tree.North);
        var secretary = await app.SignedInClientAsync(email);
        var response = await secretary.GetAsync("/settings/levels", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/error/403", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
