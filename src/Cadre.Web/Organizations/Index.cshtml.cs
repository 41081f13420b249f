using Cadre.Accounts;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Organizations;

/// A node of the browsable tree, today's or a past date's.
public sealed record TreeNode(int Id, string Code, string Name, string Level, OrganizationStatus Status, bool HasChildren, DateOnly? On);

public sealed record TreeNodes(IReadOnlyList<TreeNode> Nodes);

[Requires(Permission.OrganizationsRead)]
public sealed class IndexModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    public DateOnly Today => db.Today;

    public TreeNodes Roots { get; private set; } = new([]);

    public IReadOnlyList<OrganizationSummary>? SearchResults { get; private set; }

    public bool CanCreateTop { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        CanCreateTop = actor.IsAdministrator && On is null;
        if (On > db.Today) On = db.Today;
        Roots = await LoadAsync(db, actor, On, null, ct) ?? new TreeNodes([]);
        if (!string.IsNullOrWhiteSpace(Search)) SearchResults = await OrganizationQueries.SearchAsync(db, actor, Search, 50, ct);
        return Page();
    }

    /// Today's tree comes from the organizations themselves, a past date's from their recorded versions.
    internal static async Task<TreeNodes?> LoadAsync(CadreDbContext db, Actor actor, DateOnly? on, int? parentId, CancellationToken ct)
    {
        if (on is { } day)
        {
            var versions = await OrganizationQueries.TreeOnAsync(db, actor, day, parentId, ct);
            if (!versions.IsSuccess) return null;
            return new TreeNodes(versions.Value.Select(v => new TreeNode(v.OrganizationId, v.Code, v.Name, v.Level, v.Status, v.HasChildren, day)).ToList());
        }
        if (parentId is { } id)
        {
            var children = await OrganizationQueries.ChildrenAsync(db, actor, id, includeEnded: false, ct);
            if (!children.IsSuccess) return null;
            return new TreeNodes(children.Value.Select(c => new TreeNode(c.Id, c.Code, c.Name, c.Level, c.Status, c.HasChildren, null)).ToList());
        }
        var roots = await OrganizationQueries.RootsAsync(db, actor, ct);
        return new TreeNodes(roots.Select(c => new TreeNode(c.Id, c.Code, c.Name, c.Level, c.Status, c.HasChildren, null)).ToList());
    }
}
