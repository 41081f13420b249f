using Cadre.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Congresses;

/// What the congress pages share: a use case's error shown on the form (or as 404/403), success as a flash after a redirect.
internal static class CongressPages
{
    public static string Date(DateOnly? on) => on?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static bool Show(PageModel page, Error error)
    {
        page.ModelState.Clear();
        foreach (var message in error is ValidationFailed v ? v.Errors.Select(e => e.Message) : [error.Message]) page.ModelState.AddModelError("", message);
        page.Response.StatusCode = error switch
        {
            ForbiddenError => StatusCodes.Status403Forbidden,
            ConflictError => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return true;
    }

    public static IActionResult? Refuse(Error error) => error switch
    {
        NotFoundError => new NotFoundResult(),
        _ => null,
    };
}
