using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Directives;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Directives;

/// One organization's assignment: acknowledge, start, report with the figures, pass on to its subtree; the issuer accepts or
/// returns the report.
[Requires(Permission.DirectivesRead)]
public sealed class AssignmentModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public AssignmentView Assignment { get; private set; } = null!;

    public string? OpenForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, (await AcknowledgeAssignment.HandleAsync(db, await actors.GetAsync(ct), id, ct)).Error, "The directive is acknowledged.", "", ct);

    public async Task<IActionResult> OnPostStartAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, (await StartAssignment.HandleAsync(db, await actors.GetAsync(ct), id, ct)).Error, "Work on the directive has started.", "", ct);

    public async Task<IActionResult> OnPostReportAsync(long id, ReportOutcome outcome, string? reason, string? text, long?[]? figures, bool summarise,
        CancellationToken ct)
    {
        var result = await ReportAssignment.HandleAsync(db, await actors.GetAsync(ct), id, new ReportAssignment.Request
        {
            Outcome = outcome, Reason = reason, Text = text, Figures = figures ?? [], SummariseSubtree = summarise,
        }, ct);
        return await AfterAsync(id, result.Error, "The report is sent.", "report", ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, string? note, CancellationToken ct) =>
        await AfterAsync(id, (await AcceptReport.HandleAsync(db, await actors.GetAsync(ct), id, new AcceptReport.Request(note), ct)).Error,
            "The report is accepted.", "review", ct);

    public async Task<IActionResult> OnPostReturnAsync(long id, string? note, CancellationToken ct) =>
        await AfterAsync(id, (await ReturnReport.HandleAsync(db, await actors.GetAsync(ct), id, new ReturnReport.Request(note), ct)).Error,
            "The report is returned for rework.", "review", ct);

    public async Task<IActionResult> OnPostPassOnAsync(long id, string? title, string? text, DateOnly? dueOn, CancellationToken ct)
    {
        if (dueOn is null) return await AfterAsync(id, new InvalidField("DueOn", "Give the due date."), "", "pass-on", ct);
        var result = await PassOnDirective.HandleAsync(db, await actors.GetAsync(ct), id,
            new PassOnDirective.Request { Title = title, Text = text, DueOn = dueOn.Value }, ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = $"The directive is passed on to {result.Value.Assigned + result.Value.Repointed:N0} organization(s).";
            return Redirect($"/directives/{result.Value.DirectiveId}");
        }
        return await AfterAsync(id, result.Error, "", "pass-on", ct);
    }

    private async Task<IActionResult> AfterAsync(long id, Error? error, string flash, string form, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect($"/directives/assignments/{id}");
        }
        if (error is NotFoundError) return NotFound();
        if (error is ForbiddenError) return Forbid();
        ModelState.Clear();
        foreach (var message in error is ValidationFailed v ? v.Errors.Select(e => e.Message) : [error.Message]) ModelState.AddModelError("", message);
        OpenForm = form;
        Response.StatusCode = error is ConflictError ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var assignment = await DirectiveQueries.GetAssignmentAsync(db, await actors.GetAsync(ct), id, ct);
        if (!assignment.IsSuccess) return false;
        Assignment = assignment.Value;
        return true;
    }
}
