using Cadre.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Cadre.Web.Infrastructure;

/// Every page and endpoint declares one of these policies; a test proves none is left without.
public static class Policies
{
    /// Any signed-in user (their own account, tokens, profile).
    public const string SignedIn = "signed-in";

    public static string For(Permission permission) => Permissions.Policy(permission);

    public static IServiceCollection AddCadreAuthorization(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.Configure<AuthorizationOptions>(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
                options.AddPolicy(For(permission), p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        });
        return services;
    }
}

public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// The policy only says whether the user holds the permission somewhere; which organizations it covers
/// is applied by every query through Actor.Scope.
public sealed class PermissionHandler(ActorAccessor actors) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var actor = await actors.GetAsync();
        if (actor.Has(requirement.Permission)) context.Succeed(requirement);
    }
}

public static class EndpointAuthorizationExtensions
{
    public static TBuilder Requires<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policies.For(permission));
}
