using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Members;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Members;

[Requires(Permission.MembersRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "search")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "organizationId")]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public MemberStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "sex")]
    public Sex? Sex { get; set; }

    [BindProperty(SupportsGet = true, Name = "occupationId")]
    public int? OccupationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "educationId")]
    public int? EducationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public string? NextPageUrl { get; private set; }

    public string? OrganizationName { get; private set; }

    public bool CanRegister { get; private set; }

    public IReadOnlyList<SelectListItem> Occupations { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Education { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        // A malformed filter value (a letter in a number, an unknown status) is ignored rather than refused.
        if (Search?.Length > 200) Search = Search[..200];
        var filter = new MemberFilter
        {
            Search = Search, OrganizationId = OrganizationId, Status = Status, Sex = Sex, OccupationId = OccupationId,
            EducationId = EducationId, Cursor = Cursor, Take = 50,
        };
        var page = await MemberQueries.ListAsync(db, actor, filter, ct);
        if (!page.IsSuccess)
        {
            if (page.Error is NotFoundError) return NotFound();
            if (page.Error is InvalidCursor)
            {
                // A stale or edited cursor: start from the first page.
                Cursor = null;
                page = await MemberQueries.ListAsync(db, actor, filter with { Cursor = null }, ct);
            }
            if (!page.IsSuccess) return NotFound();
        }
        Members = page.Value.Items;
        if (page.Value.Next is { } next) NextPageUrl = PageUrl(next);
        if (OrganizationId is { } orgId)
            OrganizationName = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync(ct);

        // One URL answers with the whole page or, for htmx, the table alone: caches must tell them apart.
        Response.Headers.Vary = "HX-Request";
        if (Request.Headers.ContainsKey("HX-Request")) return Partial("/Members/_MemberTable.cshtml", this);

        CanRegister = actor.Has(Permission.MembersManage);
        (Occupations, Education) = await MemberForms.ClassifierItemsAsync(db, ct);
        return Page();
    }

    private string PageUrl(string cursor)
    {
        var query = new Dictionary<string, string?>
        {
            ["search"] = Search, ["organizationId"] = OrganizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = Status?.ToString(), ["sex"] = Sex?.ToString(),
            ["occupationId"] = OccupationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["educationId"] = EducationId?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["cursor"] = cursor,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/members",
            query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
