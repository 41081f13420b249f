using Cadre.Accounts;
using Cadre.Data;

namespace Cadre.Web.Infrastructure;

/// Until the first administrator exists, every page leads to /setup. Once set up, stays set up:
/// the flag only ever goes from false to true, so keeping it per app instance is safe with several instances.
public sealed class SetupGate(RequestDelegate next)
{
    private volatile bool isSetUp;

    public async Task InvokeAsync(HttpContext context, CadreDbContext db)
    {
        if (!isSetUp)
        {
            isSetUp = !await SetUpFirstAdministrator.IsNeededAsync(db, context.RequestAborted);
            var path = context.Request.Path;
            if (!isSetUp && !path.StartsWithSegments("/setup") && !path.StartsWithSegments("/health")
                && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/lib")
                && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js") && !path.StartsWithSegments("/error"))
            {
                context.Response.Redirect("/setup");
                return;
            }
        }
        await next(context);
    }
}
