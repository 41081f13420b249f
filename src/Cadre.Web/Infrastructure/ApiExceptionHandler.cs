using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Infrastructure;

/// Unexpected failures on the API become problem details, never an HTML page. A write that lost a race
/// (a concurrent edit, a unique value taken a moment earlier) is a 409 the client can retry; anything else a 500.
/// Pages fall through to the error page, with the same status.
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public static int StatusOf(Exception exception) =>
        exception is DbUpdateException ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiStatus.IsApi(httpContext.Request)) return false;
        var status = StatusOf(exception);
        if (status == StatusCodes.Status500InternalServerError) logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = status == 409 ? "The request conflicts with a concurrent change." : "Something went wrong.",
                Detail = status == 409 ? "Someone else changed the same data at the same moment. Reload and try again." : "Nothing was changed; the error has been logged.",
            },
        });
    }
}
