using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Errors;

/// The page shown for a status code without a page of its own. Readable by anyone: it reveals nothing.
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // Keep the original status: the error page is the body of the failed response (a lost race re-executes
        // /error/500 with 409, say).
        var status = HttpContext.Response.StatusCode >= 400 ? HttpContext.Response.StatusCode : code;
        (Title, Explanation) = status switch
        {
            400 => ("The request was refused", "The form was sent without a valid security token (it may have expired, or it was not sent from Cadre). Reload the page and try again."),
            403 => ("Not permitted", "Your roles do not allow this."),
            404 => ("Not found", "There is no such page, or it is outside the part of the organization you may see."),
            409 => ("Changed meanwhile", "Someone else changed the same data at the same moment, so your change was not saved. Go back, reload and try again."),
            413 => ("Too large", "What you sent is larger than Cadre accepts."),
            500 => ("Something went wrong", "Cadre could not complete the request. Nothing was changed; the error has been logged."),
            _ => ("Error " + status, "The request could not be completed."),
        };
        if (HttpContext.Response.StatusCode < 400) HttpContext.Response.StatusCode = status is >= 400 and < 600 ? status : 404;
    }
}
