using Cadre.Accounts;
using Cadre.Data;
using Cadre.Health;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Health;

/// The administrator sets each warning rule's threshold, window and scope, turns rules on and off, and adds rules.
/// Every change is audited (WarningRule is IAudited); a bad value is a named error and changes nothing.
[Requires(Permission.HealthRulesManage)]
public sealed class RulesModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty] public ChangeWarningRule.Request Input { get; set; } = new();

    public IReadOnlyList<WarningRule> Rules { get; private set; } = [];

    /// The rule whose form the problem belongs to (0 for the new rule).
    public int? ProblemRule { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rules = await HealthQueries.RulesAsync(db, ct);

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => SaveAsync(id, ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => SaveAsync(null, ct);

    private async Task<IActionResult> SaveAsync(int? id, CancellationToken ct)
    {
        var saved = await ChangeWarningRule.HandleAsync(db, await actors.GetAsync(ct), id, Input, ct);
        if (!saved.IsSuccess && saved.Error is WarningRuleNotFound) return NotFound();
        if (saved.IsSuccess) Done = id is null ? "The rule was added: the next computation applies it." : "The rule was saved: the next computation applies it.";
        else
        {
            ProblemRule = id ?? 0;
            Problems = saved.Error is Cadre.Common.ValidationFailed failed ? [.. failed.Errors.Select(e => e.Message)] : [saved.Error.Message];
        }
        db.ChangeTracker.Clear();
        Rules = await HealthQueries.RulesAsync(db, ct);
        return Page();
    }
}

/// One rule's fields on the rules page (Rule is null for the form that adds one).
public sealed record RuleForm(string Prefix, WarningRule? Rule);
