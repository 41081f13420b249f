using Cadre.Accounts;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Web.Tests.Infrastructure;

/// Every endpoint the app maps declares its permission; only the allow-list may be reached without signing in.
public sealed class EndpointAuthorizationTests(CadreApp app) : IClassFixture<CadreApp>
{
    private static readonly HashSet<string> Anonymous =
    [
        "/health",
        "/openapi/{documentName}.json",
        "/setup",
        "/account/sign-in",
        "/error/{code:int}",
        // A joint declaration its keepers made public (decision 0062); any other answers 404.
        "/declarations/{id:int}",
        "/calendar/{secret}.ics",
        // A published sign-up form (decision 0064): rate-limited, honeypot, antiforgery.
        "/join/{slug}",
    ];

    [Fact]
    public void Every_endpoint_declares_a_policy_or_is_on_the_allow_list()
    {
        _ = app.Server; // starts the host so every data source has built its endpoints
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 20, $"Only {endpoints.Count} endpoints were found; the enumeration is broken.");

        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (anonymous)
            {
                if (!Anonymous.Contains(route)) problems.Add($"{route} ({endpoint.DisplayName}) allows anonymous access but is not on the allow-list");
            }
            else if (policies.Count == 0 || policies.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{route} ({endpoint.DisplayName}) declares no authorization policy");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_allow_listed_route_exists()
    {
        _ = app.Server;
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')).ToHashSet();
        Assert.DoesNotContain(Anonymous, r => !routes.Contains(r));
    }

    /// The directives' endpoints (issue 5) are enumerated above like every other; here each is checked for the permission it needs.
    [Theory]
    [InlineData("GET", "/api/v1/directives/inbox", Permission.DirectivesRead)]
    [InlineData("POST", "/api/v1/directives/", Permission.DirectivesManage)]
    [InlineData("GET", "/api/v1/directives/{id:int}", Permission.DirectivesRead)]
    [InlineData("GET", "/api/v1/directives/{id:int}/rollup", Permission.DirectivesRead)]
    [InlineData("GET", "/api/v1/directives/{id:int}/assignments", Permission.DirectivesRead)]
    [InlineData("GET", "/api/v1/directives/assignments/{id:long}", Permission.DirectivesRead)]
    [InlineData("POST", "/api/v1/directives/assignments/{id:long}/acknowledge", Permission.DirectivesManage)]
    [InlineData("POST", "/api/v1/directives/assignments/{id:long}/start", Permission.DirectivesManage)]
    [InlineData("POST", "/api/v1/directives/assignments/{id:long}/report", Permission.DirectivesManage)]
    [InlineData("POST", "/api/v1/directives/assignments/{id:long}/accept", Permission.DirectivesManage)]
    [InlineData("POST", "/api/v1/directives/assignments/{id:long}/return", Permission.DirectivesManage)]
    [InlineData("POST", "/api/v1/directives/assignments/{id:long}/pass-on", Permission.DirectivesManage)]
    [InlineData("GET", "/directives", Permission.DirectivesRead)]
    [InlineData("GET", "/directives/new", Permission.DirectivesManage)]
    [InlineData("GET", "/directives/{id:int}", Permission.DirectivesRead)]
    [InlineData("GET", "/directives/assignments/{id:long}", Permission.DirectivesRead)]
    public void A_directive_endpoint_requires_its_permission(string method, string route, Permission permission)
    {
        _ = app.Server;
        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == route.TrimEnd('/') || "/" + e.RoutePattern.RawText?.TrimStart('/') == route)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains(method))
            .FirstOrDefault();
        Assert.True(endpoint is not null, $"{method} {route} is not mapped.");
        Assert.Contains(Permissions.Policy(permission), endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
    }
}
