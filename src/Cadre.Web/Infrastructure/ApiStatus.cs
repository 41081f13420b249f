namespace Cadre.Web.Infrastructure;

/// 401 and 403 for the API as problem details (RFC 9457), never a redirect to the sign-in page.
public static class ApiStatus
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static async Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        var detail = status == StatusCodes.Status401Unauthorized
            ? "Sign in, or send a personal access token as 'Authorization: Bearer cadre_pat_…'."
            : "Your roles do not allow this.";
        if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = status == 401 ? "Not authenticated." : "Not permitted.", Detail = detail },
        });
    }
}
