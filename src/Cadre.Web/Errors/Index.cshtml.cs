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
        // Keep the original status: the error page is the body of the failed response.
        (Title, Explanation) = code switch
        {
            400 => ("The request was refused", "The form was sent without a valid security token (it may have expired, or it was not sent from Cadre). Reload the page and try again."),
            403 => ("Not permitted", "Your roles do not allow this."),
            404 => ("Not found", "There is no such page, or it is outside the part of the organization you may see."),
            413 => ("Too large", "What you sent is larger than Cadre accepts."),
            500 => ("Something went wrong", "Cadre could not complete the request. Nothing was changed; the error has been logged."),
            _ => ("Error " + code, "The request could not be completed."),
        };
        if (HttpContext.Response.StatusCode == 200) HttpContext.Response.StatusCode = code is >= 400 and < 600 ? code : 400;
    }
}
