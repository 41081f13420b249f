using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Cadre.Accounts;
using Cadre.Data;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests;

/// One Cadre web app over its own SQLite file; each test class owns one (STYLE.md habit 6).
/// Arrange through intent methods, assert through HTTP.
public sealed partial class CadreApp : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "cadre-web-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Cadre", $"Data Source={Path.Combine(directory, "cadre.db")};Pooling=False");
        builder.UseSetting("Data:Directory", directory);
    }

    public async Task<T> WithDbAsync<T>(Func<CadreDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
        db.CurrentActor.Actor = Actor.System("test");
        return await work(db);
    }

    public Task WithDbAsync(Func<CadreDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    public Task<int> LevelIdAsync(int rank) => WithDbAsync(db => db.Levels.Where(l => l.Rank == rank).Select(l => l.Id).SingleAsync());

    /// Creates an organization at the level of the given rank (0 = top) under parentId.
    public Task<int> CreateOrganizationAsync(string code, string name, int rank, int? parentId, DateOnly? foundedOn = null) =>
        WithDbAsync(async db =>
        {
            var levelId = await db.Levels.Where(l => l.Rank == rank).Select(l => l.Id).SingleAsync();
            var result = await CreateOrganization.HandleAsync(db, Actor.System("test"),
                new CreateOrganization.Request { Code = code, Name = name, LevelId = levelId, ParentId = parentId, FoundedOn = foundedOn ?? new DateOnly(2000, 1, 1) },
                CancellationToken.None);
            return result.Value;
        });

    private readonly SemaphoreSlim treeLock = new(1, 1);
    private Tree? tree;

    /// The usual small tree: a centre, two regions, a district in each, a primary organization in each district.
    /// Created once per app, so every test of a class can ask for it.
    public async Task<Tree> CreateTreeAsync()
    {
        await treeLock.WaitAsync();
        try
        {
            return tree ??= await BuildTreeAsync();
        }
        finally
        {
            treeLock.Release();
        }
    }

    private async Task<Tree> BuildTreeAsync()
    {
        var centre = await CreateOrganizationAsync("CC", "Central Committee", 0, null);
        var north = await CreateOrganizationAsync("N", "North Region", 1, centre);
        var south = await CreateOrganizationAsync("S", "South Region", 1, centre);
        var northDistrict = await CreateOrganizationAsync("N-1", "Riverside District", 2, north);
        var southDistrict = await CreateOrganizationAsync("S-1", "Hillside District", 2, south);
        var northBranch = await CreateOrganizationAsync("N-1-1", "Dockworkers Branch", 3, northDistrict);
        var southBranch = await CreateOrganizationAsync("S-1-1", "Farmers Branch", 3, southDistrict);
        return new Tree(centre, north, south, northDistrict, southDistrict, northBranch, southBranch);
    }

    public sealed record Tree(int Centre, int North, int South, int NorthDistrict, int SouthDistrict, int NorthBranch, int SouthBranch);

    public Task<RegisterMember.Registered> RegisterMemberAsync(int organizationId, string given, string family, DateOnly? born = null) =>
        WithDbAsync(async db =>
        {
            var result = await RegisterMember.HandleAsync(db, Actor.System("test"), new RegisterMember.Request
            {
                OrganizationId = organizationId,
                JoinedOn = new DateOnly(2020, 5, 1),
                Person = new PersonalData { GivenName = given, FamilyName = family, DateOfBirth = born ?? new DateOnly(1980, 3, 4), Sex = Sex.Female },
            }, CancellationToken.None);
            return result.Value;
        });

    /// Creates an account holding one role (at an organization unless administrator); the password is Password.
    public Task<string> CreateUserAsync(string email, Role role, int? organizationId, int? personId = null) =>
        WithDbAsync(async db =>
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
            var user = new CadreUser { UserName = email, Email = email, EmailConfirmed = true, PersonId = personId, CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            var grants = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
            grants.RoleGrants.Add(RoleGrant.Create(user.Id, role, organizationId, DateTime.UtcNow));
            await grants.SaveChangesAsync();
            return user.Id;
        });

    /// An API client authenticated with a fresh personal access token of a new user holding the role.
    public async Task<HttpClient> ApiClientAsync(Role role, int? organizationId, string? email = null)
    {
        var userId = await CreateUserAsync(email ?? $"{role}-{Guid.NewGuid():N}@example.org".ToLowerInvariant(), role, organizationId);
        var secret = await WithDbAsync(async db =>
        {
            var (token, secret) = PersonalAccessToken.Issue(userId, "test", DateTime.UtcNow, null);
            db.AccessTokens.Add(token);
            await db.SaveChangesAsync();
            return secret;
        });
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// A browser-like client signed in through the sign-in form (cookie and antiforgery token as a browser has them).
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in failed for {email}: {(int)response.StatusCode}");
        return client;
    }

    /// GETs the page, takes its antiforgery token, and posts the form fields to it (or to action).
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields, string? action = null)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(html);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {page}.");
        fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        treeLock.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
