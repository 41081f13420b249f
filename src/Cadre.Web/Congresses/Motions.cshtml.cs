using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses.Motions;
using Cadre.Data;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Congresses;

/// The motions to a congress: the deadlines and minimum of supporters, the list, and the form to submit one.
[Requires(Permission.CongressVote)]
public sealed class MotionsModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public int CongressId { get; private set; }

    public string CongressTitle { get; private set; } = "";

    public MotionRules Rules { get; private set; } = null!;

    public IReadOnlyList<MotionSummary> Motions { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(int id, string? title, string? text, string? reason, string? organizationCode, CancellationToken ct)
    {
        int? organization = null;
        if (!string.IsNullOrWhiteSpace(organizationCode))
        {
            var code = Organization.NormalizeCode(organizationCode);
            organization = await db.Organizations.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct) ?? 0;
        }
        var result = await SubmitMotion.HandleAsync(db, await actors.GetAsync(ct), id, new SubmitMotion.Request
        {
            Title = title ?? "", Text = text ?? "", Reason = reason, OrganizationId = organization,
        }, ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = "The motion is submitted.";
            return Redirect($"/motions/{result.Value}");
        }
        return await FailAsync(id, result.Error, ct);
    }

    public async Task<IActionResult> OnPostRulesAsync(int id, DateTime? motionsDueAt, DateTime? amendmentsDueAt, int? motionSupporters, CancellationToken ct)
    {
        var result = await SetMotionRules.HandleAsync(db, await actors.GetAsync(ct), id,
            new SetMotionRules.Request(motionsDueAt, amendmentsDueAt, motionSupporters ?? 0), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = "The rules for motions are set.";
            return Redirect($"/congresses/{id}/motions");
        }
        return await FailAsync(id, result.Error, ct);
    }

    private async Task<IActionResult> FailAsync(int id, Error error, CancellationToken ct)
    {
        if (CongressPages.Refuse(error) is { } refused) return refused;
        CongressPages.Show(this, error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await actors.GetAsync(ct);
        var motions = await MotionQueries.ListAsync(db, actor, id, ct);
        if (!motions.IsSuccess) return false;
        Motions = motions.Value;
        Rules = (await MotionQueries.RulesAsync(db, actor, id, ct)).Value;
        CongressId = id;
        CongressTitle = await db.Congresses.Where(c => c.Id == id).Select(c => c.Title).SingleAsync(ct);
        var organization = await db.Congresses.Where(c => c.Id == id).Select(c => c.OrganizationId).SingleAsync(ct);
        CanManage = await actor.CanAsync(db, Permission.CongressesManage, organization, ct);
        return true;
    }
}
