using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Supporters;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Supporters;

[Requires(Permission.SupportersRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public ConsentPurpose? Purpose { get; set; }

    [BindProperty(SupportsGet = true)] public string? Interest { get; set; }

    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public CursorPage<SupporterRow>? Supporters { get; private set; }

    public bool CanKeep { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        CanKeep = actor.Has(Permission.SupportersManage);
        int? organizationId = null;
        if (!string.IsNullOrWhiteSpace(Org))
        {
            var organization = await SupporterPages.FindAsync(db, actor, Org, Permission.SupportersRead, ct);
            if (organization is null)
            {
                ModelState.AddModelError("", new SupporterScopeNotFound().Message);
                return;
            }
            organizationId = organization.Id;
        }
        if (Purpose is { } p && !Enum.IsDefined(p)) Purpose = null;
        var listed = await SupporterQueries.ListAsync(db, actor, new SupporterFilter
        {
            OrganizationId = organizationId, Query = Q, Purpose = Purpose, Interest = Interest, Cursor = Cursor,
        }, ct);
        if (listed.IsSuccess) Supporters = listed.Value;
        else ModelState.AddModelError("", listed.Error.Message);
    }

    public string NextLink(string next) =>
        $"/supporters?org={Uri.EscapeDataString(Org ?? "")}&q={Uri.EscapeDataString(Q ?? "")}&purpose={Purpose}&interest={Uri.EscapeDataString(Interest ?? "")}&cursor={Uri.EscapeDataString(next)}";
}
