using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cadre.Web.Supporters;

/// The public sign-up form is the one anonymous write: each client address may post it a few times per window, then gets 429.
/// The limiter is ASP.NET Core's, kept in each instance's memory: behind several instances the limit multiplies by their
/// number, which is enough against a flood; the honeypot and the merge by address keep the data clean (decision 0064).
public static class SignupRateLimit
{
    public const string Policy = "signup";

    public static IServiceCollection AddSignupRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Supporters:SignupsPerWindow", 10);
        var window = TimeSpan.FromSeconds(configuration.GetValue("Supporters:SignupWindowSeconds", 600));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context =>
                // Reading the form costs nothing; only posting it is counted.
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
        });
        return services;
    }
}
