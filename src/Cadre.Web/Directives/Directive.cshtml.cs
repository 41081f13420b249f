using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Directives;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Directives;

/// A directive with its roll-up below the issuer, drilling down to any organization of its subtree (?at=), and the list of
/// assignments there (all, by state or the overdue).
[Requires(Permission.DirectivesRead)]
public sealed class DirectiveModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public Rollup Rollup { get; private set; } = null!;

    public CursorPage<AssignmentRow> Assignments { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public int? At { get; set; }

    [BindProperty(SupportsGet = true)] public AssignmentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var rollup = await DirectiveRollup.RunAsync(db, actor, id, At, ct);
        if (!rollup.IsSuccess) return NotFound();
        Rollup = rollup.Value;
        var list = await DirectiveQueries.ListAssignmentsAsync(db, actor, id,
            new AssignmentFilter { At = At, Status = Status, OverdueOnly = Overdue, Cursor = Cursor, Take = 50 }, ct);
        if (!list.IsSuccess) return BadRequest();
        Assignments = list.Value;
        return Page();
    }

    public string Link(int? at = null, AssignmentStatus? status = null, bool overdue = false, string? cursor = null)
    {
        var query = new List<string>();
        if (at is { } a) query.Add($"at={a}");
        if (status is { } s) query.Add($"status={s}");
        if (overdue) query.Add("overdue=true");
        if (cursor is not null) query.Add($"cursor={Uri.EscapeDataString(cursor)}");
        return $"/directives/{Rollup.Directive.Id}" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }
}
