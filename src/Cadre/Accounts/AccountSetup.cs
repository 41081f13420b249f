using Cadre.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cadre.Accounts;

public static class AccountSetup
{
    /// Identity with Cadre's password and lockout rules; shared by the web app (which adds sign-in) and the CLI.
    public static IdentityBuilder AddCadreIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<CadreUser>(options =>
            {
                // Length over composition, as NIST SP 800-63B advises.
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CadreDbContext>();
}
