using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.MassOrganizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.MassOrganizations;

[Requires(Permission.MassOrganizationsRead)]
public sealed class BodyModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public MassBodyView? View { get; private set; }

    public Trend? Trend { get; private set; }

    /// The bodies of the same mass organization, for the move form.
    public IReadOnlyList<MassBodyRow> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLinkAsync(string? org, CancellationToken ct)
    {
        var organization = await MassOrganizationPages.OrganizationIdAsync(db, org, ct);
        return await RunAsync(a => LinkMassBody.LinkAsync(db, a, Id, new LinkMassBody.Request(organization ?? 0), ct), "The link is recorded.", ct);
    }

    public Task<IActionResult> OnPostUnlinkAsync(int organizationId, CancellationToken ct) =>
        RunAsync(a => LinkMassBody.UnlinkAsync(db, a, Id, organizationId, ct), "The link is ended.", ct);

    public async Task<IActionResult> OnPostPositionAsync(string? number, string? office, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var trimmed = number?.Trim() ?? "";
        var member = await db.Members.Where(m => m.Number == trimmed).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        return await RunAsync(a => RecordMassPosition.HandleAsync(db, a, Id, new RecordMassPosition.Request
        {
            MemberId = member ?? 0, Office = office, From = from ?? default, To = to,
        }, ct), "The position is recorded.", ct);
    }

    public Task<IActionResult> OnPostEndAsync(int positionId, DateOnly? on, CancellationToken ct) =>
        RunAsync(a => RecordMassPosition.EndAsync(db, a, positionId, new RecordMassPosition.EndRequest(on), ct), "The position is ended.", ct);

    public Task<IActionResult> OnPostReportAsync(DateOnly? on, int? members, int? women, int? youth, string? note, CancellationToken ct) =>
        RunAsync(a => FileMassReport.HandleAsync(db, a, Id, new FileMassReport.Request { On = on ?? default, Members = members ?? -1, Women = women, Youth = youth, Note = note }, ct),
            "The report is filed.", ct);

    public Task<IActionResult> OnPostMoveAsync(int? parentId, CancellationToken ct) =>
        RunAsync(a => MoveMassBody.HandleAsync(db, a, Id, new MoveMassBody.Request(parentId), ct), "The body is moved.", ct);

    private async Task<IActionResult> RunAsync<T>(Func<Actor, Task<Result<T>>> action, string done, CancellationToken ct)
    {
        var result = await action(await actors.GetAsync(ct));
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return Redirect($"/mass-organizations/bodies/{Id}");
        }
        if (result.Error is MassBodyNotFound) return NotFound();
        ModelState.Clear();
        MassOrganizationPages.AddErrors(ModelState, result.Error);
        if (!await LoadAsync(ct)) return NotFound();
        Response.StatusCode = Problems.StatusOf(result.Error);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var view = await MassOrganizationQueries.BodyAsync(db, actor, Id, ct);
        if (!view.IsSuccess) return false;
        View = view.Value;
        var trend = await MassTrend.RunAsync(db, actor, View.MassOrganizationId, Id, MassTrend.ParseMonth(From), MassTrend.ParseMonth(To), ct);
        Trend = trend.IsSuccess ? trend.Value : (await MassTrend.RunAsync(db, actor, View.MassOrganizationId, Id, null, null, ct)).Value;
        if (View.CanKeep) Others = (await MassOrganizationQueries.GetAsync(db, actor, View.MassOrganizationId, ct)).Value.Bodies.Where(o => o.Id != Id).ToList();
        return true;
    }
}
