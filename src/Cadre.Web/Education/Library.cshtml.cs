using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Library;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Education;

[Requires(Permission.LibraryRead)]
public sealed class LibraryModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Author { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? YearFrom { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? YearTo { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public CursorPage<DocumentRow>? Results { get; private set; }

    public string? Problem { get; private set; }

    public bool CanManage { get; private set; }

    public string NextLink => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["kind"] = Kind?.ToString(), ["language"] = Language, ["author"] = Author, ["yearFrom"] = YearFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["yearTo"] = YearTo?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["cursor"] = Results?.Next,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var query ? "/library" + query : "/library";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        CanManage = actor.Has(Permission.LibraryManage);
        if (!ModelState.IsValid)
        {
            Problem = "The year is a number such as 1992.";
            return;
        }
        var result = await LibraryQueries.ListAsync(db, new LibraryFilter
        {
            Query = Q, Kind = Kind, Language = Language, Author = Author, YearFrom = YearFrom, YearTo = YearTo, Cursor = Cursor,
        }, ct);
        if (result.IsSuccess) Results = result.Value;
        else Problem = result.Error.Message;
    }
}
