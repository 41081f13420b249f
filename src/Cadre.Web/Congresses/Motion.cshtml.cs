using Cadre.Accounts;
using Cadre.Common;
using Cadre.Congresses.Motions;
using Cadre.Data;
using Cadre.Elections.Majorities;
using Cadre.Organizations;
using Cadre.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Congresses;

/// One motion: its numbered lines, supporters (htmx), amendments with their side-by-side diffs, the committee's recommendations,
/// the votes, the text as amended so far and its versions.
[Requires(Permission.CongressVote)]
public sealed class MotionModel(CadreDbContext db, ActorAccessor actors) : PageModel
{
    public MotionDetail Motion { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSupportAsync(int id, CancellationToken ct) => SupportAsync(id, true, ct);

    public Task<IActionResult> OnPostUnsupportAsync(int id, CancellationToken ct) => SupportAsync(id, false, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, (await WithdrawMotion.HandleAsync(db, await actors.GetAsync(ct), id, ct)).Error, "The motion is withdrawn.", ct);

    public async Task<IActionResult> OnPostAmendAsync(int id, AmendmentKind kind, int? fromLine, int? toLine, string? text, string? reason,
        string? organizationCode, CancellationToken ct)
    {
        int? organization = null;
        if (!string.IsNullOrWhiteSpace(organizationCode))
        {
            var code = Organization.NormalizeCode(organizationCode);
            organization = await db.Organizations.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct) ?? 0;
        }
        var result = await ProposeAmendment.HandleAsync(db, await actors.GetAsync(ct), id, new ProposeAmendment.Request
        {
            Kind = kind, FromLine = fromLine ?? -1, ToLine = toLine, Text = text, Reason = reason, OrganizationId = organization,
        }, ct);
        return await AfterAsync(id, result.Error, result.IsSuccess ? $"Amendment A{result.Value} is proposed." : "", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAmendmentAsync(int id, int number, CancellationToken ct) =>
        await AfterAsync(id, (await WithdrawAmendment.HandleAsync(db, await actors.GetAsync(ct), id, number, ct)).Error, $"Amendment A{number} is withdrawn.", ct);

    public async Task<IActionResult> OnPostRecommendAsync(int id, int number, Recommendation recommendation, string? modifiedText, string? note,
        CancellationToken ct) =>
        await AfterAsync(id, (await RecommendOnAmendment.HandleAsync(db, await actors.GetAsync(ct), id, number,
            new RecommendOnAmendment.Request(recommendation, modifiedText, note), ct)).Error, $"The committee's recommendation on A{number} is recorded.", ct);

    public async Task<IActionResult> OnPostVoteAmendmentAsync(int id, int number, long? yes, long? no, long? abstain, CancellationToken ct)
    {
        var result = await VoteOnAmendment.HandleAsync(db, await actors.GetAsync(ct), id, number,
            new VoteRequest { Yes = yes ?? 0, No = no ?? 0, Abstain = abstain ?? 0 }, ct);
        return await AfterAsync(id, result.Error, result.IsSuccess ? $"Amendment A{number} is {(result.Value ? "adopted" : "rejected")}." : "", ct);
    }

    public async Task<IActionResult> OnPostVoteAsync(int id, long? yes, long? no, long? abstain, MajorityKind? majority, MajorityBase? majorityBase,
        CancellationToken ct)
    {
        var result = await VoteOnMotion.HandleAsync(db, await actors.GetAsync(ct), id, new VoteRequest
        {
            Yes = yes ?? 0, No = no ?? 0, Abstain = abstain ?? 0, Majority = majority ?? MajorityKind.Simple, MajorityBase = majorityBase ?? MajorityBase.ValidVotes,
        }, ct);
        return await AfterAsync(id, result.Error, result.IsSuccess ? $"The motion is {(result.Value ? "adopted" : "rejected")}." : "", ct);
    }

    private async Task<IActionResult> SupportAsync(int id, bool support, CancellationToken ct)
    {
        var result = await SupportMotion.HandleAsync(db, await actors.GetAsync(ct), id, support, ct);
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            if (!result.IsSuccess && CongressPages.Refuse(result.Error) is { } refused) return refused;
            if (!await LoadAsync(id, ct)) return NotFound();
            if (!result.IsSuccess) Response.StatusCode = Problems.StatusOf(result.Error);
            return Partial("_Supporters", Motion);
        }
        return await AfterAsync(id, result.Error, support ? "You support the motion." : "Your support is taken back.", ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Error? error, string flash, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect($"/motions/{id}");
        }
        if (CongressPages.Refuse(error) is { } refused) return refused;
        CongressPages.Show(this, error);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var motion = await MotionQueries.GetAsync(db, await actors.GetAsync(ct), id, ct);
        if (!motion.IsSuccess) return false;
        Motion = motion.Value;
        return true;
    }
}
