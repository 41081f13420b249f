using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Directives;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Directives;

/// Issue a directive: to the whole subtree, to organizations of chosen levels, or to chosen organizations by code.
[Requires(Permission.DirectivesManage)]
public sealed class NewModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public DateOnly? IssuedOn { get; set; }

    [BindProperty] public DateOnly? DueOn { get; set; }

    [BindProperty] public bool ReportRequired { get; set; } = true;

    [BindProperty] public string? ReportForm { get; set; }

    [BindProperty] public List<string?> Figures { get; set; } = [];

    [BindProperty] public DirectiveTarget Target { get; set; } = DirectiveTarget.Subtree;

    [BindProperty] public List<int> LevelIds { get; set; } = [];

    [BindProperty] public string? Codes { get; set; }

    public IReadOnlyList<Level> Levels { get; private set; } = [];

    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        if (string.IsNullOrWhiteSpace(Org) && await DirectiveInbox.HomeAsync(db, actor, ct) is { } home)
            Org = await db.Organizations.Where(o => o.Id == home).Select(o => o.Code).SingleAsync(ct);
        IssuedOn = db.Today;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var issuer = await DirectivePages.FindAsync(db, actor, Org, Permission.DirectivesManage, ct);
        Error? error = issuer is null ? new InvalidField("Org", "There is no such organization among those whose directives you manage.") : null;
        List<int>? organizationIds = null;
        if (error is null && Target == DirectiveTarget.Organizations)
        {
            var codes = (Codes ?? "").Split([',', '\n', '\r', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Organization.NormalizeCode).Distinct().ToList();
            if (codes.Count > Directive.MaxChosenOrganizations) error = new TooManyTargets(Directive.MaxChosenOrganizations);
            else
            {
                var found = await db.Organizations.Where(o => codes.Contains(o.Code)).Select(o => new { o.Id, o.Code }).ToListAsync(ct);
                var unknown = codes.Except(found.Select(f => f.Code)).ToList();
                if (unknown.Count > 0) error = new InvalidField("Codes", $"No organization has the code {string.Join(", ", unknown.Take(5))}.");
                organizationIds = found.Select(f => f.Id).ToList();
            }
        }
        if (error is null && DueOn is null) error = new InvalidField("DueOn", "Give the due date.");
        if (error is null)
        {
            var issued = await IssueDirective.HandleAsync(db, actor, new IssueDirective.Request
            {
                IssuerOrganizationId = issuer!.Id, Title = Title, Text = Text, IssuedOn = IssuedOn, DueOn = DueOn!.Value, ReportRequired = ReportRequired,
                ReportForm = ReportForm, Figures = Figures.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!).ToList(), Target = Target,
                LevelIds = LevelIds, OrganizationIds = organizationIds,
            }, ct);
            if (issued.IsSuccess)
            {
                TempData["Flash"] = $"The directive is issued to {issued.Value.Assignments:N0} organization(s).";
                return Redirect($"/directives/{issued.Value.DirectiveId}");
            }
            error = issued.Error;
        }
        ModelState.Clear();
        error!.AddTo(ModelState, "", new Dictionary<string, string> { ["IssuerOrganizationId"] = "Org", ["OrganizationIds"] = "Codes" });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Levels = await db.Levels.AsNoTracking().Where(l => l.Rank > 0).OrderBy(l => l.Rank).ToListAsync(ct);
        while (Figures.Count < Directive.MaxFigures) Figures.Add(null);
    }
}
