using Cadre.Accounts;
using Cadre.Data;
using Cadre.Web.Accounts;
using Cadre.Web.Dues;
using Cadre.Web.Directives;
using Cadre.Web.Congresses;
using Cadre.Web.Education;
using Cadre.Web.Health;
using Cadre.Web.Infrastructure;
using Cadre.Web.International;
using Cadre.Web.MassOrganizations;
using Cadre.Web.Meetings;
using Cadre.Web.Members;
using Cadre.Web.Organizations;
using Cadre.Web.Supporters;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

// --demo is a flag of ours, not configuration: left in, the command line would read "--demo --urls X" as demo=--urls.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());

builder.Services.AddCadreDatabase(builder.Configuration);
builder.Services.AddCadreIdentity().AddSignInManager().AddDefaultTokenProviders();
builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = "cadre";
        options.DefaultChallengeScheme = "cadre";
    })
    // One scheme that looks at the request: a bearer header means an access token, anything else the sign-in cookie.
    .AddPolicyScheme("cadre", "Cookie or access token", options => options.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? AccessTokenAuthentication.SchemeName
            : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null)
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/sign-in";
    options.LogoutPath = "/account/sign-out";
    options.AccessDeniedPath = "/error/403";
    options.Cookie.Name = "cadre";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    // The API answers with status codes, never with a redirect to the sign-in page.
    options.Events.OnRedirectToLogin = context => IsApi(context.Request) ? ApiStatus.WriteAsync(context.HttpContext, 401) : Redirect(context);
    options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request) ? ApiStatus.WriteAsync(context.HttpContext, 403) : Redirect(context);
});
builder.Services.AddCadreAuthorization();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ActorAccessor>();
builder.Services.AddSingleton<MeetingMailer>();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
// Pages live in feature folders beside their endpoints (STYLE.md), not under Pages/.
builder.Services.AddRazorPages(options => options.RootDirectory = "/");
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options =>
    options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddHealthChecks();
builder.Services.AddSignupRateLimit(builder.Configuration);
builder.Services.AddHostedService<Cadre.Web.Dues.AutomaticLapseJob>();
builder.Services.AddHostedService<Cadre.Web.Health.ComputeHealthJob>();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<CadreDbContext>();
    await DatabaseSetup.MigrateAsync(db);
    if (demo) await DemoStart.SeedAsync(scope.ServiceProvider, app.Logger);
}

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error/500",
    StatusCodeSelector = ApiExceptionHandler.StatusOf,
});
// Pages get a readable page for 400/403/404 (a forged form, a bad link); the API keeps its problem details.
app.UseWhen(context => !IsApi(context.Request), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
app.UseStaticFiles();
// /health stays the trivial endpoint it is meant to be: it reads nothing.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseMiddleware<SqliteConnectionPerRequest>());
app.UseMiddleware<SetupGate>();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().WithTags("Health");
app.MapOpenApi().AllowAnonymous();
app.MapRazorPages();
app.MapOrganizationsApi();
app.MapMembersApi();
app.MapMembershipApi();
app.MapAccountsApi();
app.MapDuesApi();
app.MapEducationApi();
app.MapDirectivesApi();
app.MapHealthApi();
app.MapInternationalApi();
app.MapMassOrganizationsApi();
app.MapCongressesApi();
app.MapMeetingsApi();
app.MapSupportersApi();

await app.RunAsync();

static bool IsApi(HttpRequest request) => ApiStatus.IsApi(request);

static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
{
    context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

public partial class Program;
